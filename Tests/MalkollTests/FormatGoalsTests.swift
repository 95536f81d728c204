import Foundation
import Testing
@testable import MalkollCore

/// Issue 4's bar: the seed documents as DOCX, ODT, HTML and PDF give a goal
/// F1 against the gold within 0.03 of the text version's, scored by
/// ../shared/tools/score_goals.py on `malkoll analyze --format json`; a
/// Windows-1252 copy gives the same goals as the UTF-8 file. Runs once
/// `analyze` works and ../shared and python3 are there.
@Suite struct FormatGoalsTests {
    static var ready: Bool {
        guard Paths.shared != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/env"),
              let seed = Paths.seedFiles.first,
              let r = try? malkoll("analyze", "--format", "json", seed.path) else { return false }
        return r.status == 0 && r.stdout.hasPrefix("{")
    }

    /// Analyzes each seed in `ext` into DIR/<seed>.txt.json and scores the folder.
    static func goalF1(_ ext: String) throws -> (f1: Double, goals: [String: [String]]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-goals-\(ext)-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var goals: [String: [String]] = [:]
        for seed in Paths.seedFiles {
            let name = seed.deletingPathExtension().lastPathComponent
            let input = ext == "txt" ? seed : Paths.corpus.appendingPathComponent("formats/\(name).\(ext)")
            let r = try malkoll("analyze", "--format", "json", input.path)
            #expect(r.status == 0, "\(input.lastPathComponent): \(r.stderr)")
            try r.stdout.write(to: dir.appendingPathComponent("\(name).txt.json"), atomically: true, encoding: .utf8)
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            goals[name] = ((json?["goals"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        }
        let shared = try #require(Paths.shared)
        let score = try run(URL(fileURLWithPath: "/usr/bin/env"),
                            ["python3", shared.appendingPathComponent("tools/score_goals.py").path,
                             "--gold", shared.appendingPathComponent("gold").path, "--pred", dir.path, "--json"])
        let result = try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any]
        let f1 = ((result?["goals"] as? [String: Any])?["f1"] as? Double) ?? -1
        return (f1, goals)
    }

    @Test(.enabled(if: ready)) func goalF1OfEveryFormatIsWithin003OfText() throws {
        let text = try Self.goalF1("txt")
        print("goal F1: txt \(String(format: "%.3f", text.f1))")
        for ext in ["docx", "odt", "html", "pdf", "md"] {
            let other = try Self.goalF1(ext)
            print("goal F1: \(ext) \(String(format: "%.3f", other.f1))")
            #expect(abs(other.f1 - text.f1) <= 0.03, "\(ext): \(other.f1) vs text \(text.f1)")
        }
        let cp1252 = try Self.goalF1("cp1252.txt")
        #expect(cp1252.goals == text.goals)
    }
}
