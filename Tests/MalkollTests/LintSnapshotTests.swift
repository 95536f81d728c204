import Foundation
import Testing
@testable import MalkollCore

/// Whole-output snapshots under Tests/Snapshots/lint/. `MALKOLL_RECORD=1
/// swift test --filter Lint` rewrites them and fails on purpose, so a
/// recording never passes silently.
enum Snapshot {
    static let directory = Paths.repo.appendingPathComponent("Tests/Snapshots/lint")

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MALKOLL_RECORD"] != nil {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record("recorded \(name); rerun without MALKOLL_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(name); record it with MALKOLL_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            Issue.record("""
                \(name) differs from its snapshot at line \(first + 1):
                  expected: \(first < e.count ? String(e[first]) : "<end>")
                  actual:   \(first < a.count ? String(a[first]) : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}

/// A small analysed document whose goals are built by hand (list items and
/// the sentence with "ska"), so the renderers are tested apart from goal
/// detection: every list item is a goal under the lead-in's actor and deadline.
enum LintFixture {
    static let file = "Tests/Fixtures/lint/plan.txt"

    static func analysed() throws -> (Analysis, Document) {
        let text = try String(contentsOf: Paths.repo.appendingPathComponent(file), encoding: .utf8)
        let doc = try segmented(text)
        var goals: [Goal] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let lineStart = offset
            offset += line.utf16.count + 1
            var content = Substring(line)
            var start = lineStart
            if content.hasPrefix("- ") { content = content.dropFirst(2); start += 2 }
            else if !content.contains(" ska ") || content.hasSuffix(":") { continue }
            let span = start..<start + content.utf16.count
            let goalText = String(content)
            let targets: [Target] = goalText.contains("minst 35 %") ? [Target(text: "minst 35 %", value: 35, unit: .percent, comparator: .ge)] : []
            let deadline = goalText.contains("2025") ? Deadline(text: "senast 2025", date: "2025", inherited: false)
                                                     : Deadline(text: "fram till 2026", date: "2026", inherited: true)
            let lc = doc.offsets.lineColumn(span.lowerBound)
            var goal = Goal(id: "g\(goals.count + 1)", text: goalText,
                            location: Location(line: lc.line, column: lc.column, start: doc.offsets.scalarOffset(span.lowerBound),
                                               end: doc.offsets.scalarOffset(span.upperBound)),
                            commitment: Commitment(class: .effort, cue: "arbeta för", inherited: true),
                            actor: Actor(name: "Exempelby kommun", inherited: true), targets: targets, deadline: deadline)
            RuleHarness.assessor.assess(&goal, span: span, in: doc)
            goals.append(goal)
        }
        let info = DocumentInfo(source: file, sha256: doc.sha256, format: .text, encoding: "utf-8", title: nil, organisation: nil,
                                characters: text.unicodeScalars.count, sentences: doc.sentences.count, tokens: doc.tokens.count)
        return (Analysis(document: info, goals: goals), doc)
    }

    static func findings(settings: RuleSettings = RuleSettings()) throws -> [LintFinding] {
        let (analysis, doc) = try analysed()
        return LintCollector.findings(analysis, doc: doc, file: file, settings: settings, suppressions: Suppressions.scan(doc.text)).findings
    }
}

@Suite("Lint renderers")
struct LintRenderTests {
    @Test func textSwedish() throws {
        Snapshot.check("render.sv.txt", String(decoding: LintTextRenderer.render(try LintFixture.findings(), lang: .sv), as: UTF8.self))
    }

    @Test func textEnglish() throws {
        Snapshot.check("render.en.txt", String(decoding: LintTextRenderer.render(try LintFixture.findings(), lang: .en), as: UTF8.self))
    }

    @Test func json() throws {
        Snapshot.check("render.json", String(decoding: LintJSONRenderer.render(try LintFixture.findings(), files: 1, lang: .sv), as: UTF8.self))
    }

    @Test func sarif() throws {
        Snapshot.check("render.sarif", String(decoding: SARIFRenderer.render(try LintFixture.findings(), lang: .sv), as: UTF8.self))
    }

    @Test func sortedByPositionThenRule() throws {
        let f = try LintFixture.findings()
        #expect(!f.isEmpty)
        #expect(f == f.sorted(by: LintCollector.order))
        for (a, b) in zip(f, f.dropFirst()) {
            #expect((a.finding.location.line, a.finding.location.column) <= (b.finding.location.line, b.finding.location.column))
        }
    }

    /// The text format is exactly FILE:LINE:COL: severity: message [rule-id].
    @Test func textLineShape() throws {
        let text = String(decoding: LintTextRenderer.render(try LintFixture.findings(), lang: .sv), as: UTF8.self)
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            #expect(parts.count == 5)
            #expect(parts[0] == Substring(LintFixture.file))
            #expect(Int(parts[1]) != nil && Int(parts[2]) != nil)
            #expect(["error", "warning", "info"].contains(parts[3].trimmingCharacters(in: .whitespaces)))
            #expect(line.hasSuffix("]") && SmartRules.ids.contains { line.hasSuffix("[\($0)]") })
        }
    }

    /// Each finding's line:column and offsets point at its words in the file.
    @Test func locationsPointIntoTheSource() throws {
        let text = try String(contentsOf: Paths.repo.appendingPathComponent(LintFixture.file), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        for f in try LintFixture.findings() {
            let l = f.finding.location
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[l.start..<l.end])
            let spanned = String(view)
            var fromLine = String.UnicodeScalarView()
            fromLine.append(contentsOf: lines[l.line - 1][(l.column - 1)...].prefix(l.end - l.start))
            #expect(String(fromLine) == spanned, "\(f.rule) at \(l.line):\(l.column)")
            #expect(f.goalText.contains(spanned))
            #expect(f.endLine == l.line && f.endColumn == l.column + (l.end - l.start))
        }
    }

    @Test func settingsTurnRulesOffAndChangeSeverity() throws {
        var s = RuleSettings()
        s.disabled = ["specific.vague-verb"]
        s.severities = ["measurable.direction-only": .error]
        let f = try LintFixture.findings(settings: s)
        #expect(!f.contains { $0.rule == "specific.vague-verb" })
        #expect(f.filter { $0.rule == "measurable.direction-only" }.allSatisfy { $0.severity == .error })
        #expect(f.contains { $0.rule == "measurable.direction-only" })
    }
}
