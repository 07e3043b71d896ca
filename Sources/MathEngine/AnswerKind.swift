/// The form a step expects its answer in; it decides how `AnswerReader` reads the text.
public enum AnswerKind: Sendable, Hashable {
    /// A real number or arithmetic giving one (`0.44`, `3/4`, `75%`, `-log10(0.99)`).
    case number
    /// A whole number; `x4`, `x^(4)`, `sample 4`, `node 4` also read as 4.
    case integer
    /// Entries with or without brackets: `[0, 0.42]`, `0.97, 0.91`, `[1 0 1]`.
    case vector
    /// `[[1,0],[0,1]]`, `[1 0; 0 1]`, `diag(0, 0.42)`; a plain vector is read too (as `.vector`),
    /// so a step can accept "the diagonal alone" as an alternative.
    case matrix
    /// `256x1025`, `(256, 1025)`, `257-vector`, `scalar`.
    case shape
    /// A shape step whose answer is a vector length (rank 1): a calculation is a number there
    /// (`32*32+1` is 1025, not 32×33), and every form of `.shape` is read too (`257x1`, `1×257`).
    case vectorLength
    /// `{1, 3}`, `1, 3`, `1 3`, `nodes 1 and 3`, any order.
    case set
    /// One of the options, by letter (`b`, `(b)`), number (`2`) or word prefix (`inc`).
    /// Reads as `.text(option)` holding the option exactly as given.
    case choice([String])
    /// Comma-separated texts, compared with case, spaces, `_ - =` ignored.
    case textList
    /// Comma- or `;`-separated shapes: `8x20, 8x9, 3x9`; `8x9 (x6)` repeats a shape 6 times.
    case shapeList
    /// A formula in the named variables (`20n + 3(n+1)`). Reads as `.text(formula)`.
    case expression(variables: [String])
    /// Any non-empty text (self-assessed against a model answer).
    case freeText
}

/// What the input line shows while the student types (computed on every keystroke).
public enum LiveState: Sendable, Equatable {
    case empty
    /// Not valid yet, but more typing could make it so; the reason says what is missing.
    case incomplete(String)
    /// Cannot become valid by typing more at the end; `column` is 1-based.
    case invalid(column: Int, reason: String)
    /// Reads as `value`; `preview` is what to show beside the input, e.g. `= 0.4405`.
    case valid(Value, preview: String)

    public var value: Value? {
        if case .valid(let v, _) = self { return v }
        return nil
    }
}
