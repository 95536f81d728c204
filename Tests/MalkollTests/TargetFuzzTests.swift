import Foundation
import Testing
@testable import MalkollCore

/// The readers on random sequences of the words and signs they react to:
/// no crash, no hang, and every location inside the text.
@Suite struct TargetFuzzTests {
    static let pieces = ["-", "–", "/", ":", ",", ".", "(", ")", "%", "§", "+", "2020", "2016", "10", "000", "5", "0", "0920", "1,5",
                         "en", "ett", "halv", "hälften", "var", "vart", "tredje", "första", "kvartalet", "Q", "1", "år", "den",
                         "juni", "2023-09-01", "minst", "högst", "inte", "från", "till", "fram", "senast", "som", "ska", "öka",
                         "minska", "med", "procent", "kronor", "miljoner", "tusen", "tjugofem", "av", "tre", "gånger", "per",
                         "mellan", "och", "dagar", "andelen", "antalet", "utfall", "årskurs", "kap.", "😀", "F21", "-talet"]

    @Test func randomSequences() throws {
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) & 0x7FFF_FFFF)
        }
        for _ in 0..<1000 {
            var text = ""
            for _ in 0..<(1 + next() % 14) {
                text += Self.pieces[next() % Self.pieces.count]
                text += next() % 4 == 0 ? "" : " "
            }
            let doc = try segmented(text)
            let scalars = text.unicodeScalars.count
            for target in ExtractReaders.targets.read(doc, 0..<doc.utf16.count) {
                let loc = try #require(target.location)
                #expect(loc.start >= 0 && loc.start < loc.end && loc.end <= scalars, "\(text)")
                #expect(target.value.isFinite, "\(text)")
            }
            let time = ExtractReaders.time.read(doc, 0..<doc.utf16.count)
            if let r = time.deadlineRange { #expect(r.lowerBound >= 0 && r.upperBound <= doc.utf16.count, "\(text)") }
            if let d = time.deadline { #expect(d.date.range(of: #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#, options: .regularExpression) != nil, "\(text)") }
            if let r = time.recurrence {
                #expect(["yearly", "quarterly", "monthly", "weekly"].contains(r)
                        || r.range(of: #"^every [0-9]+ (years|months)$"#, options: .regularExpression) != nil, "\(text)")
            }
            _ = ExtractReaders.numbers.value(of: text)
            _ = ExtractReaders.numbers.ordinal(of: text)
        }
    }
}
