import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The progress store on an SQLite file through GRDB: one `DatabaseQueue` connection in WAL
/// mode with a busy timeout (so two tutors can share a file), `synchronous = FULL`, each write
/// in its own IMMEDIATE transaction. The file is inspected through a read-only connection before
/// anything writes to it: a damaged file, another program's database or one from a newer dltutor
/// is refused and left untouched.
public class SQLiteStore: ProgressStore, @unchecked Sendable {
    public struct Options: Sendable {
        /// Open without ever writing, as when the file or its folder is not writable. Checked
        /// automatically with access(2); this flag forces it (root passes access(W_OK) anyway).
        public var readOnly: Bool
        /// Seconds to wait for another process's lock before a write gives up.
        public var busyTimeout: Double
        /// `synchronous = FULL` (fsync the WAL on every commit: survives power loss too) or
        /// NORMAL (survives a killed process, may lose the last commits on power loss).
        public var synchronousFull: Bool
        /// Test hook: `PRAGMA max_page_count`, so a test can fill the "disk" (SQLITE_FULL).
        public var maxPageCount: Int?

        public init(
            readOnly: Bool = false, busyTimeout: Double = 5, synchronousFull: Bool = true,
            maxPageCount: Int? = nil
        ) {
            self.readOnly = readOnly
            self.busyTimeout = busyTimeout
            self.synchronousFull = synchronousFull
            self.maxPageCount = maxPageCount
        }
    }

    /// The schema version this build writes (`PRAGMA user_version`).
    public static var schemaVersion: Int { Schema.version }

    let db: DatabaseQueue
    public let location: String?
    private let busySeconds: Double
    private let lock = NSLock()
    private var reason: StoreError?
    /// The file's device and inode once open (nil in memory or read-only): a write first checks
    /// the path still names that file, so a database deleted or replaced while the tutor runs is
    /// said on screen instead of answers going on into an unlinked file.
    private var identity: (device: UInt64, inode: UInt64)?

    /// Opens (creating folder, file and schema as needed) the database at `path`. Never throws:
    /// when the file cannot be used the store returned does not save (a `InMemoryStore`, or this
    /// store read-only) and `warning` is the one line to show.
    public static func open(path: String, options: Options = Options()) -> (store: any ProgressStore, warning: String?) {
        do {
            let store = try SQLiteStore(path: path, options: options)
            return (store, store.notSavingReason?.message)
        } catch {
            // Locked while opening (a migration needs the write lock): nothing is queued yet, so
            // this session runs without saving, and says so.
            if case .busy = error { return (InMemoryStore(reason: error), error.message + " Not saving in this session.") }
            return (InMemoryStore(reason: error), error.message)
        }
    }

