import Foundation

/// A real OpenSSH server for the class tests: its own host key, config and port on 127.0.0.1,
/// in a scratch folder, with the Match block of `scripts/class/sshd_config.snippet` (the one the
/// class server uses) for the user running the tests. Stopped by `stop()` or at deinit.
public final class ScratchSSHD: @unchecked Sendable {
    public let port: Int
    public let directory: String
    public let user: String
    /// The first student's private key (the public half is in authorized_keys with their id).
    public let clientKey: String
    /// Each student's private key, by id.
    public let keys: [String: String]
    private let process: Process

    public convenience init(snippet: String, dltutor: String, classDB: String, student: String) throws {
        try self.init(snippet: snippet, dltutor: dltutor, classDB: classDB, students: [student])
    }

    /// An sshd where each of `students` logs in with a key of their own.
    public init(snippet: String, dltutor: String, classDB: String, students: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw ScratchPostgres.Failure(
                description: "sshd is not installed; run `apt-get install -y openssh-server` or .ci/run.")
        }
        directory = "/tmp/dltutor-sshd-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        port = try FreePort.find()
        user = String(cString: getpwuid(getuid()).pointee.pw_name)
        clientKey = directory + "/student_key"
        try Shell.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", directory + "/host_key"])
        var lines = "", studentKeys: [String: String] = [:]
        for (i, student) in students.enumerated() {
            let key = i == 0 ? clientKey : directory + "/student_key_\(i)"
            try Shell.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key])
            let pub = try String(contentsOfFile: key + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            lines += "restrict,pty,environment=\"DLTUTOR_STUDENT=\(student)\" \(pub)\n"
            studentKeys[student] = key
        }
        keys = studentKeys
        try lines.write(toFile: directory + "/authorized_keys", atomically: true, encoding: .utf8)
        try "\(classDB)\n".write(toFile: directory + "/class-db", atomically: true, encoding: .utf8)
        let match = try String(contentsOfFile: snippet, encoding: .utf8)
            .replacingOccurrences(of: "@CLASS_USER@", with: user)
            .replacingOccurrences(of: "@CLASS_DB_FILE@", with: directory + "/class-db")
            .replacingOccurrences(of: "@DLTUTOR@", with: dltutor)
            .replacingOccurrences(of: "@AUTHORIZED_KEYS@", with: directory + "/authorized_keys")
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(directory)/host_key
            PidFile \(directory)/sshd.pid
            UsePAM no
            StrictModes no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            AuthorizedKeysFile none
            LogLevel VERBOSE
            \(match)
            """
        try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        try Shell.run("/usr/sbin/sshd", ["-t", "-f", directory + "/sshd_config"])
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/sshd")
        process.arguments = ["-D", "-e", "-f", directory + "/sshd_config"]
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        // Ready when the port accepts a connection (sshd needs a moment to load keys).
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port) {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw ScratchPostgres.Failure(description: "sshd did not start on 127.0.0.1:\(port)")
            }
            usleep(50_000)
        }
    }

    deinit { stop() }

    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// `ssh` arguments that log in as the student (with `extra` before the destination).
    public func sshArguments(_ extra: [String] = [], command: [String] = [], student: String? = nil) -> [String] {
        [
            "-i", student.flatMap { keys[$0] } ?? clientKey, "-p", String(port), "-o", "StrictHostKeyChecking=no", "-o",
            "UserKnownHostsFile=/dev/null",
            "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-o", "IdentitiesOnly=yes"
        ] + extra + ["\(user)@127.0.0.1"] + command
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
