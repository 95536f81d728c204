import Foundation
import Testing
@testable import MalkollCore

/// The bars of issue 2 on the UD Swedish dev treebanks, measured with
/// `shared/peers/score_ud.py` against the built `malkoll segment --format json`.
@Suite struct UDSegmentationTests {
    struct Bar: Sendable, CustomTestStringConvertible {
        var treebank: String
        var file: String
        var tokenF1: Double
        var sentenceF1: Double
        var testDescription: String { treebank }
    }

    static let bars = [
        Bar(treebank: "Talbanken", file: "UD_Swedish-Talbanken/sv_talbanken-ud-dev.conllu", tokenF1: 99.90, sentenceF1: 97.5),
        Bar(treebank: "LinES", file: "UD_Swedish-LinES/sv_lines-ud-dev.conllu", tokenF1: 99.90, sentenceF1: 95.5),
    ]

    static func python() -> URL? {
        for p in ["/usr/bin/python3", "/usr/local/bin/python3"] where FileManager.default.isExecutableFile(atPath: p) {
            return URL(fileURLWithPath: p)
        }
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in env.split(separator: ":") {
            let p = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: p) { return URL(fileURLWithPath: p) }
        }
        return nil
    }

    @Test(arguments: bars)
    func meetsTheBar(_ bar: Bar) throws {
        guard let shared = Paths.shared, let python = UDSegmentationTests.python() else {
            print("UDSegmentationTests: skipped, \(Paths.shared == nil ? "../shared is missing" : "python3 is missing")")
            return
        }
        let scorer = shared.appendingPathComponent("peers/score_ud.py").path
        let conllu = shared.appendingPathComponent("peers/ud-swedish").appendingPathComponent(bar.file).path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-ud-\(getpid())-\(bar.treebank)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let raw = dir.appendingPathComponent("raw.txt").path
        let system = dir.appendingPathComponent("system.json").path
        let made = try run(python, [scorer, "text", conllu, "-o", raw])
        try #require(made.status == 0, "score_ud.py text failed: \(made.stderr)")
        let seg = try malkoll("segment", "--format", "json", raw, "--output", system)
        try #require(seg.status == 0, "malkoll segment failed: \(seg.stderr)")
        let scored = try run(python, [scorer, "score", conllu, system, "--raw", raw, "--json"])
        try #require(scored.status == 0, "score_ud.py score failed: \(scored.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [String: [String: Double]]
        let tokens = 100 * (result?["tokens"]?["f1"] ?? 0)
        let sentences = 100 * (result?["sentence_boundaries_paragraph_internal"]?["f1"] ?? 0)
        print("UD \(bar.treebank) dev: token F1 \(String(format: "%.2f", tokens)), paragraph-internal sentence F1 \(String(format: "%.2f", sentences))")
        #expect(tokens >= bar.tokenF1, "\(bar.treebank): token F1 \(tokens) below \(bar.tokenF1)")
        #expect(sentences >= bar.sentenceF1, "\(bar.treebank): sentence F1 \(sentences) below \(bar.sentenceF1)")
    }
}
