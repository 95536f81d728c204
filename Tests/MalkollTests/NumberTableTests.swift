import Foundation
import Testing
@testable import MalkollCore

/// An example table under Corpus/examples/ (tab-separated, `#` comments, a
/// header), read with the lexicon parser so a bad row names its line.
func exampleTable(_ name: String) throws -> LexiconTable {
    let url = Paths.corpus.appendingPathComponent("examples/\(name)")
    return try LexiconTable.parse(String(contentsOf: url, encoding: .utf8), file: "Corpus/examples/\(name)")
}

/// Corpus/examples/numbers.tsv: each text and the number it must be.
@Suite struct NumberTableTests {
    static let rows = (try? exampleTable("numbers.tsv").rows) ?? []

    @Test func tableIsThere() { #expect(Self.rows.count > 50) }

    @Test(arguments: rows)
    func reads(_ row: LexiconTable.Row) throws {
        let text = row[0], want = row[1], kind = row[2]
        let got: Double?
        switch kind {
        case "cardinal": got = ExtractReaders.numbers.value(of: text)
        case "ordinal": got = ExtractReaders.numbers.ordinal(of: text).map(Double.init)
        default: Issue.record("numbers.tsv:\(row.line): kind must be cardinal or ordinal"); return
        }
        if want == "-" {
            #expect(got == nil, "numbers.tsv:\(row.line): \"\(text)\" gave \(got!), want no number")
        } else {
            let value = try #require(Double(want), "numbers.tsv:\(row.line): bad value")
            #expect(got.map { abs($0 - value) < 1e-4 * max(1, abs(value)) } == true,
                    "numbers.tsv:\(row.line): \"\(text)\" gave \(got.map { "\($0)" } ?? "nil"), want \(value)")
        }
    }
}

extension LexiconTable.Row: CustomTestStringConvertible {
    public var testDescription: String { "line \(line): \(fields.first ?? "")" }
}
