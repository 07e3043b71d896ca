import Foundation
import Testing

@testable import TutorStore

/// A fresh folder under the system temporary directory (never the user's home), removed by the caller.
struct TempFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.path + "/dltutor-store-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var db: String { path + "/dltutor.sqlite" }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Fixed instants: day `d` at `h` o'clock UTC from 2025-03-01.
func day(_ d: Double, hour h: Double = 9) -> Date {
    Date(timeIntervalSince1970: 1_740_787_200 + d * 86_400 + h * 3_600)
}

func attempt(
    _ q: String, _ step: String, at time: Date, input: String = "42", verdict: String = "correct",
    mistake: String? = nil, correct: Bool = true, seconds: Double? = 10, seed: UInt64? = nil,
    mode: String = "practice", topic: String? = nil, quizID: Int64? = nil
) -> StoredAttempt {
    StoredAttempt(
        time: time, mode: mode, questionID: q, stepID: step, seed: seed, input: input, verdict: verdict,
        mistake: mistake, correct: correct, seconds: seconds, topic: topic, quizID: quizID)
}

/// Opens a store that must save, failing the test otherwise.
func openSaving(_ path: String, options: SQLiteStore.Options = .init()) throws -> SQLiteStore {
    let (store, warning) = SQLiteStore.open(path: path, options: options)
    #expect(warning == nil)
    return try #require(store as? SQLiteStore)
}

func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
