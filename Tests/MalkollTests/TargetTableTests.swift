import Foundation
import Testing
@testable import MalkollCore

/// Corpus/examples/targets.tsv: each goal text and the targets it must give;
/// Corpus/examples/negatives.tsv: texts that must give nothing.
@Suite struct TargetTableTests {
    static let rows = (try? exampleTable("targets.tsv").rows) ?? []
    static let negatives = (try? exampleTable("negatives.tsv").rows) ?? []

    /// "COMPARATOR VALUE UNIT [baseline=N] ["phrase"]".
    struct Expected: CustomStringConvertible {
        var comparator: String
        var value: Double
        var unit: String
        var baseline: Double?
        var text: String?
        var description: String {
            "\(comparator) \(value) \(unit)" + (baseline.map { " baseline=\($0)" } ?? "") + (text.map { " \"\($0)\"" } ?? "")
        }

        init?(_ spec: Substring) {
            var s = spec.trimmingCharacters(in: .whitespaces)
            if let q = s.firstIndex(of: "\""), s.hasSuffix("\"") {
                text = String(s[s.index(after: q)..<s.index(before: s.endIndex)])
                s = s[..<q].trimmingCharacters(in: .whitespaces)
            }
            let parts = s.split(separator: " ")
            guard parts.count >= 3, let v = Double(parts[1]) else { return nil }
            comparator = String(parts[0])
            value = v
            unit = String(parts[2])
            for p in parts.dropFirst(3) where p.hasPrefix("baseline=") { baseline = Double(p.dropFirst(9)) }
        }

        func matches(_ t: Target) -> Bool {
            t.comparator.rawValue == comparator && abs(t.value - value) < 0.006 && t.unit.rawValue == unit
                && (baseline == nil || t.baseline.map { abs($0 - baseline!) < 0.006 } == true)
                && (text == nil || t.text == text)
        }
    }

    static func describe(_ targets: [Target]) -> String {
        targets.map { "\($0.comparator.rawValue) \($0.value) \($0.unit.rawValue)" + ($0.baseline.map { " baseline=\($0)" } ?? "") + " \"\($0.text)\"" }
            .joined(separator: " ; ")
    }

    @Test func tablesAreThere() {
        #expect(Self.rows.count > 50)
        #expect(Self.negatives.count > 10)
    }

    @Test(arguments: rows)
    func reads(_ row: LexiconTable.Row) throws {
        let want = row[1] == "-" ? [] : try row[1].split(separator: ";").map {
            try #require(Expected($0), "targets.tsv:\(row.line): cannot read \"\($0)\"")
        }
        let got = try ExtractReaders.read(row[0]).targets
        let ok = got.count == want.count && zip(want, got).allSatisfy { $0.matches($1) }
        #expect(ok, "targets.tsv:\(row.line): \"\(row[0])\"\n  got:  \(Self.describe(got))\n  want: \(want.map(\.description).joined(separator: " ; "))")
    }

    @Test(arguments: negatives)
    func findsNothing(_ row: LexiconTable.Row) throws {
        let (targets, time) = try ExtractReaders.read(row[0])
        #expect(targets.isEmpty, "negatives.tsv:\(row.line): \"\(row[0])\" gave \(Self.describe(targets)) (\(row[1]))")
        #expect(time.deadline == nil, "negatives.tsv:\(row.line): \"\(row[0])\" gave deadline \(time.deadline?.date ?? "") (\(row[1]))")
        #expect(time.recurrence == nil, "negatives.tsv:\(row.line): \"\(row[0])\" gave recurrence \(time.recurrence ?? "") (\(row[1]))")
    }

    /// The target's location points at its phrase in the source, in scalars.
    @Test func locationIsExact() throws {
        let text = "Rad ett 😀\nMinst 35 % av eleverna ska läsa teknik."
        let doc = try segmented(text)
        let t = try #require(ExtractReaders.targets.read(doc, 0..<doc.utf16.count).first)
        let scalars = Array(text.unicodeScalars)
        let loc = try #require(t.location)
        #expect(String(String.UnicodeScalarView(scalars[loc.start..<loc.end])) == "Minst 35 %")
        #expect(loc.line == 2 && loc.column == 1)
    }

    /// Reading a sub-range reads only there.
    @Test func readsOnlyTheRange() throws {
        let text = "Högst 10 %. Minst 20 procent av alla."
        let doc = try segmented(text)
        let start = Array(text.utf16).firstIndex(of: 0x4D)!
        let got = ExtractReaders.targets.read(doc, start..<doc.utf16.count)
        #expect(got.count == 1 && got.first?.value == 20 && got.first?.comparator == .ge)
    }
}
