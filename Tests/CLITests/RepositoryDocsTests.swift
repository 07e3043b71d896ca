import Foundation
import Testing

/// The maintainer's documents describe the repository as it is: ARCHITECTURE.md lists exactly the
/// targets Package.swift declares, the README names every command the binary offers, and the
/// `--version` shortcut prints what ArgumentParser prints.
@Suite("Docs agree with the code")
struct RepositoryDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }

    /// Every `name:` of a `.target`, `.executableTarget`, `.testTarget` or `.systemLibrary` in
    /// the manifest text.
    static func manifestTargets(_ manifest: String) throws -> Set<String> {
        let pattern = try Regex(#"\.(?:target|executableTarget|testTarget|systemLibrary)\(\s*name:\s*"([^"]+)""#)
        return Set(manifest.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
    }

    /// The first word of each unindented, non-comment line of the code block under
    /// ARCHITECTURE.md's "## Targets" heading.
    static func documentedTargets(_ architecture: String) -> Set<String> {
        guard let section = architecture.components(separatedBy: "\n## Targets\n").dropFirst().first else { return [] }
        let block = section.components(separatedBy: "```").dropFirst().first ?? ""
        let names = block.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.first, first != " ", !line.hasPrefix("//") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        return Set(names)
    }

    @Test func architectureListsExactlyThePackagesTargets() throws {
        let declared = try Self.manifestTargets(Self.text("Package.swift"))
        let documented = Self.documentedTargets(try Self.text("ARCHITECTURE.md"))
        #expect(declared.count > 20, "the manifest parse found \(declared.sorted())")
        #expect(
            declared.subtracting(documented).isEmpty,
            "in Package.swift but not in ARCHITECTURE.md's Targets: \(declared.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(declared).isEmpty,
            "in ARCHITECTURE.md's Targets but not in Package.swift: \(documented.subtracting(declared).sorted())")
    }

    @Test func theTargetCheckNoticesAMissingAndAnExtraTarget() throws {
        let architecture = try Self.text("ARCHITECTURE.md")
        let documented = Self.documentedTargets(architecture)
        let withoutMathEngine = Self.documentedTargets(
            architecture.replacingOccurrences(of: "\nMathEngine ", with: "\n    MathEngine "))
        #expect(documented.subtracting(withoutMathEngine) == ["MathEngine"])
        let manifest = try Self.text("Package.swift") + #".target(name: "Imaginary")"#
        #expect(try Self.manifestTargets(manifest).subtracting(documented) == ["Imaginary"])
    }

    @Test func readmeNamesEveryCommandOfTheHelp() throws {
        let help = try CLI.run(["--help"], content: false)
        #expect(help.status == 0)
        let after = help.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first ?? ""
        let section = after.components(separatedBy: "\n\n").first ?? "" // the list ends at a blank line
        let commands = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        #expect(commands.count >= 14, "parsed from --help: \(commands)")
        let readme = try Self.text("README.md")
        let cli = readme.components(separatedBy: "\n## CLI\n").dropFirst().first ?? ""
        for command in commands where command != "practice" {
            #expect(cli.contains("`dltutor \(command)"), "the README's CLI section has no line for `dltutor \(command)`")
        }
        #expect(cli.contains("`dltutor [practice]"))
    }

    @Test func versionShortcutPrintsWhatArgumentParserPrints() throws {
        let shortcut = try CLI.run(["--version"], content: false)
        let parsed = try CLI.run(["practice", "--version"], content: false)
        #expect(shortcut.status == 0 && parsed.status == 0)
        #expect(!shortcut.stdout.isEmpty)
        #expect(shortcut.stdout == parsed.stdout)
    }
}
