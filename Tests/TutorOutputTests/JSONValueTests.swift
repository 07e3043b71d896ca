import Testing
import TutorOutput

/// The JSON every machine-readable output is written with.
@Suite("Output: JSON")
struct JSONValueTests {
    @Test func objectsKeepTheirKeyOrderOnOneLine() {
        let v = JSONValue.object([("b", .number(2)), ("a", .array([.null, .bool(true), .string("x")]))])
        #expect(v.text == #"{"b":2,"a":[null,true,"x"]}"#)
    }

    @Test func largeWholeNumbersStayExact() {
        #expect(JSONValue.integer(18_446_744_073_709_551_615).text == "18446744073709551615")
    }

    @Test func arithmeticNoiseIsNotPrinted() {
        #expect(JSONValue.number(1 - 0.96).text == "0.04")
        #expect(JSONValue.number(.infinity).text == "null")
    }

    @Test func stringsEscapeQuotesBreaksAndHiddenControls() {
        #expect(JSONValue.quote("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(JSONValue.quote("x\u{1B}y\u{202E}z") == #""x\u001by\u202ez""#)
    }
}
