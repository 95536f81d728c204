/// `malkoll segment` output: JSON spans in Unicode scalars, or one sentence
/// per line with tokens separated by a space.
public enum SegmentRenderer {
    public static func json(_ doc: Document) -> [UInt8] {
        var w = JSONWriter(reserve: doc.tokens.count * 16 + doc.sentences.count * 16 + 64)
        let map = doc.offsets
        w.beginObject()
        w.key("sentences")
        w.beginArray()
        for s in doc.sentences { w.pair(map.scalarOffset(Int(s.start)), map.scalarOffset(Int(s.end))) }
        w.endArray()
        w.key("tokens")
        w.beginArray()
        for t in doc.tokens { w.pair(map.scalarOffset(Int(t.start)), map.scalarOffset(Int(t.end))) }
        w.endArray()
        w.endObject()
        var out = w.bytes
        out.append(0x0A)
        return out
    }

    public static func text(_ doc: Document) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(doc.utf16.count * 2)
        for s in doc.sentences {
            var first = true
            for t in doc.tokens(of: s) {
                if !first { out.append(0x20) }
                first = false
                // A token may span a line break ("genomför-\nandet"): print the word.
                out.append(contentsOf: doc.word(t).utf8)
            }
            out.append(0x0A)
        }
        return out
    }

    /// The layout dump (`--format layout`): one line per block with its
    /// kind, its line:column span and its text (line breaks shown as ⏎).
    public static func layout(_ doc: Document) -> [UInt8] {
        var out = ""
        for b in doc.blocks {
            let kind: String
            switch b.kind {
            case .heading(let level): kind = "heading(\(level))"
            case .paragraph: kind = "paragraph"
            case .listItem(let level): kind = "item(\(level))"
            case .tableRow: kind = "row"
            case .furniture: kind = "furniture"
            }
            let from = doc.offsets.lineColumn(b.range.lowerBound), to = doc.offsets.lineColumn(b.range.upperBound)
            var line = "\(kind) \(from.line):\(from.column)-\(to.line):\(to.column)"
            if let m = b.marker { line += " [\(doc.string(m))]" }
            let text = doc.string(b.range).replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
            out += line + " " + text + "\n"
        }
        return Array(out.utf8)
    }
}
