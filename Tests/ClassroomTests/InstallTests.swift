import ClassTestSupport
import Foundation
import Testing

/// `make install`'s script into a scratch prefix: the installed binary finds its exam without
/// --content from any directory, `dltutor exams` lists it, and uninstall removes every file.
@Suite("Install and exams")
struct InstallTests {
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test func installedBinaryFindsItsExamAndUninstallRemovesAll() throws {
        let prefix = "/tmp/dltutor-install-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let script = Self.root + "/scripts/install.sh"
        let env = ["DLTUTOR_BIN": ClassFixture.binary, "DLTUTOR_CLASS_BIN": ClassFixture.classBinary, "DLTUTOR_NO_MAN": "1"]
        // Run from the clone (the script copies content/ from there).
        let install = try Shell.status("/bin/sh", ["-c", "cd \(Self.root) && sh \(script) install \(prefix)"], environment: env)
        #expect(install.0 == 0, "\(install.1)")
        // Installed binaries are stripped (the build folder's keep their symbols); the commands
        // below then prove the stripped binaries still run.
        for binary in ["dltutor", "dltutor-class"] {
            let symbols = try Shell.status("/bin/sh", ["-c", "nm \(prefix)/bin/\(binary) 2>&1 | head -1"])
            #expect(symbols.1.contains("no symbols"), "\(binary): \(symbols.1)")
        }
        let unstripped = try Shell.status("/bin/sh", ["-c", "nm \(ClassFixture.binary) | wc -l"])
        #expect((Int(unstripped.1.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 1000, "\(unstripped.1)")
        let exams = try Shell.status(prefix + "/bin/dltutor", ["exams"], environment: ["XDG_DATA_HOME": prefix + "/xdg"])
        #expect(
            exams.1.contains("aml5202-sessional1") && exams.1.contains(prefix + "/share/dltutor/exams/aml5202-sessional1"),
            "\(exams.1)")
        let list = try Shell.status(prefix + "/bin/dltutor", ["list"], environment: ["DLTUTOR_CONTENT": ""])
        #expect(list.0 == 0 && list.1.contains("AML 5202"), "\(list.1)")
        // `dltutor class` finds dltutor-class next to itself, not on PATH.
        let classHelp = try Shell.status(prefix + "/bin/dltutor", ["class", "--help"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(
            classHelp.0 == 0 && classHelp.1.contains("roster") && classHelp.1.contains("USAGE: dltutor class"), "\(classHelp.1)")
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/bash-completion/completions/dltutor"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/zsh/site-functions/_dltutor"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/fish/vendor_completions.d/dltutor.fish"))
        let uninstall = try Shell.status("/bin/sh", [script, "uninstall", prefix])
        #expect(uninstall.0 == 0)
        let left =
            FileManager.default.enumerator(atPath: prefix)?.allObjects.compactMap { $0 as? String }.filter {
                var dir: ObjCBool = false
                return FileManager.default.fileExists(atPath: prefix + "/" + $0, isDirectory: &dir) && !dir.boolValue
            } ?? []
        #expect(left.isEmpty, "left behind: \(left)")
    }

    /// The student's binary starts without PostgreSQL's client: none of PostgresNIO, NIO or
    /// BoringSSL is linked into `dltutor`; they are all in `dltutor-class`.
    @Test func studentBinaryLinksNoPostgresNIOOrSSL() throws {
        func count(_ binary: String) throws -> Int {
            let out = try Shell.status("/bin/sh", ["-c", "nm \(binary) | grep -c -E 'PostgresNIO|NIOCore|CNIOBoringSSL' || true"])
            return Int(out.1.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        #expect(try count(ClassFixture.binary) == 0)
        #expect(try count(ClassFixture.classBinary) > 1000)
    }
}
