import Foundation

/// A one-question exam in a temporary folder whose variants fail for some seeds: `n` is drawn
/// from 1 to `largestN`, and `fill` refuses the 10^n entries (more than its 10000) that n ≥ 5
/// asks for. The original exam (n = 2) is fine. The error is at q1.yaml:9 (derived 'big').
/// The caller removes the folder.
public func seedFailureExam(largestN: Int) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dltutor-seedfail-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try "id: seedfail\ntitle: Seeds that fail\nquestions: [q1]\n".write(
        toFile: dir + "/exam.yaml", atomically: true, encoding: .utf8)
    try """
    id: q1
    title: Too big for some seeds
    points: 1
    topic: loss
    text: "n is {n}; the list has {len(big)} ones."
    params:
      - {name: n, value: "2", vary: "randint(1, \(largestN))"}
    derived:
      - {name: big, formula: "fill(10^min(n, 9), 1)"}
    steps:
      - id: a
        prompt: "What is n + 1?"
        kind: integer
        answer: "n + 1"
        points: 1
        hints: ["add one", "n + 1"]
        solution: "{n + 1}"
    """.write(toFile: dir + "/q1.yaml", atomically: true, encoding: .utf8)
    return dir
}
