import Foundation
import Testing
@testable import MalkollCore

/// Corpus/examples/smart-verdicts.tsv: Swedish goals with their specific and
/// measurable verdicts, run through the assessor. Anyone can add a row.
@Suite("SMART verdict table")
struct RuleVerdictTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let line: Int
        let text: String
        let targets: [String]
        let specific: Bool
        let measurable: Bool
        var testDescription: String { "line \(line): \(text)" }
    }

    static let rows: [Row] = {
        let url = Paths.corpus.appendingPathComponent("examples/smart-verdicts.tsv")
        guard let content = try? String(contentsOf: url, encoding: .utf8),
              let table = try? LexiconTable.parse(content, file: url.path) else { return [] }
        return table.rows.map { r in
            Row(line: r.line, text: r[0], targets: r[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) },
                specific: r[2] == "yes", measurable: r[3] == "yes")
        }
    }()

    @Test func tableIsThere() {
        #expect(Self.rows.count >= 30)
    }

    @Test(arguments: rows)
    func verdict(_ row: Row) throws {
        let a = try RuleHarness.assess(row.text, targets: row.targets)
        #expect(a.goal.smart[.specific]?.pass == row.specific, "specific: \(a.goal.smart[.specific]!.reason)")
        #expect(a.goal.smart[.measurable]?.pass == row.measurable, "measurable: \(a.goal.smart[.measurable]!.reason)")
    }
}
