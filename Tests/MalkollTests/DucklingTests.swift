import Foundation
import Testing
@testable import MalkollCore

/// Duckling's Swedish corpora (facebook/duckling, BSD; the example strings
/// and values only, converted by shared/peers/duckling-sv/convert.py and
/// copied to Corpus/examples/duckling-sv/): every numeral and ordinal through
/// NumberReader, every amount of money through TargetReader.
@Suite struct DucklingTests {
    struct Example: Decodable {
        struct Expected: Decodable { var value: Double; var unit: String? }
        var text: String
        var expected: Expected
        var line: Int
    }

    static func examples(_ name: String) throws -> [Example] {
        let url = Paths.corpus.appendingPathComponent("examples/duckling-sv/\(name).json")
        return try JSONDecoder().decode([Example].self, from: Data(contentsOf: url))
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= 1e-9 * max(1, abs(b))
    }

    @Test func numeralsAndOrdinals() throws {
        var ok = 0, total = 0
        var misses: [String] = []
        for e in try Self.examples("numeral") {
            total += 1
            let got = ExtractReaders.numbers.value(of: e.text)
            if Self.close(got, e.expected.value) { ok += 1 } else { misses.append("numeral \"\(e.text)\": \(got.map { "\($0)" } ?? "nil") want \(e.expected.value)") }
        }
        for e in try Self.examples("ordinal") {
            total += 1
            let got = ExtractReaders.numbers.ordinal(of: e.text)
            if got.map(Double.init) == e.expected.value { ok += 1 } else { misses.append("ordinal \"\(e.text)\": \(got.map { "\($0)" } ?? "nil") want \(e.expected.value)") }
        }
        let share = Double(ok) / Double(total)
        print("duckling numeral+ordinal: \(ok)/\(total) = \(String(format: "%.3f", share))" + misses.map { "\n  \($0)" }.joined())
        #expect(share >= 0.95, "\(ok)/\(total)\n\(misses.joined(separator: "\n"))")
    }

    /// Examples malkoll does not read, with the reason.
    static let moneyNotApplicable: [String: String] = [
        "20 Rupees 43": "a subunit written as a bare number after the currency word (20.43 rupees): not a Swedish form",
        "tjugo rupees 43": "a subunit written as a bare number after the currency word (20.43 rupees): not a Swedish form",
    ]

    /// Kronor are read as `sek` (öre as hundredths of a krona); every other
    /// currency as `other` with its value unconverted: malkoll's units have
    /// no foreign currency.
    @Test func amountsOfMoney() throws {
        var ok = 0, total = 0
        var misses: [String] = []
        var skipped: [String] = []
        for e in try Self.examples("amount-of-money") {
            if let why = Self.moneyNotApplicable[e.text] { skipped.append("\"\(e.text)\": \(why)"); continue }
            total += 1
            let doc = try segmented(e.text)
            let got = ExtractReaders.targets.read(doc, 0..<doc.utf16.count)
            let (value, unit): (Double, TargetUnit) = switch e.expected.unit {
            case "SEK": (e.expected.value, .sek)
            case "cent": (e.expected.value / 100, .sek)
            default: (e.expected.value, .other)
            }
            if got.count == 1, Self.close(got[0].value, value), got[0].unit == unit, got[0].text == e.text {
                ok += 1
            } else {
                misses.append("\"\(e.text)\": \(got.map { "\($0.value) \($0.unit.rawValue) \"\($0.text)\"" }) want \(value) \(unit.rawValue)")
            }
        }
        print("duckling amount-of-money: \(ok)/\(total) read; not applicable:" + skipped.map { "\n  \($0)" }.joined()
              + misses.map { "\n  MISS \($0)" }.joined())
        #expect(ok == total, "\(misses.joined(separator: "\n"))")
    }
}
