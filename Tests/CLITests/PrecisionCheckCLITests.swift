import Foundation
import Testing

/// `dltutor check` on the right value at fewer places than a `dp N` step asks: not yet an
/// answer (exit 2, verdict `imprecise`), never "incorrect". The values come from `dltutor eval`.
@Suite("dltutor check: precision feedback")
struct PrecisionCheckCLITests {
    static let sessional2 = CLI.contentDir.replacingOccurrences(of: "aml5202-sessional1", with: "aml5202-sessional2")

    func value(_ formula: String) throws -> String {
        let r = try CLI.run(["eval", "--content", Self.sessional2, "--question", "q3", formula], content: false)
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theRightValueAtTwoPlacesExitsTwoAsImprecise() throws {
        let short = try value("round(av, 2)"), full = try value("round(av, 4)")
        let r = try CLI.run(["check", "--content", Self.sessional2, "q3", "a.a", short], content: false)
        #expect(r.status == 2)
        #expect(r.stdout.hasPrefix("imprecise: Right value; give 4 decimal places."))
        let json = try CLI.run(["check", "--content", Self.sessional2, "--json", "q3", "a.a", short], content: false)
        let object = try #require(try CLI.json(json.stdout) as? [String: Any])
        #expect(object["verdict"] as? String == "imprecise")
        #expect(object["correct"] as? Bool == false)
        #expect(object["asked"] as? String == "4 decimal places")
        #expect(try CLI.run(["check", "--content", Self.sessional2, "q3", "a.a", full], content: false).status == 0)
    }
}
