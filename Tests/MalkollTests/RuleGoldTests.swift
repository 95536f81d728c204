import Foundation
import Testing
@testable import MalkollCore

/// The assessor on the seed gold with the gold's own fields (actor,
/// targets, deadline, program, direction): measures the SMART judgement
/// apart from detection and field reading, which other stages own.
/// The end-to-end bars (through `analyze`) are in RuleGoldBarTests.
@Suite("Rules on gold fields")
struct RuleGoldTests {
    struct GoldGoal {
        var text: String
        var fields: [String: Any]
    }

    static func goldGoals() throws -> [GoldGoal] {
        var out: [GoldGoal] = []
        let files = try FileManager.default.contentsOfDirectory(at: Paths.gold, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        for f in files {
            let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: f)) as! [String: Any]
            for g in obj["goals"] as! [[String: Any]] where (g["borderline"] as? Bool) != true {
                out.append(GoldGoal(text: g["text"] as! String, fields: g))
            }
        }
        return out
    }

    @Test func smartAccuracyWithGoldFields() throws {
        let goals = try Self.goldGoals()
        var right: [String: Int] = [:]
        var vtp = 0, vfp = 0, vfn = 0
        var misses: [String] = []
        for g in goals {
            let f = g.fields
            let targets = (f["targets"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }.filter { g.text.contains($0) }
            let deadline = (f["deadline"] as? String) ?? ((f["recurrence"] as? String) != nil ? "yearly" : nil)
            let program = (f["program"] as? String) ?? (f["direction"] as? String)
            let a = try RuleHarness.assess(g.text, actor: f["actor"] as? String, program: program, deadline: deadline, targets: targets)
            let gold = f["smart"] as! [String: Bool]
            for c in Criterion.allCases {
                let ok = a.goal.smart[c]?.pass == gold[c.rawValue]
                right[c.rawValue, default: 0] += ok ? 1 : 0
                if !ok && (c == .specific || c == .measurable) {
                    misses.append("\(c.rawValue) gold=\(gold[c.rawValue]!) :: \(g.text.prefix(90)) :: \(a.goal.smart[c]!.reason)")
                }
            }
            let gv = f["vague"] as! Bool
            if gv && a.goal.vague { vtp += 1 } else if a.goal.vague { vfp += 1 } else if gv { vfn += 1 }
        }
        let n = Double(goals.count)
        let p = Double(vtp) / Double(max(vtp + vfp, 1)), r = Double(vtp) / Double(max(vtp + vfn, 1))
        let f1 = 2 * p * r / max(p + r, 1e-9)
        print("rules on gold fields: \(goals.count) goals; " + Criterion.allCases.map { "\($0.rawValue)=\(String(format: "%.3f", Double(right[$0.rawValue]!) / n))" }.joined(separator: " ")
              + " vagueF1=\(String(format: "%.3f", f1))")
        if ProcessInfo.processInfo.environment["MALKOLL_VERBOSE"] != nil { misses.forEach { print("  MISS", $0) } }
        #expect(Double(right["specific"]!) / n >= 0.90)
        #expect(Double(right["measurable"]!) / n >= 0.90)
        #expect(f1 >= 0.90)
    }
}
