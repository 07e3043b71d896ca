import ArgumentParser
import Testing

@testable import dltutor

/// `QuickCommandLine` may only ever say what ArgumentParser would: every argument list it
/// recognises must parse, through `DLTutor.parseAsRoot`, to the same command with the same values;
/// everything else it must leave to ArgumentParser.
@Suite("Quick command line (the tutor and `check` without ArgumentParser)")
struct QuickCommandLineTests {
    /// Argument lists the quick path must recognise (students' and scripts' everyday forms).
    static let recognised: [[String]] = [
        [],
        ["practice"],
        ["--no-tour"],
        ["practice", "--content", "content/aml5202-sessional1", "--db", "/tmp/x.sqlite", "--no-tour"],
        ["practice", "--db", "p.sqlite", "--seed", "42", "--question", "q3", "--ascii"],
        ["--content", "exam", "--seed", "0"],
        ["practice", "--question", "3", "--no-tour", "--ascii", "--content", "c"],
        ["check", "q3", "a.total", "691"],
        ["check", "q3", "a.total", "691", "--content", "/abs/content"],
        ["check", "--content", "c", "q1", "k.mean_loss", "1.01"],
        ["check", "q3", "b.n_hidden", "29", "--seed", "7", "--json"],
        ["check", "q3", "a.total", "8*20", "+", "6*8*9"],
        ["check", "--json", "q4", "2", "[0,", "0.42]"],
        ["check", "3", "1", "256x1025"]
    ]

    /// Argument lists it must leave to ArgumentParser (help, errors, other options and commands).
    static let declined: [[String]] = [
        ["--help"], ["-h"], ["practice", "--help"], ["check", "--help"], ["help"], ["--version"],
        ["list"], ["key", "q3"], ["quiz"], ["demo"], ["lint"], ["stats"],
        ["practice", "--reveal-after", "2"], ["practice", "--db"], ["practice", "--db", "-x"],
        ["practice", "--db=/tmp/x"], ["practice", "--seed", "-1"], ["practice", "--seed", "abc"],
        ["practice", "--seed", "1", "--seed", "2"], ["practice", "--no-tour", "--no-tour"],
        ["practice", "extra"], ["practice", "--clock-file", "f"], ["practice", "--busy-timeout", "1"],
        ["check"], ["check", "q3"], ["check", "q3", "a.total"], ["check", "q3", "a.total", "-5"],
        ["check", "q3", "a.total", "--", "-5"], ["check", "--batch", "-"], ["check", "q3", "a.total", "1", "--given", "a=1"],
        ["check", "q3", "a.total", "1", "--seed"], ["check", "q3", "a.total", "1", "--seed", "x"],
        ["check", "q3", "a.total", ""], ["check", "q3", "a.total", "1", "-v"], ["--content", "c", "check", "q3", "a", "1"]
    ]

    @Test(arguments: recognised)
    func recognisedListsParseAsArgumentParserParsesThem(_ arguments: [String]) throws {
        let quick = try #require(QuickCommandLine.parse(arguments), "not recognised: \(arguments)")
        var parsed = try DLTutor.parseAsRoot(arguments)
        try parsed.validate()
        #expect(quick == Self.plain(parsed), "\(arguments)")
    }

    @Test(arguments: declined)
    func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
        #expect(QuickCommandLine.parse(arguments) == nil, "\(arguments)")
    }

    /// A change of default on either side shows: the plain values' defaults are ArgumentParser's.
    @Test func defaultsAreArgumentParsersDefaults() throws {
        #expect(QuickCommandLine.parse([]) == Self.plain(try DLTutor.parseAsRoot([])))
        #expect(QuickCommandLine.parse([]) == .practice(PracticeStart()))
        let parsed = try #require(try DLTutor.parseAsRoot([]) as? PracticeCommand)
        #expect(parsed.revealAfter == 3 && parsed.storage.busyTimeout == 5 && !parsed.noTour && !parsed.screen.ascii)
    }

    /// What the commands ArgumentParser built turn into (every value read through its wrapper).
    static func plain(_ command: any ParsableCommand) -> QuickCommandLine? {
        if let p = command as? PracticeCommand { return .practice(p.start) }
        if let c = command as? CheckCommand, let single = c.single { return .check(single) }
        return nil
    }
}
