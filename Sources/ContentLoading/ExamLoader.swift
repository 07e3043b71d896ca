import Foundation
import MathEngine
import TutorContent
import Yams

/// Loads `content/<exam>/`: `exam.yaml` (id, title, question order) and one YAML file per question.
///
/// It takes a directory path rather than a `Bundle` so the command line, tests and lint all load
/// the same files the same way. A malformed file yields diagnostics and is skipped; the other
/// files still load. Each question's original exam is evaluated at load time, so a formula that
/// cannot be computed is reported here rather than in the middle of a session.
public enum ExamLoader {
    public static func load(directory: String) -> LoadResult {
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var diagnostics: [Diagnostic] = []
        let examFile = dir + "/exam.yaml"
        var examID = (dir as NSString).lastPathComponent
        var title = examID
        var order: [(id: String, line: Int)] = []
        var examLog: LogBase?

        if let root = parseFile(examFile, into: &diagnostics) {
            do {
                let fields = try YAMLFields(root, file: examFile, what: "exam")
                diagnostics += fields.unknownKeys(allowed: ["id", "title", "questions", "log"])
                examID = try fields.string("id")
                title = try fields.string("title")
                order = try fields.stringList("questions").map { (id: $0.text, line: $0.line) }
                // Only files inside the exam's folder: a name is a file stem, never a path.
                for item in order where !isPlainStem(item.id) {
                    diagnostics.append(
                        Diagnostic(
                            file: examFile, line: item.line,
                            message:
                                "exam: question '\(SourceCheck.printable(item.id))' must name a file in this folder (no '/' or '..')."
                        ))
                }
                order.removeAll { !isPlainStem($0.id) }
                if order.isEmpty {
                    diagnostics.append(fields.error("exam: 'questions' lists no question files.", at: "questions").diagnostic)
                }
                examLog = try fields.logBase() // last: a bad setting keeps the question order
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        if order.isEmpty {
            // Fall back to every other YAML file in the directory, sorted, so content still loads.
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            order = files.filter { $0.hasSuffix(".yaml") && $0 != "exam.yaml" }.sorted().map { (String($0.dropLast(5)), 0) }
        }

        // Question files are independent, so they load in parallel (time to first frame); the
        // results are then taken in the exam's order, so diagnostics and questions stay ordered.
        let loaded = ParallelLoad.map(order) { item -> (Question?, [Diagnostic])? in
            let file = dir + "/" + item.id + ".yaml"
            guard FileManager.default.fileExists(atPath: file) else { return nil }
            return loadQuestion(file: file)
        }
        var questions: [Question] = []
        var broken: [BrokenQuestion] = []
        for (item, result) in zip(order, loaded) {
            let file = dir + "/" + item.id + ".yaml"
            guard let (question, found) = result else {
                let missing = Diagnostic(
                    file: examFile, line: item.line, message: "question file '\(item.id).yaml' does not exist.")
                diagnostics.append(missing)
                broken.append(BrokenQuestion(id: item.id, title: nil, position: questions.count, error: missing))
                continue
            }
            diagnostics += found
            guard var question else {
                if let first = found.first(where: \.isError) {
                    broken.append(
                        BrokenQuestion(id: item.id, title: Self.title(ofFile: file), position: questions.count, error: first))
                }
                continue
            }
            if question.logSetting == nil, let examLog { question.log = examLog }
            if question.id != item.id {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: question.line,
                        message: "question id '\(question.id)' differs from its file name '\(item.id)'.", severity: .warning))
            }
            if questions.contains(where: { $0.id == question.id }) {
                diagnostics.append(
                    Diagnostic(file: file, line: question.line, message: "duplicate question id '\(question.id)'."))
                continue
            }
            questions.append(question)
        }
        var exam = Exam(id: examID, title: title, questions: questions, directory: dir, log: examLog)
        exam.broken = broken
        return LoadResult(exam: exam, diagnostics: diagnostics)
    }

    /// Loads one question file; nil when it has errors (which are in the diagnostics).
    public static func loadQuestion(file: String) -> (Question?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let root = parseFile(file, into: &diagnostics) else { return (nil, diagnostics) }
        let parser = QuestionParser(file: file)
        let question = parser.parse(root)
        diagnostics += parser.diagnostics
        guard let question else { return (nil, diagnostics) }
        // Evaluate the original exam now: a formula that fails there is a content error.
        do {
            let original = try question.variant(seed: nil)
            for c in try question.failingConstraints(original.values) {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: c.line, message: "constraint \"\(c.source)\" does not hold for the original exam."))
            }
            for s in try question.coincidingDistinctSteps(original.values) {
                diagnostics.append(
                    Diagnostic(
                        file: file, line: s.line,
                        message:
                            "step '\(s.id)': 'distinct: true' does not hold for the original exam (two of its named mistakes, or one and the answer, coincide)."
                    ))
            }
        } catch {
            diagnostics.append(error.diagnostic)
            return (nil, diagnostics)
        }
        return (question, diagnostics)
    }

    /// The `title:` of a question file that did not load, when its YAML reads that far.
    static func title(ofFile file: String) -> String? {
        var ignored: [Diagnostic] = []
        guard let root = parseFile(file, into: &ignored), case .mapping(let fields) = root,
            let entry = fields.first(where: { $0.key.string == "title" }), case .scalar(let title) = entry.value
        else { return nil }
        return SourceCheck.printable(title.string)
    }

    /// A question file stem that stays inside the exam folder.
    static func isPlainStem(_ id: String) -> Bool {
        !id.isEmpty && !id.contains("/") && !id.contains("\\") && !id.hasPrefix(".")
            && !id.unicodeScalars.contains { $0.value < 0x20 }
    }

    /// Reads and composes a YAML file; problems become diagnostics with the parser's line.
    static func parseFile(_ file: String, into diagnostics: inout [Diagnostic]) -> Node? {
        let data: Data
        switch ContentFile.bytes(file, limit: ContentFile.maxYAMLBytes) {
        case .success(let bytes): data = Data(bytes)
        case .failure(let problem):
            diagnostics.append(Diagnostic(file: file, line: 1, message: "cannot read the file: \(problem)."))
            return nil
        }
        let text: String
        switch SourceCheck.decode(data, file: file) {
        case .success(let t): text = t
        case .failure(let error):
            diagnostics.append(error.diagnostic)
            return nil
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.append(Diagnostic(file: file, line: 1, message: "the file is empty."))
                return nil
            }
            return node
        } catch let error as YamlError {
            diagnostics.append(
                Diagnostic(file: file, line: max(1, line(of: error)), message: "invalid YAML: \(problem(of: error))"))
        } catch {
            diagnostics.append(Diagnostic(file: file, line: 1, message: "invalid YAML: \(error)"))
        }
        return nil
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: 0
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return ((context.map { "\($0.text) " } ?? "") + problem).trimmingCharacters(in: .whitespaces) + "."
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key \(duplicates.joined(separator: ", "))."
        default:
            return "\(error)"
        }
    }
}
