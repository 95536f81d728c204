import Foundation
import Testing
@testable import MalkollCore

/// Every stage that shares a large document between threads gives the same
/// output as one thread: decoding, layout, segmentation's JSON.
@Suite struct ParallelTests {
    static func seedText() throws -> String {
        var text = ""
        for url in Paths.seedFiles { text += try String(contentsOf: url, encoding: .utf8) + "\n\n" }
        return text
    }

    @Test func piecesAreCutOnlyWhereAllowed() {
        let allowed: Set<Int> = [3, 9]
        #expect(Parallelism.pieces(12, 2) { allowed.contains($0) } == [0..<9, 9..<12])
        #expect(Parallelism.pieces(12, 3) { allowed.contains($0) } == [0..<9, 9..<12])
        #expect(Parallelism.pieces(12, 2) { _ in false } == [0..<12])
        #expect(Parallelism.pieces(12, 1) { _ in true } == [0..<12])
        #expect(Parallelism.pieces(0, 2) { _ in true } == [0..<0])
    }

    @Test func largeUTF8DecodesInTwoHalvesExactly() throws {
        // Over the two-thread threshold, with 2-, 3- and 4-byte sequences
        // all through it (so one straddles the cut).
        let unit = "Målet är 35 % – ökad 😀 delaktighet för 𝔘 alla. "
        let text = String(repeating: unit, count: Parallelism.minimumUnits / unit.utf8.count + 7)
        let units = try #require(TextDecoding.utf8ToUTF16(Array(text.utf8)[...]))
        #expect(units == Array(text.utf16))
    }

    @Test func invalidUTF8InTheSecondHalfIsStillFound() throws {
        var bytes = Array(String(repeating: "Ökad delaktighet. ", count: Parallelism.minimumUnits / 18 + 10).utf8)
        bytes[bytes.count - 100] = 0xE4   // a Latin-1 "ä" in a UTF-8 file
        #expect(TextDecoding.utf8ToUTF16(bytes[...]) == nil)
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == "utf-8+windows-1252")
        #expect(decoded.utf16.contains(0xE4))
    }

    @Test func layoutInPiecesEqualsOneThread() throws {
        let layout = try PlainTextLayout(lexicons: Lexicons(directory: Paths.lexicons))
        // The seeds; then plain paragraphs first, so that the first piece
        // has no heading and the second must be laid out again.
        let seeds = try ParallelTests.seedText()
        let plain = String(repeating: "Kommunen ska verka för ett öppet samhälle.\n\n", count: 400)
        for text in [seeds + seeds, plain + seeds] {
            let u = Array(text.utf16)
            let (one, two, three) = u.withUnsafeBufferPointer {
                (layout.blocks(in: $0, threads: 1), layout.blocks(in: $0, threads: 2), layout.blocks(in: $0, threads: 3))
            }
            #expect(one.count > 300)
            #expect(one == two)
            #expect(one == three)
        }
    }

    @Test func segmentJSONInPiecesEqualsOneThread() throws {
        // More tokens than one piece holds, and astral characters, so that
        // offsets are converted to scalars.
        let text = String(repeating: "Målet 😀 är nått, för 10 000 invånare. ", count: 30_000)
        let doc = try segmented(text)
        #expect(doc.tokens.count > 2 * SegmentRenderer.pieceItems)
        var one: [UInt8] = [], two: [UInt8] = []
        SegmentRenderer.writeJSON(doc, threads: 1) { one.append(contentsOf: $0) }
        SegmentRenderer.writeJSON(doc, threads: 2) { two.append(contentsOf: $0) }
        #expect(one == two)
        let json = try JSONSerialization.jsonObject(with: Data(one)) as? [String: [[Int]]]
        let tokens = try #require(json?["tokens"])
        #expect(tokens.count == doc.tokens.count)
        // "Målet 😀 är": "är" starts at scalar 8 (UTF-16 unit 9).
        #expect(tokens[2] == [8, 10])
    }
}
