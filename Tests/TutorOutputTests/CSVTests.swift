import Testing
import TutorOutput

/// CSV cells as `export` and `class results` write them.
@Suite("Output: CSV cells")
struct CSVTests {
    @Test(arguments: ["=HYPERLINK(\"x\")", "+1", "-3", "@SUM(A1)", "\tx", "\rx"])
    func aCellAFormulaCouldStartWithIsNeutralised(raw: String) {
        #expect(CSV.neutralised(raw).hasPrefix("'"), "\(raw)")
        #expect(CSV.neutralised(raw).dropFirst() == Substring(raw))
    }

    @Test func plainTextIsLeftAlone() {
        #expect(CSV.cell("q3") == "q3" && CSV.cell("0.25") == "0.25" && CSV.cell("") == "")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(CSV.cell("a,b") == "\"a,b\"")
        #expect(CSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.cell("two\nlines") == "\"two\nlines\"")
        #expect(CSV.cell("x\r\ny") == "\"x\r\ny\"", "CR is kept inside a quoted cell")
    }

    @Test func hiddenControlsAreShownNotKept() {
        #expect(CSV.cell("ok\u{202E}txt.exe") == "ok<U+202E>txt.exe")
        #expect(CSV.cell("a\u{1B}[2Jb") == "a<U+001B>[2Jb")
    }

    @Test func aLineJoinsItsCellsWithCommas() {
        #expect(CSV.line(["s1", "Ann, B.", "=1+1"]) == "s1,\"Ann, B.\",'=1+1")
    }
}
