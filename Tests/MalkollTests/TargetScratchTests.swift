import Foundation
import Testing
@testable import MalkollCore

/// Tools for working on the readers, idle unless asked for:
/// `DUMP=file.txt swift test --filter TargetScratchTests` prints what the
/// readers find in each line of the file; `BENCH=1` times them over every
/// sentence of the seeds.
@Suite struct TargetScratchTests {
    @Test func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["DUMP"] else { return }
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let (ts, tm) = try ExtractReaders.read(String(line))
            print("S: \(line)")
            for t in ts { print("   T \(t.comparator.rawValue) \(t.value) \(t.unit.rawValue) \"\(t.text)\" q=\(t.quantity ?? "-") b=\(t.baseline.map{"\($0)"} ?? "-")") }
            if let d = tm.deadline { print("   D \(d.date) \"\(d.text)\"") }
            if let r = tm.recurrence { print("   R \(r)") }
            if let b = tm.baseline { print("   B \(b)") }
        }
    }

    @Test func bench() throws {
        guard ProcessInfo.processInfo.environment["BENCH"] != nil else { return }
        var docs: [Document] = []
        for url in Paths.seedFiles {
            let doc = try DocumentLoader.load(path: url.path)
            try LanguagePipeline(lexicons: ExtractReaders.lexicons).run(doc)
            docs.append(doc)
        }
        let sentences = docs.reduce(0) { $0 + $1.sentences.count }
        let rounds = 20
        let start = Date()
        var found = 0
        for _ in 0..<rounds {
            for doc in docs {
                for s in doc.sentences {
                    found += ExtractReaders.targets.read(doc, s.range).count
                    found += ExtractReaders.time.read(doc, s.range).deadline == nil ? 0 : 1
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        func time(_ name: String, _ body: (Document, Range<Int>) -> Void) {
            let t0 = Date()
            for _ in 0..<rounds { for doc in docs { for s in doc.sentences { body(doc, s.range) } } }
            print(String(format: "  %@: %.1f µs per sentence", name, Date().timeIntervalSince(t0) * 1e6 / Double(sentences * rounds)))
        }
        let lexicon = ExtractReaders.targets.lexicon
        let numbers = ExtractReaders.targets.numbers
        time("scan") { doc, r in _ = TextScan.tokens(doc.utf16, r) }
        time("scan+numbers") { doc, r in let t = TextScan.tokens(doc.utf16, r); for i in t.indices { _ = numbers.match(t, at: i) } }
        time("scan+timefinder") { doc, r in let t = TextScan.tokens(doc.utf16, r); _ = ExtractReaders.targets.finder.find(t) }
        time("scan+comparators") { doc, r in let t = TextScan.tokens(doc.utf16, r); _ = lexicon.comparators.matchesByEnd(t) }
        time("scan+contexts") { doc, r in let t = TextScan.tokens(doc.utf16, r); for x in t { _ = lexicon.context(x, is: .money) } }
        print(String(format: "extract bench: %d sentences x %d rounds in %.2f s = %.1f µs per sentence (targets + time), %d found",
                     sentences, rounds, seconds, seconds * 1e6 / Double(sentences * rounds), found))
    }
}
