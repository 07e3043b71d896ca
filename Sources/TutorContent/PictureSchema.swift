/// The fields each generic picture kind reads, for the parser (unknown and missing fields) and
/// the reference documentation's table.
///
/// A kind has fields of its own and a list of items under one key (`boxes`, `series`, `points`,
/// `highlights`); each item's fields follow the same four roles: formulas, labels, gates
/// (step ids to wait for) and switches.
struct PictureSchema {
    struct Fields {
        var formulas: Set<String> = []
        var texts: Set<String> = []
        var gates: Set<String> = []
        var flags: Set<String> = []
        var required: Set<String> = []

        var all: Set<String> { formulas.union(texts).union(gates).union(flags) }
    }

    var fields: Fields
    var itemsKey: String
    var item: Fields
    /// At least one item is needed for the picture to draw anything.
    var needsItems: Bool

    static func of(_ kind: PictureSpec.Kind) -> PictureSchema {
        switch kind {
        case .chain:
            PictureSchema(
                fields: Fields(texts: ["title"]), itemsKey: "boxes",
                item: Fields(formulas: ["shape"], texts: ["name"], gates: ["after"], required: ["name"]), needsItems: true)
        case .bars:
            PictureSchema(
                fields: Fields(formulas: ["labels"], texts: ["title"]), itemsKey: "series",
                item: Fields(formulas: ["values"], texts: ["name"], gates: ["after"], required: ["name", "values"]),
                needsItems: true)
        case .plot:
            PictureSchema(
                fields: Fields(formulas: ["f", "from", "to", "y_from", "y_to"], texts: ["title"], required: ["f", "from", "to"]),
                itemsKey: "points",
                item: Fields(
                    formulas: ["x"], texts: ["label"], gates: ["after", "tangent_after"], flags: ["tangent"], required: ["x"]),
                needsItems: false)
        case .grid:
            PictureSchema(
                fields: Fields(
                    formulas: ["rows", "cols", "row_labels", "col_labels", "col_names", "values"],
                    texts: ["title", "name", "legend"],
                    gates: ["after", "col_labels_after"], required: ["rows", "cols"]),
                itemsKey: "highlights",
                item: Fields(formulas: ["row", "col"], texts: ["caption"], gates: ["after"]), needsItems: false)
        }
    }
}
