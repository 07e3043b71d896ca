// swift-tools-version:6.1
// Package.swift is the architecture diagram: targets grouped by layer, every
// dependency arrow pointing inward toward pure code (see ARCHITECTURE.md).
import PackageDescription

let package = Package(
    name: "dltutor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dltutor", targets: ["dltutor"]),
        // The class commands (PostgreSQL through PostgresNIO, hence NIO and BoringSSL) live in their
        // own binary, so the student's `dltutor` starts without loading them; `dltutor class ...`
        // and `dltutor demo --class` exec it (see ARCHITECTURE.md, Classroom).
        .executable(name: "dltutor-class", targets: ["dltutor-class"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        // Classroom: a class's answers in PostgreSQL (async client with LISTEN/NOTIFY; see ARCHITECTURE.md).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2")
    ],
    targets: [
        // MARK: Pure core (no I/O, no clock, no ncurses)
        .target(name: "MathEngine"),
        .target(name: "TutorContent", dependencies: ["MathEngine", .product(name: "Yams", package: "Yams")]),
        .target(name: "TutorSession", dependencies: ["TutorContent", "MathEngine"]),

        // MARK: Presentation (pure)
        // Text for a terminal, a CSV cell or a JSON string: one hidden-control filter, CSV with
        // formula neutralising, JSON writing (used by both executables and the export).
        .target(name: "TutorOutput"),
        .target(name: "TerminalUI"),
        .target(name: "TutorScreens", dependencies: ["TutorSession", "TutorContent", "MathEngine", "TerminalUI"]),

        // MARK: Edges (I/O)
        // Content from disk: the exam folder's files, read in parallel, and the parsed-content cache.
        .target(name: "ContentLoading", dependencies: ["TutorContent", "MathEngine", .product(name: "Yams", package: "Yams")]),
        // Content lint: every check across many variants, pictures included (drawn by TutorScreens).
        .target(
            name: "ContentLint",
            dependencies: ["ContentLoading", "TutorContent", "MathEngine", "TutorSession", "TutorScreens", "TerminalUI"]),
        // Attempts, sessions, progress and spaced review in SQLite (GRDB), behind `ProgressStore`.
        .target(name: "TutorStore", dependencies: ["TutorOutput", .product(name: "GRDB", package: "GRDB.swift")]),
        // A class in PostgreSQL: schema, roster, answers, quizzes, live demo (see docs/class-server.md).
        .target(
            name: "ClassroomStore",
            dependencies: ["TutorStore", "TutorSession", .product(name: "PostgresNIO", package: "postgres-nio")]),
        .target(name: "TutorApp", dependencies: ["TutorScreens", "TutorSession", "TutorStore", "TerminalUI", "MathEngine"]),
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TerminalUI"]),
        // What both executables share: content and screen options, the full-screen launcher.
        .target(
            name: "TutorCLI",
            dependencies: [
                "TutorContent", "ContentLoading", "TutorSession", "TutorApp", "TutorStore", "CursesTerminal", "TerminalUI",
                "TutorOutput", .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]),
        .executableTarget(
            name: "dltutor",
            dependencies: [
                "MathEngine", "TutorContent", "ContentLoading", "ContentLint", "TutorSession", "TutorApp", "TutorScreens",
                "TutorStore", "CursesTerminal", "TerminalUI", "TutorOutput",
                "TutorCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            exclude: ["exports.map"],
            // Only `main` is exported from the release binary: Swift executables export every
            // symbol (`-rdynamic`), and the runtime's start-up `dladdr` calls scan them all
            // linearly; 11,500 of them cost ~0.4 ms of every start (measured with `perf stat`).
            linkerSettings: [
                .unsafeFlags(
                    ["-Xlinker", "--version-script=\(Context.packageDirectory)/Sources/dltutor/exports.map"],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .executableTarget(
            name: "dltutor-class",
            dependencies: [
                "ClassroomStore", "TutorCLI", "TutorOutput", "TutorContent", "ContentLoading", "TutorSession", "TutorStore",
                "CursesTerminal",
                "MathEngine", "TerminalUI", "TutorApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ]
        ),

        // MARK: Benchmarks (release build, `make bench`)
        .executableTarget(
            name: "dltutor-bench",
            dependencies: [
                "MathEngine", "TutorContent", "ContentLoading", "ContentLint", "TutorSession", "TutorScreens", "TerminalUI",
                "PTYTestSupport", .product(name: "Yams", package: "Yams")
            ],
            path: "Benchmarks/dltutor-bench"),

        // MARK: Tests
        .testTarget(name: "MathEngineTests", dependencies: ["MathEngine"]),
        .testTarget(name: "TutorOutputTests", dependencies: ["TutorOutput"]),
        .testTarget(
            name: "TutorContentTests",
            dependencies: ["TutorContent", "ContentLoading", "ContentLint", "MathEngine", "TestFixtures"]),
        .testTarget(
            name: "TutorSessionTests",
            dependencies: ["TutorSession", "TutorContent", "ContentLoading", "MathEngine", "TestFixtures"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "PTYTestSupport"]),
        // The real `curses-smoke` program in a pty (CursesTerminal end to end).
        .testTarget(name: "CursesTerminalTests", dependencies: ["TerminalUI", "PTYTestSupport"]),
        .testTarget(
            name: "TutorAppTests",
            dependencies: [
                "TutorApp", "TutorSession", "TutorContent", "ContentLoading", "TutorStore", "TerminalUI", "TestFixtures",
                "MathEngine"
            ]),
        .testTarget(
            name: "TutorScreensTests",
            dependencies: [
                "TutorScreens", "TutorSession", "TutorContent", "ContentLoading", "ContentLint", "TerminalUI", "TestFixtures"
            ],
            exclude: ["Snapshots"]),
        // Fixtures every suite shares: where the bundled exams are, typing into a session, an
        // edited copy of a question, an exam whose variants fail for some seeds, a lock holder.
        .target(
            name: "TestFixtures", dependencies: ["TutorContent", "ContentLoading", "TutorSession", "PTYTestSupport"],
            path: "Tests/TestFixtures"),
        // Test support shared by end-to-end suites: a pty driver and a small VT screen model.
        .target(name: "PTYTestSupport", dependencies: ["TerminalUI"], path: "Tests/PTYTestSupport"),
        // A minimal CursesTerminal program the pty tests and benchmarks drive (not a product).
        .executableTarget(
            name: "curses-smoke", dependencies: ["CursesTerminal", "TerminalUI", "TutorSession"], path: "Tests/CursesSmoke"),
        .testTarget(name: "TutorStoreTests", dependencies: ["TutorStore", "PTYTestSupport"]),
        // A child process that writes attempts through TutorStore; the durability tests SIGKILL it.
        .executableTarget(
            name: "store-writer", dependencies: ["TutorStore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/StoreWriter"),
        .testTarget(
            name: "CLITests",
            dependencies: ["dltutor", "TestFixtures", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "TutorE2ETests", dependencies: ["dltutor", "PTYTestSupport", "TerminalUI", "TestFixtures"]),
        // Classroom tests start their own PostgreSQL and sshd on loopback (scratch folders).
        .target(name: "ClassTestSupport", path: "Tests/ClassTestSupport"),
        .testTarget(
            name: "ClassroomTests",
            dependencies: [
                "ClassroomStore", "ClassTestSupport", "dltutor", "dltutor-class", "MathEngine", "PTYTestSupport", "TerminalUI",
                "TutorContent", "ContentLoading", "TestFixtures"
            ]),
        .executableTarget(
            name: "dltutor-bench-class",
            dependencies: ["ClassroomStore", "ClassTestSupport", "TutorContent", "ContentLoading", "TutorSession", "MathEngine"],
            path: "Benchmarks/dltutor-bench-class")
    ]
)
