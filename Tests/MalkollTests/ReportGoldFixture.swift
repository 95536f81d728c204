import Foundation
@testable import MalkollCore

/// A seed document with its gold annotation (Corpus/gold) turned into an
/// `Analysis`: a page of real size and shape (62 goals over 17 kB of text,
/// four directions) for the browser and size checks, whatever the analyzer
/// finds today. The verdicts are the gold's; their reasons and the findings
/// say so ("enligt guldannoteringen"), they are not the analyzer's.
enum ReportGoldFixture {
    static func load(_ seed: String) throws -> (analysis: Analysis, document: Document) {
        let doc = try DocumentLoader.load(path: Paths.seeds.appendingPathComponent(seed).path)
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: Paths.gold.appendingPathComponent(seed + ".json"))) as! [String: Any]
        var goals: [Goal] = []
        var searchFrom = doc.text.startIndex
        for (i, g) in (gold["goals"] as! [[String: Any]]).enumerated() {
            let text = g["text"] as! String
            // Gold goals come in text order; search on from the previous one.
            guard let r = doc.text.range(of: text, range: searchFrom..<doc.text.endIndex) ?? doc.text.range(of: text) else { continue }
            searchFrom = r.upperBound
            let location = ReportFixture.location(of: r, in: doc)
            let smart = g["smart"] as! [String: Bool]
            var verdicts: [Criterion: Verdict] = [:]
            var findings: [Finding] = []
            for c in Criterion.allCases {
                let pass = smart[c.rawValue] ?? false
                verdicts[c] = Verdict(pass: pass, reason: pass ? "Uppfyllt enligt guldannoteringen." : "Ej uppfyllt enligt guldannoteringen.")
                if !pass {
                    findings.append(Finding(rule: "gold-\(c.rawValue)", severity: c == .measurable ? .warning : .info,
                                            message: "\(HTMLReportLabels.criterion(c)): ej uppfyllt enligt guldannoteringen.",
                                            messageEnglish: "\(c.rawValue): not met according to the gold annotation.",
                                            location: location))
                }
            }
            let targets = (g["targets"] as? [[String: Any]] ?? []).map { t in
                Target(text: t["text"] as? String ?? "", value: (t["value"] as? NSNumber)?.doubleValue ?? 0,
                       unit: TargetUnit(rawValue: t["unit"] as? String ?? "") ?? .other,
                       comparator: Comparator(rawValue: t["comparator"] as? String ?? "") ?? .eq)
            }
            goals.append(Goal(
                id: "g\(i + 1)", text: text, location: location,
                commitment: Commitment(class: CommitmentClass(rawValue: g["commitment"] as? String ?? "") ?? .recommend,
                                       cue: "", inherited: false),
                actor: (g["actor"] as? String).map { Actor(name: $0, inherited: false) },
                targets: targets,
                deadline: (g["deadline"] as? String).map { Deadline(text: $0, date: $0, inherited: false) },
                program: (g["program"] as? String).map { Link(name: $0, area: g["area"] as? String, evidence: .heading, confidence: 1) },
                direction: (g["direction"] as? String).map { Link(name: $0, label: $0, evidence: .heading, confidence: 1) },
                smart: verdicts, vague: g["vague"] as? Bool ?? false, findings: findings))
        }
        let info = DocumentInfo(source: doc.source, sha256: doc.sha256, format: doc.format, encoding: doc.encoding,
                                title: nil, organisation: gold["organisation"] as? String,
                                characters: doc.offsets.scalarOffset(doc.utf16.count), sentences: 0, tokens: 0)
        return (Analysis(document: info, goals: goals), doc)
    }
}
