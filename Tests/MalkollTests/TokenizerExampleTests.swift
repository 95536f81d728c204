import Foundation
import Testing
@testable import MalkollCore

/// A table of examples from `Corpus/examples/*.tsv` (the lexicon format:
/// `#` comments, a header naming the columns, tab-separated rows).
struct ExampleTable {
    let rows: [LexiconTable.Row]
    let table: LexiconTable

    init(_ name: String) throws {
        let url = Paths.corpus.appendingPathComponent("examples").appendingPathComponent(name)
        let content = try String(contentsOf: url, encoding: .utf8)
        table = try LexiconTable.parse(content, file: url.path)
        rows = table.rows
    }

    func value(_ row: LexiconTable.Row, _ column: String) -> String {
        table.column(column).map { ExampleTable.unescape(row[$0]) } ?? ""
    }

    /// "\n" in a table cell stands for a line break.
    static func unescape(_ s: String) -> String { s.replacingOccurrences(of: "\\n", with: "\n") }
}

@Suite struct TokenizerExampleTests {
    static let examples: [(line: Int, text: String, tokens: [String], kinds: [(String, String)])] = {
        guard let t = try? ExampleTable("tokens.tsv") else { return [] }
        return t.rows.map { row in
            let kinds: [(String, String)] = t.value(row, "kinds").components(separatedBy: " | ").compactMap { pair in
                guard let eq = pair.lastIndex(of: "=") else { return nil }
                return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
            }
            return (row.line, t.value(row, "text"), t.value(row, "tokens").components(separatedBy: " | "), kinds)
        }
    }()

    @Test func tableIsThere() {
        #expect(TokenizerExampleTests.examples.count >= 40)
    }

    @Test(arguments: TokenizerExampleTests.examples.indices)
    func example(_ i: Int) throws {
        let e = TokenizerExampleTests.examples[i]
        let doc = try segmented(e.text)
        let got = doc.tokens.map { doc.string($0) }
        #expect(got == e.tokens, "tokens.tsv line \(e.line): \(e.text.debugDescription)")
        for (token, kind) in e.kinds {
            let found = doc.tokens.first { doc.string($0) == token }
            #expect(found.map { "\($0.kind)" } == kind, "tokens.tsv line \(e.line): kind of \(token)")
        }
    }

    @Test func abbreviationSpellingsAreGenerated() {
        let a = Abbreviations(["t.ex.", "bl.a.", "nr"])
        func match(_ s: String) -> String? {
            let u = Array(s.utf16)
            return u.withUnsafeBufferPointer { b in a.match(b, at: 0, limit: b.count).map { String(decoding: u[0..<$0.end], as: UTF16.self) } }
        }
        #expect(match("t.ex. så") == "t.ex.")
        #expect(match("t.ex så") == "t.ex")
        #expect(match("t ex så") == "t ex")
        #expect(match("t. ex. så") == "t. ex.")
        #expect(match("T.ex. så") == "T.ex.")
        #expect(match("bl a") == "bl a")
        #expect(match("nr. 5") == "nr.")
        #expect(match("text") == nil)
        #expect(match("tex") == nil)
    }

    @Test func malformedAbbreviationRowIsLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-abbr-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# test\nabbreviation\tends_sentence\tnote\nt.ex.\tmaybe\tx\n".write(to: dir.appendingPathComponent("abbreviations.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try Abbreviations(lexicons: Lexicons(directory: dir)) }
        do { _ = try Abbreviations(lexicons: Lexicons(directory: dir)) } catch let e as LexiconError {
            #expect(e.line == 3 && e.column == 7)
        }
    }
}
