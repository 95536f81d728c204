import Foundation
import Testing
@testable import MalkollCore

/// Corpus/examples/deadlines.tsv: each goal text, its deadline and recurrence.
@Suite struct TimeTableTests {
    static let rows = (try? exampleTable("deadlines.tsv").rows) ?? []

    @Test func tableIsThere() { #expect(Self.rows.count > 40) }

    @Test(arguments: rows)
    func reads(_ row: LexiconTable.Row) throws {
        let time = try ExtractReaders.read(row[0]).time
        let deadline = time.deadline?.date ?? "-"
        let recurrence = time.recurrence ?? "-"
        #expect(deadline == row[1], "deadlines.tsv:\(row.line): \"\(row[0])\" deadline \(deadline) (\"\(time.deadline?.text ?? "")\"), want \(row[1])")
        #expect(recurrence == row[2], "deadlines.tsv:\(row.line): \"\(row[0])\" recurrence \(recurrence), want \(row[2])")
    }

    /// The deadline's text and range are the phrase with its cue.
    @Test func deadlinePhraseAndRange() throws {
        let text = "Utsläppen ska minska fram till år 2030 jämfört med 2010."
        let doc = try segmented(text)
        let time = ExtractReaders.time.read(doc, 0..<doc.utf16.count)
        #expect(time.deadline?.text == "fram till år 2030")
        #expect(time.deadlineRange.map { doc.string($0) } == "fram till år 2030")
        #expect(time.baseline == "2010")
    }

    /// A malformed row in a lexicon of these readers names file, line and column.
    @Test func malformedLexiconRow() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for f in try FileManager.default.contentsOfDirectory(atPath: Paths.lexicons.path) {
            try FileManager.default.copyItem(at: Paths.lexicons.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        let units = dir.appendingPathComponent("units.tsv")
        try (String(contentsOf: units, encoding: .utf8) + "furlong\tlength\t\tafter\n").write(to: units, atomically: true, encoding: .utf8)
        let lines = try String(contentsOf: units, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        do {
            _ = try TargetReader(lexicons: Lexicons(directory: dir))
            Issue.record("a bad unit was accepted")
        } catch let e as LexiconError {
            #expect(e.line == lines && e.column == 9 && e.file.hasSuffix("units.tsv"), "\(e)")
        }
    }
}
