import Foundation

/// The bundled exams, found from this file's path so tests run from any working directory.
public enum ExamFolder {
    /// `content/aml5202-sessional1`, the exam the tutor ships with.
    public static let sessional1 = path("aml5202-sessional1")
    /// `content/aml5202-sessional2`, the second bundled exam.
    public static let sessional2 = path("aml5202-sessional2")

    /// `content/<name>` in the package (this file is `Tests/TestFixtures/ExamFolder.swift`).
    public static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // TestFixtures
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent() // package root
            .appendingPathComponent("content/" + name).path
    }
}
