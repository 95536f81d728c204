import Foundation
import Testing
@testable import MalkollCore

/// The sentences of a document, each as its text with wrapped lines read as
/// one line (hyphenation undone, white space runs as one space).
func sentenceTexts(_ doc: Document) -> [String] {
    doc.sentences.map { doc.word($0.range) }
}

@Suite struct SegmentSentenceTests {
    static let examples: [(line: Int, text: String, sentences: [String])] = {
        guard let t = try? ExampleTable("sentences.tsv") else { return [] }
        return t.rows.map { ($0.line, t.value($0, "text"), t.value($0, "sentences").components(separatedBy: " || ")) }
    }()

    @Test func tableIsThere() {
        #expect(SegmentSentenceTests.examples.count >= 20)
    }

    @Test(arguments: SegmentSentenceTests.examples.indices)
    func example(_ i: Int) throws {
        let e = SegmentSentenceTests.examples[i]
        let doc = try segmented(e.text)
        #expect(sentenceTexts(doc) == e.sentences, "sentences.tsv line \(e.line): \(e.text.debugDescription)")
    }

    @Test func sentencesStayInsideTheirBlockAndOwnTheirTokens() throws {
        let doc = try segmented("Rubrik\n\nEn mening. En till.\n• Punkt ett\n• Punkt två.\n")
        for s in doc.sentences {
            let b = doc.blocks[Int(s.block)]
            #expect(b.range.contains(Int(s.start)) && Int(s.end) <= b.range.upperBound)
            let toks = doc.tokens(of: s)
            #expect(Int(toks.first!.start) == Int(s.start) && Int(toks.last!.end) == Int(s.end))
        }
        #expect(doc.sentences.count == 5)
    }
}

@Suite struct SegmentParallelTests {
    /// Two threads give exactly what one gives.
    @Test func twoThreadsGiveTheSameOutputAsOne() throws {
        var text = ""
        for url in Paths.seedFiles { text += try String(contentsOf: url, encoding: .utf8) + "\n\n" }
        let lexicons = Lexicons(directory: Paths.lexicons)
        func segment(threads: Int) throws -> Document {
            let doc = try DocumentLoader.load(bytes: Array(text.utf8), source: "test")
            try PlainTextLayout(lexicons: lexicons).run(doc)
            let s = try Segmenter(lexicons: lexicons)
            s.maxThreads = threads
            s.parallelThreshold = 1000
            s.run(doc)
            return doc
        }
        let one = try segment(threads: 1), two = try segment(threads: 2)
        #expect(one.tokens == two.tokens)
        #expect(one.sentences == two.sentences)
        #expect(one.tokens.count > 4000)
    }
}
