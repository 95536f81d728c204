/// Builds the extracted text of a structured document (HTML, DOCX, ODT, PDF,
/// Markdown) together with its layout blocks, so that every offset later
/// points into exactly this text. Blocks are laid out one per line: a blank
/// line between paragraphs, none between the items of a list or the rows
/// of a table; a list item's marker ("•", "1.") comes first, outside the
/// block's content range.
///
/// Readers open and close blocks as the source nests them. A block opened
/// inside another (a list inside a list item, a text box inside a DOCX
/// paragraph) first emits what the outer one holds so far, so text keeps
/// its reading order. Inside a table row, paragraphs are not blocks: their
/// text joins the row, cells separated by a tab.
struct TextBuilder {
    private(set) var units: [UInt16] = []
    private(set) var blocks: [Block] = []

    private struct Frame {
        var kind: Block.Kind
        var marker: [UInt16]
        var content = Content()
        /// Emitted part of its text already (a nested block interrupted it):
        /// what follows is a plain paragraph.
        var continued = false
    }

    /// Block content with white space collapsed as it is appended.
    struct Content {
        var units: [UInt16] = []
        var pendingSpace = false

        @inline(__always) mutating func append(_ u: UInt16) {
            switch u {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0x2028, 0x2029, 0x85:
                pendingSpace = true
            case 0x00AD, 0x200B, 0xFEFF, 0x00:
                return // soft hyphen, zero-width space, BOM, NUL: never content
            default:
                if pendingSpace && !units.isEmpty && units.last != 0x09 { units.append(0x20) }
                pendingSpace = false
                units.append(TextBuilder.normalisedBullet(u))
            }
        }

        mutating func append<C: Sequence>(_ s: C) where C.Element == UInt16 {
            for u in s { append(u) }
        }

        /// Appends UTF-8 bytes (as libxml2 hands them over).
        mutating func appendUTF8(_ bytes: UnsafeBufferPointer<UInt8>) {
            var ascii = true
            for b in bytes where b >= 0x80 { ascii = false; break }
            if ascii {
                for b in bytes { append(UInt16(b)) }
            } else {
                append(String(decoding: bytes, as: UTF8.self).utf16)
            }
        }

        mutating func tab() {
            pendingSpace = false
            while units.last == 0x20 { units.removeLast() }
            if !units.isEmpty && units.last != 0x09 { units.append(0x09) }
        }

        mutating func trimmed() -> [UInt16] {
            while units.last == 0x20 || units.last == 0x09 { units.removeLast() }
            return units
        }

        var isEmpty: Bool { units.isEmpty }
    }

    private var frames: [Frame] = []
    /// Open table rows (a nested table's rows join the outer row).
    private var rowDepth = 0

    init(reserve: Int = 0) { units.reserveCapacity(reserve) }

    // MARK: blocks

    /// Opens a block. Inside a table row it only separates words.
    mutating func open(_ kind: Block.Kind, marker: String? = nil) {
        if rowDepth > 0 {
            space()
            return
        }
        if let top = frames.indices.last, !frames[top].content.isEmpty {
            emit(frames[top])
            frames[top].content = Content()
            frames[top].continued = true
            frames[top].marker = []
        }
        frames.append(Frame(kind: kind, marker: marker.map { Array($0.utf16) } ?? []))
    }

    /// Closes the innermost block; `kind` and `marker` replace what it was
    /// opened with (a DOCX paragraph knows its style only once read), and
    /// `prefix` goes before its text (a heading's number: "2. Mål", as
    /// the plain-text layout keeps it).
    mutating func close(as kind: Block.Kind? = nil, marker: String? = nil, prefix: String? = nil) {
        if rowDepth > 0 {
            space()
            return
        }
        guard var frame = frames.popLast() else { return }
        if !frame.continued {
            if let kind { frame.kind = kind }
            if let marker { frame.marker = Array(marker.utf16) }
            if let prefix, !prefix.isEmpty, !frame.content.isEmpty {
                var content = Content()
                content.append(prefix.utf16)
                content.append(0x20)
                content.append(frame.content.units)
                frame.content = content
            }
        }
        emit(frame)
    }

    /// Closes every open block.
    mutating func closeAll() {
        while rowDepth > 0 { endRow() }
        while !frames.isEmpty { close() }
    }

    var depth: Int { frames.count }
    var inRow: Bool { rowDepth > 0 }

    /// The content of the innermost open block so far.
    var openContent: [UInt16] { frames.last?.content.units ?? [] }

    // MARK: tables

    mutating func beginRow() {
        if rowDepth == 0 {
            open(.tableRow)
        } else {
            cell()
        }
        rowDepth += 1
    }

    /// Starts a new cell of the open row.
    mutating func cell() {
        guard rowDepth > 0, let top = frames.indices.last else { return }
        frames[top].content.tab()
    }

    mutating func endRow() {
        guard rowDepth > 0 else { return }
        rowDepth -= 1
        if rowDepth == 0 { close() }
    }

    // MARK: text

    mutating func text(_ s: String) { text(utf16: s.utf16) }

    mutating func text<C: Sequence>(utf16 s: C) where C.Element == UInt16 {
        ensureFrame()
        frames[frames.count - 1].content.append(s)
    }

    mutating func text(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        ensureFrame()
        frames[frames.count - 1].content.appendUTF8(bytes)
    }

    /// A word break even where the source had none (<br>, <w:tab/>).
    mutating func space() {
        guard let top = frames.indices.last else { return }
        frames[top].content.pendingSpace = true
    }

    private mutating func ensureFrame() {
        if frames.isEmpty { frames.append(Frame(kind: .paragraph, marker: [])) }
    }

    // MARK: output

    /// Adds a finished block directly (PDF and Markdown readers).
    mutating func add(_ kind: Block.Kind, _ text: String, marker: String? = nil) {
        open(kind, marker: marker)
        self.text(text)
        close()
    }

    private mutating func emit(_ frame: Frame) {
        var content = frame.content
        let body = content.trimmed()
        guard !body.isEmpty else { return }
        let kind: Block.Kind = frame.continued ? .paragraph : frame.kind
        if let last = blocks.last {
            let tight: Bool
            switch (last.kind, kind) {
            case (.listItem, .listItem), (.tableRow, .tableRow): tight = true
            default: tight = false
            }
            units.append(0x0A)
            if !tight { units.append(0x0A) }
        }
        var markerRange: Range<Int>? = nil
        if !frame.marker.isEmpty {
            let start = units.count
            units.append(contentsOf: frame.marker)
            markerRange = start..<units.count
            units.append(0x20)
        }
        let start = units.count
        units.append(contentsOf: body)
        blocks.append(Block(kind: kind, range: start..<units.count, marker: markerRange))
    }

    /// Finishes and returns the document parts.
    mutating func finish() -> (utf16: [UInt16], blocks: [Block]) {
        closeAll()
        return (units, blocks)
    }

    /// Symbol-font bullets that Word and PDF extraction leave in the text
    /// (private-use U+F0B7 and friends) become the bullet they stand for.
    @inline(__always) static func normalisedBullet(_ u: UInt16) -> UInt16 {
        switch u {
        case 0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC, 0xF06E, 0xF0A8: return 0x2022
        default: return u
        }
    }
}
