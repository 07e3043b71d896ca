/// A question's picture in the content cache: a tag (0 built-in, 1 generic), then the name or the
/// kind, the picture's fields and its items. Dictionaries are written in key order, so one
/// exam always gives the same bytes.
extension ContentCodec {
    static func write(_ w: inout CacheWriter, _ picture: QuestionPicture) {
        switch picture {
        case .builtIn(let name):
            w.byte(0)
            w.string(name)
        case .generic(let spec):
            w.byte(1)
            w.string(spec.kind.rawValue)
            write(&w, spec.fields)
            w.array(spec.items) { w, item in write(&w, item) }
        }
    }

    static func readPicture(_ r: inout CacheReader) throws(CacheCorrupt) -> QuestionPicture {
        switch try r.byte() {
        case 0: return .builtIn(try r.string())
        case 1:
            guard let kind = PictureSpec.Kind(rawValue: try r.string()) else { throw CacheCorrupt() }
            let fields = try readPictureFields(&r)
            let items = try r.array { r throws(CacheCorrupt) in try readPictureFields(&r) }
            return .generic(PictureSpec(kind: kind, fields: fields, items: items))
        default: throw CacheCorrupt()
        }
    }

    static func write(_ w: inout CacheWriter, _ f: PictureFields) {
        w.array(f.formulas.sorted { $0.key < $1.key }) { w, e in
            w.string(e.key)
            write(&w, e.value)
        }
        w.array(f.texts.sorted { $0.key < $1.key }) { w, e in
            w.string(e.key)
            write(&w, e.value)
        }
        w.array(f.gates.sorted { $0.key < $1.key }) { w, e in
            w.string(e.key)
            w.array(e.value) { w, id in w.string(id) }
        }
        w.array(f.flags.sorted()) { w, flag in w.string(flag) }
        w.int(f.line)
    }

    static func readPictureFields(_ r: inout CacheReader) throws(CacheCorrupt) -> PictureFields {
        var f = PictureFields()
        for (key, formula) in try r.array({ r throws(CacheCorrupt) in (try r.string(), try readFormula(&r)) }) {
            f.formulas[key] = formula
        }
        for (key, text) in try r.array({ r throws(CacheCorrupt) in (try r.string(), try readTemplate(&r)) }) {
            f.texts[key] = text
        }
        for (key, ids) in try r.array({ r throws(CacheCorrupt) in
            (try r.string(), try r.array { r throws(CacheCorrupt) in try r.string() })
        }) {
            f.gates[key] = ids
        }
        f.flags = Set(try r.array { r throws(CacheCorrupt) in try r.string() })
        f.line = try r.int()
        return f
    }
}
