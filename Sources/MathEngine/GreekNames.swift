/// Greek letters typed by name in an answer (`sigma(z)`, `tau`), read as the symbols.
///
/// Students without a Greek keyboard spell the letters out; the course writes the symbols, and
/// the engine knows `σ` (the sigmoid) and any Greek variable of an expression step by symbol.
/// Only the student dialect reads them so: content formulas name their own values.
enum GreekNames {
    /// The symbol for a spelled-out Greek letter (`sigma` → `σ`), nil for any other name. `pi` is
    /// left to the constant of the same name, and names the engine already knows are not letters.
    /// `text` with every whole name that spells a Greek letter written as the symbol
    /// (`sigma(z)*(1-sigma(z))` → `σ(z)*(1-σ(z))`), so the formula is compared as typed.
    static func symbols(in text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = ""
        var i = 0
        while i < s.count {
            guard Lexer.isNameStart(s[i].value) else {
                out.unicodeScalars.append(s[i])
                i += 1
                continue
            }
            let start = i
            while i < s.count, Lexer.isNameChar(s[i].value) { i += 1 }
            var name = ""
            name.unicodeScalars.append(contentsOf: s[start..<i])
            out += symbol(for: name) ?? name
        }
        return out
    }

    static func symbol(for name: String) -> String? {
        guard name.utf8.count >= 2, name.utf8.count <= 7, Functions.info(name) == nil, !Functions.isConstant(name) else {
            return nil
        }
        switch name.lowercased() {
        case "alpha": return "α"
        case "beta": return "β"
        case "gamma": return "γ"
        case "delta": return "δ"
        case "epsilon": return "ε"
        case "zeta": return "ζ"
        case "eta": return "η"
        case "theta": return "θ"
        case "kappa": return "κ"
        case "lambda": return "λ"
        case "mu": return "μ"
        case "nu": return "ν"
        case "xi": return "ξ"
        case "rho": return "ρ"
        case "sigma": return "σ"
        case "tau": return "τ"
        case "phi": return "φ"
        case "chi": return "χ"
        case "psi": return "ψ"
        case "omega": return "ω"
        default: return nil
        }
    }
}
