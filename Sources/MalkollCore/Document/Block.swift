/// A layout block: the unit no sentence crosses. Ranges are UTF-16 offsets
/// into `Document.utf16` (end exclusive). Format readers and the plain-text
/// layout stage both produce these, so everything after layout is the same
/// whatever the input format.
public struct Block: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A heading; `level` 1 is the top (h1, "Rubrik 1", "# ").
        case heading(level: Int)
        case paragraph
        /// A list item; `level` 0 is the outermost list.
        case listItem(level: Int)
        /// One row of a table; cells are separated inside the range.
        case tableRow
        /// Navigation, cookie banners, running headers and the like: kept
        /// so that offsets stay honest, never analysed for goals.
        case furniture
    }

    public var kind: Kind
    /// The block's content, without its bullet or number marker.
    public var range: Range<Int>
    /// The bullet or number ("•", "1.", "a)") when the block is a list item.
    public var marker: Range<Int>?

    public init(kind: Kind, range: Range<Int>, marker: Range<Int>? = nil) {
        self.kind = kind
        self.range = range
        self.marker = marker
    }

    public var isHeading: Bool { if case .heading = kind { return true } else { return false } }
    public var isListItem: Bool { if case .listItem = kind { return true } else { return false } }
}
