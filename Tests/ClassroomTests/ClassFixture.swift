import ClassTestSupport
import ClassroomStore
import Foundation
import PTYTestSupport
import TestFixtures

/// One real PostgreSQL server for this test process (started on first use, stopped at exit),
/// and a fresh database per test. When the server cannot start, every class test fails with the
/// reason: nothing is skipped quietly.
enum ClassFixture {
    static let server: Result<ScratchPostgres, ScratchPostgres.Failure> = {
        do {
            let s = try ScratchPostgres(maxConnections: 150)
            serverForExit = s
            atexit { serverForExit?.stop() }
            return .success(s)
        } catch let e as ScratchPostgres.Failure {
            return .failure(ScratchPostgres.Failure(description: "cannot start PostgreSQL for the class tests: \(e.description)"))
        } catch {
            return .failure(ScratchPostgres.Failure(description: "cannot start PostgreSQL for the class tests: \(error)"))
        }
    }()
    nonisolated(unsafe) static var serverForExit: ScratchPostgres?

    /// A new, empty database with the class schema; returns its instructor URL.
    static func freshClass() async throws -> (ScratchPostgres, ClassURL, ClassDatabase) {
        let server = try server.get()
        let name = try server.createDatabase()
        let url = try ClassURL(parsing: server.url(database: name))
        let db = try await ClassDatabase.connect(url)
        try await ClassSchema.migrate(db)
        return (server, url, db)
    }

    static var binary: String { PTYHarness.builtProduct("dltutor") }
    static var classBinary: String { PTYHarness.builtProduct("dltutor-class") }

    static var content: String { ExamFolder.sessional1 }

    /// Runs the dltutor binary (no terminal) and returns (status, stdout + stderr).
    static func cli(_ args: [String], env: [String: String] = [:]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
