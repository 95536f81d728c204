/// Tokens and sentences: ICU word and sentence break (locale sv) inside
/// each block, so no sentence crosses a block boundary.
/// (First version: raw ICU; the Swedish refinements come on top.)
public final class Segmenter: Stage {
    public let name = "segment"
    public let needs: Set<Layer> = [.blocks]
    public let gives: Set<Layer> = [.tokens, .sentences]

    private let words: ICUBreaker
    private let sentences: ICUBreaker

    public init() throws {
        words = try ICUBreaker(.word)
        sentences = try ICUBreaker(.sentence)
    }

    public func run(_ doc: Document) {
        var tokens: [Token] = []
        var sents: [Sentence] = []
        tokens.reserveCapacity(doc.utf16.count / 5)
        doc.utf16.withUnsafeBufferPointer { u in
            for (bi, block) in doc.blocks.enumerated() {
                if case .furniture = block.kind { continue }
                let firstToken = tokens.count
                var start = block.range.lowerBound
                words.breaks(u, block.range) { bounds, statuses in
                    for k in 0..<bounds.count {
                        let end = Int(bounds[k])
                        var allSpace = true
                        for j in start..<end where !Segmenter.isSpace(u[j]) { allSpace = false; break }
                        if !allSpace {
                            let s = statuses[k]
                            let kind: Token.Kind = s >= 200 ? .word : s >= 100 ? .number : .punctuation
                            tokens.append(Token(start: Int32(start), end: Int32(end), kind: kind))
                        }
                        start = end
                    }
                }
                var t = firstToken
                var sStart = block.range.lowerBound
                sentences.breaks(u, block.range) { bounds, _ in
                    for k in 0..<bounds.count {
                        var a = sStart, b = Int(bounds[k])
                        sStart = b
                        while a < b, Segmenter.isSpace(u[a]) { a += 1 }
                        while b > a, Segmenter.isSpace(u[b - 1]) { b -= 1 }
                        guard a < b else { continue }
                        let t0 = t
                        while t < tokens.count, Int(tokens[t].start) < b { t += 1 }
                        sents.append(Sentence(start: Int32(a), end: Int32(b), block: Int32(bi), tokens: Int32(t0)..<Int32(t)))
                    }
                }
            }
        }
        doc.tokens = tokens
        doc.sentences = sents
    }

    @inline(__always) static func isSpace(_ c: UInt16) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0xA0 || c == 0x0C || c == 0x2028 || c == 0x2029 || c == 0x202F
    }
}
