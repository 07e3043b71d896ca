import Foundation
import GRDB
import Testing

@testable import TutorStore

/// Schema v4's `meta` table: the first-run tour is remembered per database, across a reopen, and
/// a version 3 file gains the table in place.
@Suite("Store: meta")
struct MetaStoreTests {
    @Test func tourSeenSurvivesAReopen() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let store = try SQLiteStore(path: tmp.db)
            #expect(try store.meta("tour_seen") == nil)
            try store.setMeta("tour_seen", "1")
            try store.setMeta("tour_seen", "1")
        }
        let again = try SQLiteStore(path: tmp.db)
        #expect(try again.meta("tour_seen") == "1")
    }

    @Test func aVersion3FileGainsTheMetaTable() throws {
        let tmp = TempFolder()
        defer { tmp.remove() }
        do {
            let queue = try DatabaseQueue(path: tmp.db)
            try Schema.migrator.migrate(queue, upTo: "v3")
        }
        let store = try SQLiteStore(path: tmp.db)
        #expect(try store.db.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == SQLiteStore.schemaVersion)
        try store.setMeta("tour_seen", "1")
        #expect(try store.meta("tour_seen") == "1")
    }
}
