import Foundation
import Testing
@testable import MalkollCore

/// The seeds through the whole analyzer and lint, against the seed gold:
/// issue 3's SMART and vague bars and issue 5's lint bar. Skipped (with the
/// reason shown) while the goal stage finds no goal at all.
@Suite("Lint and SMART on the seed gold", .enabled(if: SeedRun.goalStagePresent, "the goal stage finds no goals yet"))
struct LintSeedBarTests {
    @Test func smartAndVagueBars() throws {
        let s = try SeedRun.shared()
        var right: [Criterion: Int] = [:]
        var tp = 0, fp = 0, fn = 0
        for (gold, goal) in s.pairs {
            for c in Criterion.allCases where gold.smart[c] == goal.smart[c]?.pass { right[c, default: 0] += 1 }
            switch (gold.vague, goal.vague) {
            case (true, true): tp += 1
            case (false, true): fp += 1
            case (true, false): fn += 1
            default: break
            }
        }
        let n = Double(s.pairs.count)
        let p = Double(tp) / Double(max(tp + fp, 1)), r = Double(tp) / Double(max(tp + fn, 1))
        let f1 = 2 * p * r / max(p + r, 1e-9)
        print("seed SMART through analyze: \(s.pairs.count) matched goals; "
              + Criterion.allCases.map { "\($0.rawValue)=\(String(format: "%.3f", Double(right[$0] ?? 0) / n))" }.joined(separator: " ")
              + " vagueF1=\(String(format: "%.3f", f1))")
        for c in Criterion.allCases { #expect(Double(right[c] ?? 0) / n >= 0.90, "\(c.rawValue)") }
        #expect(f1 >= 0.90)
    }

    /// Issue 5: every gold-vague goal has a finding (warning or error) whose
    /// span lies inside the goal; a goal the gold calls not vague has none
    /// above info. Reports every goal that breaks it.
    @Test func lintBar() throws {
        let s = try SeedRun.shared()
        var broken: [String] = []
        for (gold, goal) in s.pairs {
            let inside = goal.findings.filter {
                $0.severity >= .warning && $0.location.start >= goal.location.start && $0.location.end <= goal.location.end
            }
            if gold.vague && inside.isEmpty { broken.append("vague, no finding: \(goal.text.prefix(80))") }
            if !gold.vague && !inside.isEmpty { broken.append("not vague, \(inside.map(\.rule)): \(goal.text.prefix(80))") }
        }
        let rate = 1 - Double(broken.count) / Double(max(s.pairs.count, 1))
        print("lint bar on seeds: \(s.pairs.count - broken.count)/\(s.pairs.count) goals as the gold wants")
        broken.forEach { print("  ", $0) }
        #expect(rate >= 0.93, "\(broken.joined(separator: "\n"))")
    }

    /// Structural half of the bar, strict: a finding always lies inside its
    /// goal, and a goal is vague exactly when it carries a warning.
    @Test func findingsInsideGoalsAndVagueConsistent() throws {
        for (_, analysis) in try SeedRun.shared().analyses {
            for goal in analysis.goals {
                for f in goal.findings {
                    #expect(f.location.start >= goal.location.start && f.location.end <= goal.location.end, "\(f.rule) in \(goal.text.prefix(60))")
                }
                #expect(goal.vague == goal.findings.contains { $0.severity >= .warning }, "\(goal.text.prefix(60))")
            }
        }
    }
}

/// The seeds analysed once, with their gold goals matched to the analyzer's
/// (Jaccard of lower-cased word sets ≥ 0.5, best pairs first, borderline gold
/// left out), as `shared/tools/score_goals.py` matches them.
final class SeedRun: @unchecked Sendable {
    struct GoldGoal {
        var text: String
        var vague: Bool
        var smart: [Criterion: Bool]
    }

    let analyses: [(String, Analysis)]
    let pairs: [(GoldGoal, Goal)]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cached: SeedRun?

    static func shared() throws -> SeedRun {
        lock.lock()
        defer { lock.unlock() }
        if let c = cached { return c }
        let s = try SeedRun()
        cached = s
        return s
    }

    static var goalStagePresent: Bool {
        guard let first = Paths.seedFiles.first,
              let analyzer = try? Analyzer(lexicons: Lexicons(directory: Paths.lexicons)),
              let doc = try? DocumentLoader.load(path: first.path),
              let analysis = try? analyzer.analyze(doc) else { return false }
        return !analysis.goals.isEmpty
    }

    init() throws {
        let analyzer = try Analyzer(lexicons: Lexicons(directory: Paths.lexicons))
        var analyses: [(String, Analysis)] = []
        var pairs: [(GoldGoal, Goal)] = []
        for seed in Paths.seedFiles {
            let analysis = try analyzer.analyze(try DocumentLoader.load(path: seed.path))
            analyses.append((seed.lastPathComponent, analysis))
            let goldURL = Paths.gold.appendingPathComponent(seed.lastPathComponent + ".json")
            let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as! [String: Any]
            var gold: [GoldGoal] = []
            var seen = Set<String>()
            for g in obj["goals"] as! [[String: Any]] where (g["borderline"] as? Bool) != true {
                let text = g["text"] as! String
                guard seen.insert(Self.words(text).sorted().joined(separator: " ")).inserted else { continue }
                let smart = g["smart"] as! [String: Bool]
                gold.append(GoldGoal(text: text, vague: g["vague"] as! Bool,
                                     smart: Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, smart[$0.rawValue] ?? false) })))
            }
            var candidates: [(Double, Int, Int)] = []
            let predicted = analysis.goals.map { Self.words($0.text) }
            for (i, g) in gold.enumerated() {
                let gw = Self.words(g.text)
                for (j, pw) in predicted.enumerated() {
                    let score = Double(gw.intersection(pw).count) / Double(max(gw.union(pw).count, 1))
                    if score >= 0.5 { candidates.append((score, i, j)) }
                }
            }
            var usedG = Set<Int>(), usedP = Set<Int>()
            for (_, i, j) in candidates.sorted(by: { $0.0 > $1.0 }) where !usedG.contains(i) && !usedP.contains(j) {
                usedG.insert(i)
                usedP.insert(j)
                pairs.append((gold[i], analysis.goals[j]))
            }
        }
        self.analyses = analyses
        self.pairs = pairs
    }

    static func words(_ text: String) -> Set<String> {
        Set(Fingerprint.normalise(text).split(separator: " ").map(String.init))
    }
}
