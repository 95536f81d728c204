import Foundation
import Testing
@testable import MalkollCore

/// `malkoll analyze` as a user runs it: every format on a small fixture,
/// several inputs with bad ones among them, exit codes, lexicon errors.
@Suite struct AnalyzeCLITests {
    static let fixture = Paths.corpus.appendingPathComponent("examples/analyze-fixture.txt")
    static let snapshots = Paths.repo.appendingPathComponent("Tests/MalkollTests/Snapshots")

    /// The fields goal extraction owns, one goal a line (the SMART verdicts
    /// and targets belong to other stages and have their own tests).
    static func fieldsLine(_ g: [String: Any]) -> String {
        let loc = g["location"] as? [String: Any] ?? [:]
        let c = g["commitment"] as? [String: Any] ?? [:]
        let actor = (g["actor"] as? [String: Any]).map { "\($0["name"]!)\(($0["inherited"] as? Bool) == true ? " (inherited)" : "")" } ?? "-"
        let deadline = (g["deadline"] as? [String: Any]).map { "\($0["date"]!)\(($0["inherited"] as? Bool) == true ? " (inherited)" : "")" } ?? "-"
        let program = (g["program"] as? [String: Any]).map { "\($0["name"]!)\(($0["area"] as? String).map { " / " + $0 } ?? "")" } ?? "-"
        let direction = (g["direction"] as? [String: Any]).map { "\($0["name"]!)" } ?? "-"
        return "\(loc["line"]!):\(loc["column"]!) [\(g["kind"]!)] \(g["text"]!)\n    \(c["class"]!) «\(c["cue"]!)»\((c["inherited"] as? Bool) == true ? " (inherited)" : "") | actor \(actor) | deadline \(deadline) | program \(program) | direction \(direction)"
    }

    /// Compares with a snapshot file; `MALKOLL_UPDATE_SNAPSHOTS=1` rewrites it.
    static func checkSnapshot(_ name: String, _ actual: String) throws {
        let url = snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MALKOLL_UPDATE_SNAPSHOTS"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "snapshot \(name) differs; rerun with MALKOLL_UPDATE_SNAPSHOTS=1 after checking")
    }

    @Test func jsonFieldsSnapshot() throws {
        let r = try malkoll("analyze", "--format", "json", Self.fixture.path)
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let goals = obj["goals"] as? [[String: Any]] ?? []
        let doc = obj["document"] as? [String: Any] ?? [:]
        let text = "organisation: \(doc["organisation"] ?? "-")\ntitle: \(doc["title"] ?? "-")\n" + goals.map(Self.fieldsLine).joined(separator: "\n") + "\n"
        try Self.checkSnapshot("analyze-fixture.fields.txt", text)
    }

    @Test func structureSnapshot() throws {
        let r = try malkoll("analyze", "--structure", Self.fixture.path)
        #expect(r.status == 0)
        try Self.checkSnapshot("analyze-fixture.structure.txt", r.stdout)
    }

    @Test func deterministic() throws {
        let a = try malkoll("analyze", "--format", "json", Self.fixture.path)
        let b = try malkoll("analyze", "--format", "json", Self.fixture.path)
        #expect(a.stdout == b.stdout)
    }

    @Test func everyFormat() throws {
        let json = try malkoll("analyze", "--format", "json", Self.fixture.path)
        let goals = ((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["goals"] as? [Any])?.count ?? -1
        #expect(goals > 0)

        let jsonl = try malkoll("analyze", "--format", "jsonl", Self.fixture.path, Self.fixture.path)
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for l in lines { #expect((try? JSONSerialization.jsonObject(with: Data(l.utf8))) != nil) }

        let csv = try malkoll("analyze", "--format", "csv", Self.fixture.path)
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == AnalysisRenderer.csvColumns.joined(separator: ","))
        #expect(rows.count == goals + 1)

        let text = try malkoll("analyze", Self.fixture.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("== Program: Trygg och hållbar stad › Klimat =="))
        #expect(text.stdout.contains("Utreda en ny cykelbana längs ån."))

        let html = try malkoll("analyze", "--format", "html", Self.fixture.path)
        #expect(html.status == 0 && html.stdout.lowercased().contains("<html"))
    }

    @Test func standardInput() throws {
        let r = try malkoll("analyze", "--format", "json", "-", stdin: Data("Kommunen ska bygga en ny skola.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"Kommunen ska bygga en ny skola.\""))
        #expect(r.stdout.contains("\"source\": \"-\""))
    }

    @Test func severalInputsGoOnPastBadOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = dir.appendingPathComponent("image.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2, 0, 0, 0, 0]).write(to: binary)
        let missing = dir.appendingPathComponent("missing.txt").path

        let bad = try malkoll("analyze", "--format", "json", Self.fixture.path, binary.path)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("image.png"))
        let array = try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [Any]
        #expect(array?.count == 1)

        let worst = try malkoll("analyze", "--format", "json", binary.path, Self.fixture.path, missing)
        #expect(worst.status == 66)
        #expect(worst.stderr.contains("missing.txt"))

        // Nothing readable with --output: no file is written.
        let out = dir.appendingPathComponent("out.json")
        let none = try malkoll("analyze", "--format", "json", "--output", out.path, missing)
        #expect(none.status == 66)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func usageErrors() throws {
        #expect(try malkoll("analyze").status == 64)
        #expect(try malkoll("analyze", "--format", "yaml", Self.fixture.path).status == 64)
    }

    @Test func malformedLexiconNamesFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-lex-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.lexicons, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cues = dir.appendingPathComponent("commitment_cues.tsv")
        var content = try String(contentsOf: cues, encoding: .utf8)
        content += "verka mot\tmaybe\tverb\n"
        try content.write(to: cues, atomically: true, encoding: .utf8)
        let lines = content.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let r = try malkoll("analyze", "--lexicons", dir.path, Self.fixture.path)
        #expect(r.status == 65)
        #expect(r.stderr.contains("commitment_cues.tsv:\(lines):"), "\(r.stderr)")
        #expect(r.stderr.contains("unknown class 'maybe'"))
    }
}
