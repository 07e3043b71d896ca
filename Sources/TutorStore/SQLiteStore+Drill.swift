import Foundation
import GRDB

/// A finished drill: how many single steps of a topic were right in the time.
public struct DrillRecord: Sendable, Equatable {
    public var startedAt: Date
    public var topic: String
    public var minutes: Double
    public var score: Int
    public var tried: Int

    public init(startedAt: Date, topic: String, minutes: Double, score: Int, tried: Int) {
        self.startedAt = startedAt
        self.topic = topic
        self.minutes = minutes
        self.score = score
        self.tried = tried
    }
}

/// Drill results (schema v2).
extension SQLiteStore {
    public func saveDrill(_ drill: DrillRecord) throws(StoreError) {
        _ = try write { db in
            try db.execute(
                sql: "INSERT INTO drill (started_at, topic, minutes, score, tried) VALUES (?, ?, ?, ?, ?)",
                arguments: [drill.startedAt.timeIntervalSince1970, drill.topic, drill.minutes, drill.score, drill.tried])
        }
    }

    public func bestDrillScores() throws(StoreError) -> [String: Int] {
        try read { db in
            var out: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT topic, MAX(score) AS best FROM drill GROUP BY topic") {
                out[row["topic"]] = row["best"]
            }
            return out
        }
    }
}
