import Foundation
import GRDB

/// What the review's daily cap needs: how many steps were already reviewed today. A step counts
/// once it was checked or revealed in review mode (skipped unseen, it stays due and uncounted).
extension SQLiteStore {
    public func reviewedSteps(since time: Date) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM (
                        SELECT question_id, step_id FROM attempt WHERE mode = 'review' AND time >= ?1
                        UNION
                        SELECT question_id, step_id FROM reveal WHERE mode = 'review' AND reason != 'hint' AND time >= ?1)
                    """, arguments: [time.timeIntervalSince1970]) ?? 0
        }
    }
}
