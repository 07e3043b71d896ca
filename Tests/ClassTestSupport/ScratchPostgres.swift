import Foundation

/// A real PostgreSQL server for tests and the class benchmark, in a scratch folder on a loopback
/// port; never a user's cluster. PostgreSQL refuses to run as root, so when the tests run as root
/// (CI) the cluster is created and started as the `postgres` user. If it cannot be started the
/// caller gets an error saying why: class tests fail loudly, they never skip.
public final class ScratchPostgres: @unchecked Sendable {
    public let port: Int
    public let directory: String
    public let superuser = "dltutor"
    public let password = "teacher-secret"
    private var stopped = false
    /// The server's command-line options, to start it again after `shutDown()`.
    private let serverOptions: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The server's `postgres://` URL for a database (the superuser, i.e. the instructor).
    public func url(database: String = "postgres") -> String {
        "postgres://\(superuser):\(password)@127.0.0.1:\(port)/\(database)"
    }

    /// Creates a cluster (initdb) and starts it; `maxConnections` for the benchmark's 200 students.
    public init(maxConnections: Int = 100) throws {
        let bin = try Self.binaries()
        directory = "/tmp/dltutor-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        port = try FreePort.find()
        let asPostgres = getuid() == 0
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "\(password)\n".write(toFile: directory + "/pw", atomically: true, encoding: .utf8)
        if asPostgres { _ = try Shell.run("/bin/chown", ["-R", "postgres:postgres", directory]) }
        let data = directory + "/data"
        try Self.run(
            bin + "/initdb",
            [
                "-D", data, "-U", superuser, "--pwfile=\(directory)/pw", "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"
            ], asPostgres: asPostgres)
        let opts =
            "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c max_connections=\(maxConnections) -c shared_buffers=64MB"
        serverOptions = opts
        try Self.run(
            bin + "/pg_ctl", ["-D", data, "-l", directory + "/log", "-w", "-t", "60", "-o", opts, "start"], asPostgres: asPostgres
        )
        try Self.watchdog(
            owner: getpid(),
            stop: (asPostgres ? "/usr/sbin/runuser -u postgres -- " : "")
                + "\(bin)/pg_ctl -D \(data) -m immediate stop", directory: directory)
    }

    /// A small shell that outlives a killed test process and stops the server then, so no
    /// scratch server is ever left running (the tests' atexit handler may never run).
    static func watchdog(owner: pid_t, stop: String, directory: String) throws {
        let script =
            "while kill -0 \(owner) 2>/dev/null; do sleep 1; done; if [ -d \(directory) ]; then \(stop); rm -rf \(directory); fi"
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0) }
        let argv = [String](["/bin/sh", "-c", script]).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard rc == 0 else { throw Failure(description: "cannot start the PostgreSQL watchdog") }
    }

    deinit { stop() }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        if let bin = try? Self.binaries() {
            _ = try? Self.run(bin + "/pg_ctl", ["-D", directory + "/data", "-m", "fast", "-w", "stop"], asPostgres: getuid() == 0)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// `pg_ctl restart` (fast mode): every connection is cut and the server is back within about
    /// half a second, as when an administrator restarts it.
    public func restart() throws {
        try Self.run(
            try Self.binaries() + "/pg_ctl", ["-D", directory + "/data", "-m", "fast", "-w", "-t", "60", "restart"],
            asPostgres: getuid() == 0)
    }

    /// Stops the server (fast mode: connections cut, new ones refused) until `startAgain()`: an outage.
    public func shutDown() throws {
        try Self.run(
            try Self.binaries() + "/pg_ctl", ["-D", directory + "/data", "-m", "fast", "-w", "stop"], asPostgres: getuid() == 0)
    }

    /// Starts the server again after `shutDown()`, on the same port and data.
    public func startAgain() throws {
        try Self.run(
            try Self.binaries() + "/pg_ctl",
            ["-D", directory + "/data", "-l", directory + "/log", "-w", "-t", "60", "-o", serverOptions, "start"],
            asPostgres: getuid() == 0)
    }

    /// Runs SQL through psql as the superuser (setup only; the code under test uses PostgresNIO).
    @discardableResult
    public func psql(_ sql: String, database: String = "postgres") throws -> String {
        try Shell.run(
            "/usr/bin/psql",
            [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port),
                "-U", superuser, "-d", database, "-c", sql
            ],
            environment: ["PGPASSWORD": password])
    }

    /// A fresh database on this server, for one test.
    public func createDatabase(_ prefix: String = "class") throws -> String {
        let name = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))"
        try psql("CREATE DATABASE \(name)")
        return name
    }

    static func binaries() throws -> String {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted {
            (Int($0) ?? 0) > (Int($1) ?? 0)
        }
        for v in versions where FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/pg_ctl") {
            return "\(root)/\(v)/bin"
        }
        throw Failure(
            description: "PostgreSQL is not installed (no \(root)/*/bin/pg_ctl); run `apt-get install -y postgresql` or .ci/run.")
    }

    private static func run(_ tool: String, _ args: [String], asPostgres: Bool) throws {
        if asPostgres {
            try Shell.run("/usr/sbin/runuser", ["-u", "postgres", "--", tool] + args)
        } else {
            try Shell.run(tool, args)
        }
    }
}

/// Runs a program to its end with posix_spawn and waitpid; a non-zero exit is an error carrying
/// its output. Output goes through a file, not a pipe: `pg_ctl start` leaves the server running
/// with the same stdout, so a pipe would never reach end of file.
public enum Shell {
    @discardableResult
    public static func run(_ tool: String, _ args: [String], environment: [String: String] = [:]) throws -> String {
        let (status, text) = try status(tool, args, environment: environment)
        guard status == 0 else {
            throw ScratchPostgres.Failure(
                description: "\(tool) \(args.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }

    /// Runs a program to its end; returns its exit status (128 + n when killed by signal n) and output.
    public static func status(_ tool: String, _ args: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let log = "/tmp/dltutor-shell-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log"
        defer { unlink(log) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv = ([tool] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, tool, &actions, nil, argv, envp)
        guard rc == 0 else { throw ScratchPostgres.Failure(description: "cannot run \(tool): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let signal = status & 0x7f
        return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, text)
    }
}

/// A loopback port nobody listens on right now.
public enum FreePort {
    public static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw ScratchPostgres.Failure(description: "no free loopback port") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
