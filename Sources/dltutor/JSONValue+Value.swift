import MathEngine
import TutorCLI
import TutorOutput

extension JSONValue {
    /// The engine's value as JSON: numbers, nested lists of numbers, or text.
    init(_ value: Value) {
        switch value {
        case .number(let x): self = .number(x)
        case .vector(let v): self = .array(v.map { .number($0) })
        case .matrix(let m): self = .array(m.map { .array($0.map { .number($0) }) })
        case .shape(let s): self = .array(s.map { .number(Double($0)) })
        case .set(let s): self = .array(s.map { .number($0) })
        case .text(let t): self = .string(t)
        case .list(let l): self = .array(l.map { JSONValue($0) })
        }
    }
}
