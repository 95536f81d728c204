/// Finds layout blocks in plain text: blank-line paragraphs, one paragraph
/// per line, list items and headings. (First version: one block per
/// non-empty line; bullets become list items.)
public struct PlainTextLayout: Stage {
    public let name = "layout"
    public let needs: Set<Layer> = [.text]
    public let gives: Set<Layer> = [.blocks]

    public init() {}

    static let bullets: Set<UInt16> = [0x2022, 0x2D, 0x2A, 0x2013, 0xF0B7, 0x25CF, 0x25AA, 0x25E6]

    public func run(_ doc: Document) {
        let u = doc.utf16
        var blocks: [Block] = []
        var lineStart = 0
        var i = 0
        func isSpace(_ c: UInt16) -> Bool { c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x0C }
        func emit(_ s: Int, _ e: Int) {
            var a = s, b = e
            while a < b, isSpace(u[a]) { a += 1 }
            while b > a, isSpace(u[b - 1]) { b -= 1 }
            guard a < b else { return }
            if PlainTextLayout.bullets.contains(u[a]), a + 1 < b, isSpace(u[a + 1]) {
                var c = a + 1
                while c < b, isSpace(u[c]) { c += 1 }
                blocks.append(Block(kind: .listItem(level: 0), range: c..<b, marker: a..<(a + 1)))
            } else {
                blocks.append(Block(kind: .paragraph, range: a..<b))
            }
        }
        while i < u.count {
            let c = u[i]
            if c == 0x0A || c == 0x0D {
                emit(lineStart, i)
                if c == 0x0D, i + 1 < u.count, u[i + 1] == 0x0A { i += 1 }
                lineStart = i + 1
            }
            i += 1
        }
        emit(lineStart, u.count)
        doc.blocks = blocks
    }
}
