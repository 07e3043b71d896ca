import Foundation
import PTYTestSupport

/// Starts `store-writer --hold`, a separate process that keeps `db`'s write lock for `seconds`,
/// and returns once it says it has the lock (it throws when the holder says anything else).
public func holdLock(_ db: String, seconds: Double) throws -> Process {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: PTYHarness.builtProduct("store-writer"))
    p.arguments = ["--hold", db, String(seconds)]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
    guard line.hasPrefix("locked") else { throw LockHolderFailed(said: line) }
    return p
}

/// The lock holder did not report holding the lock.
public struct LockHolderFailed: Error, CustomStringConvertible {
    public let said: String
    public var description: String { "holder: \(said)" }
}
