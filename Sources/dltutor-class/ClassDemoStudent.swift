import ClassroomStore
import TutorContent

/// The student's side of a live class demo (filled in by the live-demo layer).
enum ClassDemoStudent {
    static func run(db: ClassDatabase, activity: ClassActivity, exam: Exam, student: String, screen: ScreenOptions,
                    store: ClassProgressStore) async throws -> String {
        "The live demo is not available in this build; ask your instructor for the quiz."
    }
}
