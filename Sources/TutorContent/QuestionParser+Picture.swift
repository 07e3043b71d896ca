import Yams

/// The `picture:` field: a built-in drawing's name, or a generic kind's fields (`PictureSchema`).
/// Parsed after the steps, since a picture's formulas may name step answers and its `after`
/// fields name steps.
extension QuestionParser {
    /// Drawings the terminal has for one question's names.
    static let builtInPictures: Set<String> = ["loss_accuracy", "w_grid", "layers", "forward_chain", "tanh_points"]

    func parsePicture(_ node: Node, line: Int, known: Set<String>) -> QuestionPicture? {
        if case .scalar(let s) = node {
            guard Self.builtInPictures.contains(s.string) else {
                fail(
                    line,
                    "unknown picture '\(s.string)'; use a generic kind (\(Self.genericKinds)) or one of \(Self.builtInPictures.sorted().joined(separator: ", "))."
                )
                return nil
            }
            return .builtIn(s.string)
        }
        return attempt { () throws(ContentError) -> QuestionPicture? in
            let p = try YAMLFields(node, file: file, what: "picture")
            let kindName = try p.string("kind")
            guard let kind = PictureSpec.Kind(rawValue: kindName) else {
                fail(p.line(of: "kind"), "picture: unknown kind '\(kindName)'; use one of \(Self.genericKinds).")
                return nil
            }
            let schema = PictureSchema.of(kind)
            diagnostics += p.unknownKeys(allowed: schema.fields.all.union(["kind", schema.itemsKey]))
            let extra: Set<String> = kind == .plot ? ["x"] : []
            let fields = pictureFields(p, schema.fields, known: known, plotVariable: extra, what: "picture")
            var items: [PictureFields] = []
            for (i, itemNode) in try p.sequence(schema.itemsKey).enumerated() {
                let what = "picture: \(schema.itemsKey) item \(i + 1)"
                guard let f = attempt({ () throws(ContentError) in try YAMLFields(itemNode, file: file, what: what) }) else {
                    continue
                }
                diagnostics += f.unknownKeys(allowed: schema.item.all)
                let item = pictureFields(f, schema.item, known: known, plotVariable: [], what: what)
                if kind == .grid, !f.has("row"), !f.has("col") {
                    fail(f.line, "\(what): give 'row', 'col' or both.")
                }
                items.append(item)
            }
            if schema.needsItems, !p.has(schema.itemsKey) {
                fail(p.line, "picture: a \(kind.rawValue) needs at least one item under '\(schema.itemsKey)'.")
            }
            return .generic(PictureSpec(kind: kind, fields: fields, items: items))
        } ?? nil
    }

    private static var genericKinds: String { PictureSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads one picture's or item's fields by their role, reporting each problem at its line.
    private func pictureFields(
        _ y: YAMLFields, _ schema: PictureSchema.Fields, known: Set<String>, plotVariable: Set<String>, what: String
    ) -> PictureFields {
        var out = PictureFields()
        out.line = y.line
        for key in schema.required.sorted() where !y.has(key) {
            fail(y.line, "\(what): missing field '\(key)'.")
        }
        for key in schema.formulas.sorted() where y.has(key) {
            let scope = key == "f" ? known.union(plotVariable) : known
            if let f = attempt({ () throws(ContentError) in
                try Formula.parse(
                    try y.string(key), dialect: .content, file: file, line: y.line(of: key), what: "\(what) '\(key)'")
            }) {
                checkNames(f, known: scope, what: "\(what) '\(key)'")
                out.formulas[key] = f
            }
        }
        for key in schema.texts.sorted() where y.has(key) {
            if let t = attempt({ () throws(ContentError) in
                try Template.parse(try y.string(key), file: file, line: y.line(of: key), what: "\(what) '\(key)'")
            }) {
                checkNames(t, known: known, what: "\(what) '\(key)'")
                out.texts[key] = t
            }
        }
        for key in schema.gates.sorted() where y.has(key) {
            out.gates[key] = pictureGate(y, key, what: what)
        }
        for key in schema.flags.sorted() where y.has(key) {
            if attempt({ () throws(ContentError) in try y.optionalBool(key) }) == true { out.flags.insert(key) }
        }
        return out
    }

    /// `after: a.total` or `after: [a.diag, b.nodes]`: step ids, each one that exists.
    private func pictureGate(_ y: YAMLFields, _ key: String, what: String) -> [String] {
        let ids: [(text: String, line: Int)]
        if case .scalar(let s)? = y.node(key) {
            ids = [(s.string, y.line(of: key))]
        } else {
            ids = attempt { () throws(ContentError) in try y.stringList(key) } ?? []
        }
        for id in ids where !seenStepIDs.contains(id.text) {
            fail(id.line, "\(what) '\(key)': no step '\(id.text)' in this question.")
        }
        return ids.map(\.text)
    }
}
