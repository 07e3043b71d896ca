/// Plain-text columns and numbers for the command-line tables (`list`, `exams`, the class
/// roster and monitor), shared by both executables.
public func points(_ p: Double) -> String {
    p == p.rounded() ? String(Int(p)) : String(p)
}

extension String {
    public func rightPadded(to n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    public func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
