import Foundation
import Testing
@testable import MalkollCore

@Suite struct SegmentSeedTests {
    static var seeds: [String] { Paths.seedFiles.map(\.lastPathComponent) }

    /// Every list item and heading of the seeds is its own sentence (one or
    /// more, never shared with a neighbour); no sentence ends inside
    /// "t.ex.", "bl.a.", "10 000" or "35 %", nor right after "t.ex."/"bl.a."
    /// in mid-sentence.
    @Test(arguments: seeds)
    func listItemsHeadingsAndProtectedSpans(_ name: String) throws {
        let text = try String(contentsOf: Paths.seeds.appendingPathComponent(name), encoding: .utf8)
        let doc = try segmented(text)
        #expect(doc.blocks.contains { $0.isHeading })
        for (i, b) in doc.blocks.enumerated() where b.isHeading || b.isListItem {
            let own = doc.sentences.filter { Int($0.block) == i }
            #expect(!own.isEmpty, "\(name): block \(doc.string(b.range)) has no sentence")
            #expect(own.first.map { Int($0.start) } == b.range.lowerBound)
            for s in own { #expect(Int(s.end) <= b.range.upperBound) }
        }
        let ends = Set(doc.sentences.map { Int($0.end) })
        for protected in ["t.ex.", "bl.a.", "t ex", "10 000", "35 %", "d v s"] {
            let u = Array(protected.utf16)
            var p = 0
            while p + u.count <= doc.utf16.count {
                if doc.utf16[p] == u[0], Array(doc.utf16[p..<(p + u.count)]) == u {
                    for q in (p + 1)..<(p + u.count) { #expect(!ends.contains(q), "\(name): a sentence ends inside \(protected) at \(p)") }
                    if protected.hasSuffix(".") || protected == "t ex" {
                        #expect(!ends.contains(p + u.count), "\(name): a sentence ends after \(protected) at \(p)")
                    }
                }
                p += 1
            }
        }
    }

    /// Tokens are in order, never overlap, and together with the gaps give
    /// back the text: a gap holds only white space, list markers and
    /// furniture. Also on the folded and hyphenated variants.
    @Test(arguments: seeds)
    func tokensAndGapsGiveBackTheText(_ name: String) throws {
        let text = try String(contentsOf: Paths.seeds.appendingPathComponent(name), encoding: .utf8)
        for variant in [text, fold(text, width: 72, hyphenate: true)] {
            let doc = try segmented(variant)
            var allowed = [Bool](repeating: false, count: doc.utf16.count)
            for b in doc.blocks {
                if let m = b.marker { for p in m { allowed[p] = true } }
                if case .furniture = b.kind { for p in b.range { allowed[p] = true } }
            }
            var rebuilt: [UInt16] = []
            var previous = 0
            for t in doc.tokens {
                #expect(Int(t.start) >= previous && t.end > t.start)
                for p in previous..<Int(t.start) {
                    #expect(Chars.isWhite(doc.utf16[p]) || allowed[p], "\(name): \(doc.string(p..<(p + 1))) at \(p) is in no token")
                }
                rebuilt += doc.utf16[previous..<Int(t.end)]
                previous = Int(t.end)
            }
            rebuilt += doc.utf16[previous...]
            #expect(rebuilt == doc.utf16)
        }
    }
}
