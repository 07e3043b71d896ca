import Foundation
import TutorContent

/// A temporary exam folder holding only the bundled question `id`, its text changed by `edit`
/// (which must change it). The caller removes the folder.
public func editedExam(_ id: String, _ edit: (String) -> String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-edited-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let original = try String(contentsOfFile: ExamFolder.sessional1 + "/\(id).yaml", encoding: .utf8)
    let edited = edit(original)
    if edited == original { throw ContentError(file: id, line: 0, message: "the edit did not apply") }
    try edited.write(toFile: dir + "/\(id).yaml", atomically: true, encoding: .utf8)
    try "id: edited\ntitle: \"Edited\"\nquestions: [\(id)]\n".write(toFile: dir + "/exam.yaml", atomically: true, encoding: .utf8)
    return dir
}
