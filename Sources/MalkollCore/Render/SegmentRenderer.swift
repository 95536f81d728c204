/// `malkoll segment` output: JSON spans in Unicode scalars, or one sentence
/// per line with tokens separated by a space.
public enum SegmentRenderer {
    /// "00" "01" ... "99": two digits per step when writing offsets.
    static let pairDigits: [UInt8] = {
        var out: [UInt8] = []
        for i in 0..<100 {
            out.append(UInt8(0x30 + i / 10))
            out.append(UInt8(0x30 + i % 10))
        }
        return out
    }()

    public static func json(_ doc: Document) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(doc.tokens.count * 14 + doc.sentences.count * 14 + 64)
        writeJSON(doc) { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the JSON in chunks of about `chunkSize` bytes to `sink`, so a
    /// large document never holds its whole output in memory.
    public static func writeJSON(_ doc: Document, chunkSize: Int = 1 << 20,
                                 _ sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let capacity = chunkSize + 64
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var n = 0
        let map = doc.offsets
        let identity = map.isIdentity
        func flush() throws {
            if n > 0 { try sink(UnsafeBufferPointer(start: buffer, count: n)) }
            n = 0
        }
        @inline(__always) func byte(_ b: UInt8) { buffer[n] = b; n += 1 }
        @inline(__always) func int(_ v: Int) {
            var digits = 1
            var t = v
            while t >= 10 { t /= 10; digits += 1 }
            var x = v
            var p = n + digits
            n = p
            while x >= 100 {
                let r = (x % 100) * 2
                x /= 100
                p -= 2
                buffer[p] = SegmentRenderer.pairDigits[r]
                buffer[p + 1] = SegmentRenderer.pairDigits[r + 1]
            }
            if x >= 10 {
                buffer[p - 2] = SegmentRenderer.pairDigits[x * 2]
                buffer[p - 1] = SegmentRenderer.pairDigits[x * 2 + 1]
            } else {
                buffer[p - 1] = UInt8(truncatingIfNeeded: 0x30 + x)
            }
        }
        func pairs<C: Collection>(_ key: StaticString, _ items: C, _ range: (C.Element) -> (Int32, Int32)) throws {
            byte(0x22)
            for i in 0..<key.utf8CodeUnitCount { byte(key.utf8Start[i]) }
            byte(0x22); byte(0x3A); byte(0x5B)
            var first = true
            for item in items {
                if n >= chunkSize { try flush() }
                if !first { byte(0x2C) }
                first = false
                let (a, b) = range(item)
                byte(0x5B)
                int(identity ? Int(a) : map.scalarOffset(Int(a)))
                byte(0x2C)
                int(identity ? Int(b) : map.scalarOffset(Int(b)))
                byte(0x5D)
            }
            byte(0x5D)
        }
        byte(0x7B)
        try pairs("sentences", doc.sentences) { ($0.start, $0.end) }
        byte(0x2C)
        try pairs("tokens", doc.tokens) { ($0.start, $0.end) }
        byte(0x7D); byte(0x0A)
        try flush()
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
            let kind = b.kind.label
            let from = doc.offsets.lineColumn(b.range.lowerBound), to = doc.offsets.lineColumn(b.range.upperBound)
            var line = "\(kind) \(from.line):\(from.column)-\(to.line):\(to.column)"
            if let m = b.marker { line += " [\(doc.string(m))]" }
            let text = doc.string(b.range).replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
            out += line + " " + text + "\n"
        }
        return Array(out.utf8)
    }
}
