extension Block.Kind {
    /// A short name for layout dumps: "heading(1)", "paragraph", "item(0)",
    /// "row", "furniture".
    public var label: String {
        switch self {
        case .heading(let level): return "heading(\(level))"
        case .paragraph: return "paragraph"
        case .listItem(let level): return "item(\(level))"
        case .tableRow: return "row"
        case .furniture: return "furniture"
        }
    }
}
