import ContentLoading
import Foundation
import TutorContent

/// Where exams are found, so an installed `dltutor` needs no `--content`: the bundled exam
/// installed under `PREFIX/share/dltutor/exams/` (found from the binary at `PREFIX/bin/`), the
/// clone's `content/` folder (for `make run` and the tests), and the student's own exams under
/// `$XDG_DATA_HOME/dltutor/exams/` (default `~/.local/share/dltutor/exams/`).
public enum ExamCatalog {
    /// The bundled exam's folder name.
    static let bundledName = "aml5202-sessional1"

    /// One exam folder that has an `exam.yaml`.
    public struct Entry: Equatable {
        public var id: String
        public var title: String
        public var directory: String
        /// "bundled" or "yours".
        public var source: String
    }

    /// Folders that may hold bundled exams, nearest the binary first.
    static func bundledRoots(executable: String = CommandLine.arguments[0]) -> [String] {
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        var roots: [String] = []
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<5 {
            roots.append(dir.appendingPathComponent("share/dltutor/exams").path)
            roots.append(dir.appendingPathComponent("content").path)
            dir = dir.deletingLastPathComponent()
        }
        roots.append(FileManager.default.currentDirectoryPath + "/content")
        return roots
    }

    /// `$XDG_DATA_HOME/dltutor/exams` (or `~/.local/share/dltutor/exams`).
    public static func userRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/dltutor/exams" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/dltutor/exams"
    }

    /// The bundled exam's folder, if it can be found near the binary or the working directory.
    static func bundledExam() -> String? {
        for root in bundledRoots() where isExam(root + "/" + bundledName) { return root + "/" + bundledName }
        return nil
    }

    /// Every exam found: the first bundled root that has exams, then the student's own.
    public static func all() -> [Entry] {
        var out: [Entry] = []
        if let root = bundledRoots().first(where: { !exams(in: $0).isEmpty }) {
            out += exams(in: root).map { entry($0, source: "bundled") }
        }
        out += exams(in: userRoot()).map { entry($0, source: "yours") }
        return out
    }

    /// An exam named by its folder name or id (`--content aml5202-sessional1`), when `name` is not
    /// itself a folder.
    static func find(_ name: String) -> String? {
        all().first { $0.id == name || URL(fileURLWithPath: $0.directory).lastPathComponent == name }?.directory
    }

    static func isExam(_ dir: String) -> Bool {
        FileManager.default.fileExists(atPath: dir + "/exam.yaml")
    }

    private static func exams(in root: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.sorted().map { root + "/" + $0 }.filter(isExam)
    }

    /// Reads only `exam.yaml`'s id and title (cheap: no question is parsed).
    private static func entry(_ dir: String, source: String) -> Entry {
        let bytes = (try? ContentFile.bytes(dir + "/exam.yaml", limit: ContentFile.maxYAMLBytes).get()) ?? []
        let text = String(decoding: bytes, as: UTF8.self)
        func field(_ key: String) -> String? {
            for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
                var v = line.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
                if v.count >= 2, v.first == "\"" || v.first == "'", v.last == v.first { v = String(v.dropFirst().dropLast()) }
                return v
            }
            return nil
        }
        let folder = URL(fileURLWithPath: dir).lastPathComponent
        return Entry(id: field("id") ?? folder, title: field("title") ?? folder, directory: dir, source: source)
    }
}
