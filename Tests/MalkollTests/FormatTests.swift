import Foundation
import Testing
@testable import MalkollCore

/// The seed documents as DOCX, ODT, HTML, PDF and Markdown (Corpus/formats,
/// made by scripts/make-format-fixtures.sh) read back into the same layout
/// blocks as their text versions, and each format's own structure read
/// right from small hand-made files.
@Suite struct FormatTests {
    static let formats = Paths.corpus.appendingPathComponent("formats")
    static let structured: [(String, SourceFormat)] = [("docx", .docx), ("odt", .odt), ("html", .html), ("md", .markdown), ("pdf", .pdf)]
    static let lexicons = Lexicons(directory: Paths.lexicons)

    static func seedNames() -> [String] { Paths.seedFiles.map { $0.deletingPathExtension().lastPathComponent } }

    @Test func formatIsDetectedFromContentNotName() throws {
        for name in Self.seedNames() {
            for (ext, format) in Self.structured {
                let bytes = [UInt8](try Data(contentsOf: Self.formats.appendingPathComponent("\(name).\(ext)")))
                // Under a misleading name: the content decides.
                let doc = try DocumentLoader.load(bytes: bytes, source: "\(name).txt", lexicons: Self.lexicons)
                #expect(doc.format == format, "\(name).\(ext) read as \(doc.format)")
                #expect(!doc.blocks.isEmpty)
            }
        }
    }

    /// Block texts of a document, white space collapsed, boilerplate and
    /// furniture left out, each tagged L (list item) or B (any other block).
    static func blockSequence(_ doc: Document, vocabulary: IngestVocabulary) -> [String] {
        doc.blocks.compactMap { b in
            if case .furniture = b.kind { return nil }
            let text = doc.string(b.range).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if vocabulary.isBoilerplate(text) { return nil }
            return (b.isListItem ? "L " : "B ") + text
        }
    }

    /// The text version's blocks as the fixtures were made from it (one
    /// block per line, "•" and "–" lines list items), independent of the
    /// plain-text layout's own judgement, which the goal-F1 test covers.
    static func textVersion(_ name: String, vocabulary: IngestVocabulary) throws -> [String] {
        let text = try String(contentsOf: Paths.seeds.appendingPathComponent("\(name).txt"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            var words = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard let first = words.first else { return nil }
            let item = first == "•" || first == "–"
            if item { words.removeFirst() }
            let joined = words.joined(separator: " ")
            if joined.isEmpty || vocabulary.isBoilerplate(joined) { return nil }
            return (item ? "L " : "B ") + joined
        }
    }

    /// DOCX, ODT, HTML and Markdown keep every block of the text version,
    /// in order, with the same text and list-item-ness; PDF (rejoined lines,
    /// page furniture removed) at least 95% of them.
    @Test(arguments: structured.map(\.0)) func sameBlocksAsTheTextVersion(_ ext: String) throws {
        let vocabulary = try IngestVocabulary(Self.lexicons)
        for name in Self.seedNames() {
            let text = try Self.textVersion(name, vocabulary: vocabulary)
            let doc = try DocumentLoader.load(path: Self.formats.appendingPathComponent("\(name).\(ext)").path, lexicons: Self.lexicons)
            var other = Self.blockSequence(doc, vocabulary: vocabulary)
            if ext == "html" {
                // The web page's own furniture recurring in the seed text (its texts, not its kinds).
                let furniture = Set(doc.blocks.filter { if case .furniture = $0.kind { return true } else { return false } }
                    .map { doc.string($0.range) })
                other = other.filter { !furniture.contains(String($0.dropFirst(2))) }
                let kept = text.filter { !furniture.contains(String($0.dropFirst(2))) }
                #expect(other == kept, "\(name).\(ext):\n\(FormatTests.firstDifference(kept, other))")
                continue
            }
            if ext == "pdf" {
                let common = FormatTests.lcsLength(text, other)
                let share = Double(common) / Double(max(text.count, 1))
                #expect(share >= 0.95, "\(name).pdf: \(common) of \(text.count) blocks\n\(FormatTests.firstDifference(text, other))")
                continue
            }
            #expect(other == text, "\(name).\(ext):\n\(FormatTests.firstDifference(text, other))")
        }
    }

    /// The fixtures' running header and page-number footer never reach the text.
    @Test func pdfPageFurnitureIsLeftOut() throws {
        for name in Self.seedNames() {
            let doc = try DocumentLoader.load(path: Self.formats.appendingPathComponent("\(name).pdf").path, lexicons: Self.lexicons)
            #expect(!doc.text.contains("Styrdokument"), "\(name)")
            #expect(!doc.text.contains("Sida "), "\(name)")
        }
    }

    @Test func windows1252CopyReadsTheSame() throws {
        for name in Self.seedNames() {
            let utf8 = try DocumentLoader.load(path: Paths.seeds.appendingPathComponent("\(name).txt").path)
            let cp = try DocumentLoader.load(path: Self.formats.appendingPathComponent("\(name).cp1252.txt").path)
            #expect(cp.encoding == "windows-1252")
            #expect(cp.warnings == ["not valid UTF-8; read as Windows-1252"])
            #expect(cp.text == utf8.text)
        }
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : "<none>", y = i < b.count ? b[i] : "<none>"
            if x != y { return "block \(i):\n  text:   \(x.prefix(160))\n  format: \(y.prefix(160))" }
        }
        return "same"
    }

    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var prev = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var cur = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() { cur[j + 1] = x == y ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
            prev = cur
        }
        return prev[b.count]
    }
}
