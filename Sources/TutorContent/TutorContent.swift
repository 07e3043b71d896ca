import MathEngine
import Yams

/// Question content: YAML files -> validated questions.
public enum TutorContentInfo { public static let name = "TutorContent" }
