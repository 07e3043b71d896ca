/// How long to wait before the next attempt to reach the class database: 0.25 s after the first
/// failure, doubling up to 2 s. A restart (half a second) is bridged in under a second; a long
/// outage is probed every 2 s, so a student is back within 2 s of the server's return without a
/// class of 200 hammering it while it is down.
///
///     var b = ClassBackoff()
///     b.failed(); b.delay   // 0.25 s
///     b.failed(); b.delay   // 0.5 s
///     b.succeeded(); b.delay // 0
public struct ClassBackoff: Sendable, Equatable {
    public var first: Duration
    public var limit: Duration
    /// Failures in a row since the last success.
    public private(set) var failures = 0

    public init(first: Duration = .milliseconds(250), limit: Duration = .seconds(2)) {
        self.first = first
        self.limit = limit
    }

    /// The wait before the next attempt (zero while nothing has failed).
    public var delay: Duration {
        guard failures > 0 else { return .zero }
        var d = first
        for _ in 1..<min(failures, 16) where d < limit { d = d * 2 }
        return min(d, limit)
    }

    public mutating func failed() { failures += 1 }
    public mutating func succeeded() { failures = 0 }
}