    /// Opens the database at `path` or throws why it cannot be used at all. A read-only but
    /// otherwise sound file opens for reading, with `isSaving == false`.
    public init(path: String, options: Options = Options()) throws(StoreError) {
        location = path
        busySeconds = options.busyTimeout
        try Self.refuseSpecialFile(path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, let why = Self.makeFolders(folder) { throw .cannotCreateFolder(path: folder, reason: why) }
        var info = stat()
        let size: Int? = stat(path, &info) == 0 ? Int(info.st_size) : nil
        let writable =
            !options.readOnly
            && access(folder.isEmpty ? "." : folder, W_OK) == 0
            && (size == nil || access(path, W_OK) == 0)
        // SQLite cannot open a WAL database in a read-only folder (it needs its -shm file beside
        // it), so a read-only database is read from a private copy; the original is only read.
        if !writable {
            guard let size, size > 0 else { throw .readOnly(path: path) }
            db = try Self.openCopy(of: path, busyTimeout: options.busyTimeout, incomplete: .readOnly(path: path))
            reason = .readOnly(path: path)
            return
        }
        if let size, size > 0 {
            _ = try Self.inspectRollingBack(path: path, busyTimeout: options.busyTimeout)
        }
        var config = Configuration()
        config.label = "dltutor.store"
        config.busyMode = .timeout(options.busyTimeout)
        do {
            let maxPages = options.maxPageCount
            config.prepareDatabase { db in
                if let maxPages { try db.execute(sql: "PRAGMA max_page_count = \(maxPages)") }
                // WAL, set here rather than with GRDB's `journalMode = .wal`: that setup also
                // commits a throwaway CREATE/DROP TABLE whenever the -wal file is absent (every
                // start after a clean exit), a write and a sync before the first frame, which
                // only its DatabasePool readers need. This store is one DatabaseQueue.
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else { throw DatabaseError(message: "could not turn on WAL mode (got \(mode ?? "nothing"))") }
            }
            // Two tutors opening a new file at once race twice: switching to WAL needs an
            // exclusive lock that SQLite refuses at once (no busy wait), and GRDB's migrator reads
            // the applied migrations outside the migration's transaction, so both may run v1 and
            // one fails ("table ... already exists", "duplicate column" or a second row in
            // `grdb_migrations`, rolled back). Both are retried, every 50 ms
            // for up to the busy timeout; the retry then finds v1 applied.
            var tries = max(1, Int(options.busyTimeout / 0.05))
            var opened: DatabaseQueue?
            while opened == nil {
                do {
                    let queue = try DatabaseQueue(path: path, configuration: config)
                    // After the WAL switch (prepareDatabase), on the queue's only connection.
                    let sync = options.synchronousFull ? "FULL" : "NORMAL"
                    try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = \(sync)") }
                    try Schema.migrator.migrate(queue)
                    opened = queue
                } catch {
                    let e = StoreError.from(error, path: path, busySeconds: options.busyTimeout)
                    // Later migrations race the same way: two `ADD COLUMN`s give "duplicate column",
                    // and a migration whose statements succeed twice (`IF NOT EXISTS`) fails when
                    // it records itself a second time in `grdb_migrations`.
                    let message = (error as? DatabaseError)?.message ?? ""
                    let transient =
                        !e.stopsSaving || message.contains("already exists") || message.contains("duplicate column")
                        || message.contains("UNIQUE constraint failed: grdb_migrations")
                    tries -= 1
                    guard transient, tries > 0 else { throw e }
                    usleep(50_000)
                }
            }
            db = opened!
            identity = Self.identity(of: path)
        }
    }

    /// Opens an existing database only to read it (`export`, `stats`): never creates a folder
    /// or a file, never writes, so a mistyped `--db` leaves nothing behind. The file is read in
    /// place through a read-only connection, which needs no free disk space (a full disk still
    /// exports); only when SQLite cannot read it in place (a read-only folder without its `-shm`)
    /// is it read from a private copy (see `openCopy`).
    public init(readingFrom path: String, busyTimeout: Double = 5) throws(StoreError) {
        location = path
        busySeconds = busyTimeout
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        try Self.refuseSpecialFile(path)
        var info = stat()
        if stat(path, &info) == 0, info.st_size == 0 {
            throw .failed(path: path, detail: "the file is empty: nothing has been saved in it yet")
        }
        let incomplete = StoreError.failed(
            path: path, detail: "it was written by an older dltutor; open it once with the tutor to upgrade it")
        // No tutor has it open (no -wal, no -shm): reading it in place would create both beside
        // it, so it is read from a private copy and nothing appears next to the user's file.
        // Only when no copy can be made (a full temporary folder) is it read in place.
        let fm = FileManager.default
        reason = .readOnly(path: path)
        if !fm.fileExists(atPath: path + "-wal") && !fm.fileExists(atPath: path + "-shm") {
            do {
                db = try Self.openCopy(of: path, busyTimeout: busyTimeout, incomplete: incomplete)
                return
            } catch  where error != Self.noCopy(path) {
                throw error
            } catch {}
        }
        var config = Configuration()
        config.label = "dltutor.store.reader"
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        var complete = false
        do { complete = try Self.inspect(path: path, busyTimeout: busyTimeout) } catch {
            switch error {
            case .corrupt, .notOurs, .newerSchema, .busy: throw error // the file itself is the problem
            default: break // cannot open in place: try a copy
            }
        }
        if complete, let queue = try? DatabaseQueue(path: path, configuration: config),
            (try? queue.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM attempt") })) != nil
        {
            db = queue
            return
        }
        db = try Self.openCopy(of: path, busyTimeout: busyTimeout, incomplete: incomplete)
    }

    /// A FIFO, a device, a folder or a socket at `path` is refused before SQLite opens it (its
    /// `open` would wait forever for a FIFO's writer).
    static func refuseSpecialFile(_ path: String) throws(StoreError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        let kind: String? =
            switch info.st_mode & S_IFMT {
            case S_IFREG: nil
            case S_IFDIR: "a folder"
            case S_IFIFO: "a FIFO"
            case S_IFCHR, S_IFBLK: "a device"
            case S_IFSOCK: "a socket"
            default: "a special file"
            }
        if let kind { throw .failed(path: path, detail: "it is \(kind), not a regular file") }
    }

    /// Creates `folder` and its missing parents (mode 0700); the reason in words when it cannot.
    static func makeFolders(_ folder: String) -> String? {
        var built = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + part
            var info = stat()
            if stat(built, &info) == 0 {
                if info.st_mode & S_IFMT != S_IFDIR { return "\(built) is a file, not a folder" }
                continue
            }
            if mkdir(built, 0o700) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
        }
        return nil
    }

    /// `inspect`, after rolling back a hot journal: a creation or write killed halfway leaves a
    /// `-journal` that a read-only connection may not roll back (SQLite says "read-only"), which
    /// would make every later run think the file read-only. A writable connection rolls it back.
    static func inspectRollingBack(path: String, busyTimeout: Double) throws(StoreError) -> Bool {
        do {
            return try inspect(path: path, busyTimeout: busyTimeout)
        } catch .readOnly(let p) {
            guard FileManager.default.fileExists(atPath: path + "-journal") else { throw .readOnly(path: p) }
            var config = Configuration()
            config.busyMode = .timeout(busyTimeout)
            do {
                let queue = try DatabaseQueue(path: path, configuration: config)
                _ = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") }
                try queue.close()
            } catch {
                throw StoreError.from(error, path: path, busySeconds: busyTimeout)
            }
            return try inspect(path: path, busyTimeout: busyTimeout)
        }
    }

    /// An error found on the private copy, told with the user's file name.
    static func renamed(_ error: any Error, from copy: String, to path: String) -> StoreError {
        let e = (error as? StoreError) ?? StoreError.from(error, path: path, busySeconds: 0)
        return switch e {
        case .corrupt(_, let d): .corrupt(path: path, detail: d.replacingOccurrences(of: copy, with: path))
        case .notOurs: .notOurs(path: path)
        case .newerSchema(_, let f, let k): .newerSchema(path: path, found: f, known: k)
        case .failed(_, let d): .failed(path: path, detail: d.replacingOccurrences(of: copy, with: path))
        case .readOnly: .readOnly(path: path)
        case .busy(_, let seconds): .busy(path: path, seconds: seconds)
        case .diskFull: .diskFull(path: path)
        default: .failed(path: path, detail: "it cannot be read")
        }
    }

    /// A store in memory: keeps progress for this run only (used by `InMemoryStore`).
    init(inMemoryBecause why: StoreError?) {
        location = nil
        busySeconds = 0
        reason = why
        // An in-memory SQLite database cannot fail to open or migrate short of running out of memory.
        db = try! DatabaseQueue()
        try! Schema.migrator.migrate(db)
    }

    /// Checks an existing file through a read-only connection; returns whether every migration
    /// this build knows has been applied.
    static func inspect(path: String, busyTimeout: Double) throws(StoreError) -> Bool {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            return try queue.read { db throws -> Bool in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                if check != ["ok"] {
                    throw StoreError.corrupt(path: path, detail: check.prefix(1).joined())
                }
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let hasMigrations = try db.tableExists("grdb_migrations")
                let tables =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                            """) ?? 0
                if (appID != 0 && appID != Schema.applicationID) || (!hasMigrations && tables > 0) {
                    throw StoreError.notOurs(path: path)
                }
                let migrator = Schema.migrator
                let superseded = try hasMigrations && migrator.hasBeenSuperseded(db)
                if userVersion > Schema.version || superseded {
                    let applied = hasMigrations ? (try migrator.appliedIdentifiers(db)).count : 0
                    throw StoreError.newerSchema(path: path, found: max(userVersion, applied), known: Schema.version)
                }
                return hasMigrations ? try migrator.hasCompletedMigrations(db) : false
            }
        } catch {
            throw StoreError.from(error, path: path, busySeconds: busyTimeout)
        }
    }

    /// Device and inode of the file at `path`, nil when there is none.
    static func identity(of path: String) -> (device: UInt64, inode: UInt64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    // MARK: State

    public var isSaving: Bool { lock.withLock { reason == nil } }
    /// `InMemoryStore` keeps writing to its in-memory database although it is "not saving".
    var acceptsWritesWhenNotSaving: Bool { false }
    public var notSavingReason: StoreError? { lock.withLock { reason } }

    /// Runs `body` in its own IMMEDIATE transaction (takes the write lock up front, so the busy
    /// timeout applies instead of a deadlock between two processes). Does nothing when not saving.
    /// A failure other than a lock timeout stops saving and is thrown once.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T? {
        guard isSaving || acceptsWritesWhenNotSaving else { return nil }
        if let identity, let path = location, Self.identity(of: path).map({ $0 != identity }) ?? true {
            let e = StoreError.failed(path: path, detail: "it was deleted or replaced while the tutor ran")
            lock.withLock { if reason == nil { reason = e } }
            throw e
        }
        do {
            var result: T?
            try db.inTransaction(.immediate) { db in
                result = try body(db)
                return .commit
            }
            return result
        } catch {
            let e = StoreError.from(error, path: location ?? ":memory:", busySeconds: busySeconds)
            if e.stopsSaving { lock.withLock { if reason == nil { reason = e } } }
            throw e
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try db.read { try body($0) }
        } catch {
            throw StoreError.from(error, path: location ?? ":memory:", busySeconds: busySeconds)
        }
    }

    // MARK: Writing

    public func record(_ a: StoredAttempt) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO attempt (time, mode, question_id, step_id, topic, seed, input, verdict, mistake,
                                         correct, seconds, quiz_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    a.time.timeIntervalSince1970, a.mode, a.questionID, a.stepID, a.topic,
                    a.seed.map(Self.encode), a.input, a.verdict, a.mistake, a.correct,
                    a.seconds, a.quizID
                ])
        }
    }

    public func savePosition(_ p: PracticePosition) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO practice_position (question_id, seed, step_index, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(question_id) DO UPDATE SET seed = excluded.seed, step_index = excluded.step_index,
                        updated_at = excluded.updated_at
                    """, arguments: [p.questionID, p.seed.map(Self.encode), p.stepIndex, p.updatedAt.timeIntervalSince1970])
        }
    }

