import Foundation
@testable import MalkollCore

/// Runs `malkoll analyze --format json` on every seed into a temporary
/// folder and scores it with `shared/tools/score_goals.py --json`. Shared by
/// the gold tests of the analyzer and of the SMART rules.
struct GoldScore {
    var goalF1: Double
    var targetF1: Double
    var vagueF1: Double
    /// Accuracy by field ("actor", "deadline", "smart.specific", ...); a
    /// field with nothing to compare is absent.
    var accuracy: [String: Double]
    var matched: Int
    /// The scorer's raw JSON, for messages.
    var raw: String

    subscript(_ field: String) -> Double? { accuracy[field] }
}

enum GoldScoring {
    enum Failure: Error, CustomStringConvertible {
        case run(String)
        var description: String { if case let .run(s) = self { return s }; return "" }
    }

    /// Where python3 is, or nil.
    static var python: URL? {
        for p in ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"] where FileManager.default.isExecutableFile(atPath: p) {
            return URL(fileURLWithPath: p)
        }
        let env = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in env.split(separator: ":") {
            let p = URL(fileURLWithPath: String(dir)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: p.path) { return p }
        }
        return nil
    }

    /// Whether scoring can run here (shared/ and python3 present).
    static var available: Bool { Paths.shared != nil && python != nil }

    /// Analyses every seed and scores the result against `Corpus/gold`.
    static func score() throws -> GoldScore {
        guard let shared = Paths.shared, let python else { throw Failure.run("shared/ or python3 missing") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for seed in Paths.seedFiles {
            let r = try run(Paths.binary, ["analyze", "--format", "json", seed.path])
            guard r.status == 0 else { throw Failure.run("analyze \(seed.lastPathComponent) exited \(r.status): \(r.stderr)") }
            try Data(r.stdout.utf8).write(to: dir.appendingPathComponent(seed.lastPathComponent + ".json"))
        }
        let scorer = shared.appendingPathComponent("tools/score_goals.py")
        let r = try run(python, [scorer.path, "--gold", Paths.gold.path, "--pred", dir.path, "--json"])
        guard r.status == 0, let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            throw Failure.run("score_goals.py failed (\(r.status)): \(r.stderr)")
        }
        func f1(_ k: String) -> Double { ((obj[k] as? [String: Any])?["f1"] as? Double) ?? 0 }
        var accuracy: [String: Double] = [:]
        for (k, v) in (obj["accuracy"] as? [String: Any]) ?? [:] { if let d = v as? Double { accuracy[k] = d } }
        return GoldScore(goalF1: f1("goals"), targetF1: f1("targets"), vagueF1: f1("vague"), accuracy: accuracy,
                         matched: obj["matched"] as? Int ?? 0, raw: r.stdout)
    }
}
