import Foundation

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

    /// Items rendered per piece; a piece's buffer holds their longest form.
    static let pieceItems = 1 << 16
    /// "[" 10 digits "," 10 digits "]" ",".
    static let maxItemBytes = 24

    /// Writes the JSON to `sink` piece by piece, so that a large document
    /// never holds its whole output in memory. The spans are the bulk of the
    /// output: each round renders as many pieces as there are threads at
    /// once, in the background while `sink` takes the round before.
    public static func writeJSON(_ doc: Document, threads: Int = Parallelism.maxThreads,
                                 _ sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let width = max(1, threads)
        // Two sets of buffers: one being rendered, one being written; no
        // larger than the longest list needs.
        let items = min(pieceItems, max(doc.tokens.count, doc.sentences.count))
        let buffers = (0..<2 * width).map { _ in
            UnsafeMutablePointer<UInt8>.allocate(capacity: items * maxItemBytes + 64)
        }
        let lengths = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * width)
        defer {
            for b in buffers { b.deallocate() }
            lengths.deallocate()
        }
        func literal(_ s: StaticString) throws { try sink(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        func spans<T: TextSpan>(_ items: UnsafeBufferPointer<T>) throws {
            let count = items.count
            let rounds = (count + width * pieceItems - 1) / (width * pieceItems)
            /// Renders round `r` into buffer set `r % 2`.
            func render(round r: Int) {
                let from = r * width * pieceItems
                let pieces = min(width, (count - from + pieceItems - 1) / pieceItems)
                Parallelism.run(pieces, threads: pieces) { k in
                    let lo = from + k * pieceItems
                    let slot = (r % 2) * width + k
                    lengths[slot] = SegmentRenderer.render(doc.offsets, items, lo..<min(count, lo + pieceItems), into: buffers[slot])
                }
                for k in pieces..<width { lengths[(r % 2) * width + k] = 0 }
            }
            guard rounds > 0 else { return }
            try withoutActuallyEscaping(render) { render in
                let group = DispatchGroup()
                defer { group.wait() }   // no buffer is freed under a renderer
                render(0)
                for r in 0..<rounds {
                    if r + 1 < rounds, width > 1 {
                        DispatchQueue.global().async(group: group) { render(r + 1) }
                    }
                    for k in 0..<width where lengths[(r % 2) * width + k] > 0 {
                        try sink(UnsafeBufferPointer(start: buffers[(r % 2) * width + k], count: lengths[(r % 2) * width + k]))
                    }
                    if r + 1 < rounds {
                        if width > 1 { group.wait() } else { render(r + 1) }
                    }
                }
            }
        }
        try literal("{\"sentences\":[")
        try doc.sentences.withUnsafeBufferPointer { try spans($0) }
        try literal("],\"tokens\":[")
        try doc.tokens.withUnsafeBufferPointer { try spans($0) }
        try literal("]}\n")
    }

    /// Renders `items[range]` as "[start,end]" in Unicode scalars,
    /// comma-separated (with a leading comma unless they are the first);
    /// returns the bytes written.
    private static func render<T: TextSpan>(_ map: OffsetMap, _ items: UnsafeBufferPointer<T>, _ range: Range<Int>,
                                            into buffer: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        // Checked once per piece, not once per offset of millions.
        let identity = map.isIdentity
        pairDigits.withUnsafeBufferPointer { pairs in
            @inline(__always) func int(_ v: Int) {
                // Offsets are below 2^31: at most ten digits.
                let digits = v < 10 ? 1 : v < 100 ? 2 : v < 1_000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5
                    : v < 1_000_000 ? 6 : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10
                var x = v
                var p = n + digits
                n = p
                while x >= 100 {
                    let r = (x % 100) &* 2
                    x /= 100
                    p -= 2
                    buffer[p] = pairs[r]
                    buffer[p + 1] = pairs[r + 1]
                }
                if x >= 10 {
                    buffer[p - 2] = pairs[x &* 2]
                    buffer[p - 1] = pairs[x &* 2 + 1]
                } else {
                    buffer[p - 1] = UInt8(truncatingIfNeeded: 0x30 + x)
                }
            }
            for i in range {
                if i > 0 { buffer[n] = 0x2C; n += 1 }
                let item = items[i]
                buffer[n] = 0x5B; n += 1
                int(identity ? Int(item.start) : map.scalarOffset(Int(item.start)))
                buffer[n] = 0x2C; n += 1
                int(identity ? Int(item.end) : map.scalarOffset(Int(item.end)))
                buffer[n] = 0x5D; n += 1
            }
        }
        return n
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