    @discardableResult
    public func saveQuiz(_ q: QuizRecord) throws(StoreError) -> Int64? {
        try write { db -> Int64 in
            let s = q.settings
            let args: StatementArguments = [
                q.startedAt.timeIntervalSince1970, q.endedAt?.timeIntervalSince1970,
                s.minutes, s.questionIDs.joined(separator: " "),
                s.seed.map(Self.encode), s.feedback, q.score, q.maxScore, q.status.rawValue
            ]
            let id: Int64
            if let existing = q.id {
                try db.execute(
                    sql: """
                        UPDATE quiz SET started_at = ?, ended_at = ?, minutes = ?, question_ids = ?, seed = ?,
                            feedback = ?, score = ?, max_score = ?, status = ? WHERE id = ?
                        """, arguments: args + [existing])
                if db.changesCount == 0 {
                    try db.execute(
                        sql: """
                            INSERT INTO quiz (started_at, ended_at, minutes, question_ids, seed, feedback, score,
                                max_score, status, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: args + [existing])
                }
                id = existing
                try db.execute(sql: "DELETE FROM quiz_step WHERE quiz_id = ?", arguments: [id])
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO quiz (started_at, ended_at, minutes, question_ids, seed, feedback, score, max_score, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: args)
                id = db.lastInsertedRowID
            }
            for (i, step) in q.steps.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO quiz_step (quiz_id, position, question_id, step_id, verdict, score, max_score)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, i, step.questionID, step.stepID, step.verdict, step.score, step.maxScore])
            }
            return id
        } ?? nil
    }

    @discardableResult
    public func recordReview(question: String, step: String, quality: Int, at time: Date) throws(StoreError) -> ReviewItem {
        let saved = try write { db -> ReviewItem in
            let before = try Self.reviewItem(db, question: question, step: step)
            let after = SM2.review(before, questionID: question, stepID: step, quality: quality, at: time)
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO review_item (question_id, step_id, easiness, repetitions, interval_days,
                        due, last_reviewed, last_quality) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    question, step, after.easiness, after.repetitions, after.intervalDays,
                    after.due.timeIntervalSince1970, after.lastReviewed.timeIntervalSince1970,
                    after.lastQuality
                ])
            return after
        }
        if let saved { return saved }
        // Not saving: report what the schedule would be, from what is stored.
        let before = try? read { try Self.reviewItem($0, question: question, step: step) }
        return SM2.review(before ?? nil, questionID: question, stepID: step, quality: quality, at: time)
    }

    public func resetAll() throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    DELETE FROM attempt; DELETE FROM practice_position; DELETE FROM review_item; DELETE FROM reveal;
                    DELETE FROM quiz_step; DELETE FROM quiz; DELETE FROM drill;
                    """)
        }
    }

    public func reset(questionID: String) throws(StoreError) {
        try write { db in
            for table in ["attempt", "practice_position", "review_item", "reveal"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE question_id = ?", arguments: [questionID])
            }
        }
    }
}
