/// A shape typed with `*`, `×` or `·` can also be a calculation: `32*32+1` is the shape 32×33
/// or the number 1025. The step's rank decides which reading is meant, and the preview says
/// which one was taken.
///
/// In a step whose answer is a vector length (`.vectorLength`) the calculation wins, unless the
/// shape reading is a row or column (`1×257`, `257×1`: a 1 among two dimensions), which that
/// step names as such. In any other shape step the shape wins, and the preview says so when a
/// calculation reading existed (`256*1025` is read as 256×1025, not as 262400).
enum ShapeOrCalculation {
    struct Reading {
        var value: Value
        var preview: String
    }

    static func read(_ input: String, length: Bool, env: Environment) throws(EngineError) -> Reading {
        let calculation = hasProductSign(input) || length ? wholeNumber(input, env) : nil
        let shape: [Int]
        do {
            shape = try ShapeReader.read(Array(input.unicodeScalars), offset: 0, env: env)
        } catch {
            if let n = calculation { return Reading(value: .shape([n]), preview: "= \(n)") }
            throw error
        }
        guard let n = calculation, shape != [n] else {
            return Reading(value: .shape(shape), preview: "= " + Value.shape(shape).display)
        }
        let rowOrColumn = shape.count == 2 && shape.contains(1)
        if length && !rowOrColumn {
            return Reading(
                value: .shape([n]), preview: "= \(n) (read as a calculation, not as the shape \(Value.shape(shape).display))")
        }
        return Reading(
            value: .shape(shape), preview: "= " + Value.shape(shape).display + " (read as a shape, not as the calculation \(n))")
    }

    /// Whether the text multiplies with a sign a shape also uses as its separator.
    static func hasProductSign(_ input: String) -> Bool {
        input.unicodeScalars.contains { $0 == "*" || $0 == "×" || $0 == "·" }
    }

    /// The text as arithmetic, when it gives a whole number from 1 to 10⁹ (nil otherwise).
    static func wholeNumber(_ input: String, _ env: Environment) -> Int? {
        guard let e = try? Parser.parse(input, dialect: .student), case .number(let x)? = try? Evaluator.evaluate(e, in: env),
            x == x.rounded(), x >= 1, x <= 1e9
        else { return nil }
        return Int(x)
    }
}
