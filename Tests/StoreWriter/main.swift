// store-writer DB COUNT TAG: writes COUNT attempts (question TAG, steps s0, s1, ...) through
// SQLiteStore, printing "wrote i" after each returns. The durability tests SIGKILL it mid-stream;
// the concurrency tests run two at once.
// store-writer --hold DB SECONDS: takes the database's write lock (BEGIN EXCLUSIVE), prints
// "locked", holds it SECONDS, then commits nothing and prints "released": the lock tests' other
// program, holding the lock longer than the tutor's busy timeout.
import Foundation
import GRDB
import TutorStore

let args = CommandLine.arguments
if args.count == 4, args[1] == "--hold", let seconds = Double(args[3]) {
    do {
        let queue = try DatabaseQueue(path: args[2])
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            FileHandle.standardOutput.write(Data("locked\n".utf8))
            usleep(UInt32(seconds * 1_000_000))
            try db.execute(sql: "ROLLBACK")
        }
        FileHandle.standardOutput.write(Data("released\n".utf8))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("store-writer: \(error)\n".utf8))
        exit(1)
    }
}
// store-writer --hot-journal DB: switches DB to a rollback journal and dies (_exit) in the
// middle of a large transaction, leaving a hot -journal beside it, as a write killed halfway does.
if args.count == 3, args[1] == "--hot-journal" {
    do {
        let queue = try DatabaseQueue(path: args[2])
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA cache_size = 1") // spill to the file mid-transaction
            try db.execute(sql: "BEGIN IMMEDIATE")
            for i in 0..<2_000 {
                try db.execute(
                    sql:
                        "INSERT INTO attempt (time, mode, question_id, step_id, input, verdict, correct, seconds) VALUES (?, 'practice', 'q9', ?, ?, 'correct', 1, 1)",
                    arguments: [Double(i), "hot\(i)", String(repeating: "x", count: 200)])
            }
            FileHandle.standardOutput.write(Data("uncommitted\n".utf8))
            _exit(0)
        }
    } catch {
        FileHandle.standardError.write(Data("store-writer: \(error)\n".utf8))
        exit(1)
    }
}
guard args.count == 4, let count = Int(args[2]) else {
    FileHandle.standardError.write(Data("usage: store-writer DB COUNT TAG | store-writer --hold DB SECONDS\n".utf8))
    exit(2)
}

/// Writes the attempts; the store is released on return, so the database is closed cleanly
/// (its -wal and -shm removed, as after a tutor's clean exit).
func writeAttempts(path: String, count: Int, tag: String) {
    let (store, warning) = SQLiteStore.open(path: path)
    if let warning {
        FileHandle.standardError.write(Data((warning + "\n").utf8))
        exit(1)
    }
    for i in 0..<count {
        let attempt = StoredAttempt(
            time: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)), mode: "practice",
            questionID: tag, stepID: "s\(i)", seed: UInt64(i), input: "answer \(i)",
            verdict: "correct", correct: true, seconds: 1)
        do {
            try store.record(attempt)
        } catch {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            exit(1)
        }
        FileHandle.standardOutput.write(Data("wrote \(i)\n".utf8))
    }
}

writeAttempts(path: args[1], count: count, tag: args[3])
