/// The math engine: reads answers and formulas, evaluates them, and judges answers.
public enum MathEngineInfo { public static let name = "MathEngine" }
