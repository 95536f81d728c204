import Foundation
import Testing
@testable import MalkollCore

/// Runs every row of `Corpus/examples/goal-detection.tsv`: Swedish
/// statements that are goals (with their class and actor) and ones that are
/// not (background, the past, definitions, rules about goals, navigation).
@Suite struct GoalDetectionTests {
    struct Example: CustomStringConvertible, Sendable {
        var line: Int
        var text: String
        var expect: String
        var goal: String
        var cls: String
        var actor: String
        var description: String { "line \(line): \(text.prefix(60))" }
    }

    static let examples: [Example] = {
        let url = Paths.corpus.appendingPathComponent("examples/goal-detection.tsv")
        guard let content = try? String(contentsOf: url, encoding: .utf8),
              let table = try? LexiconTable.parse(content, file: url.path) else { return [] }
        return table.rows.map {
            Example(line: $0.line, text: $0[0].replacingOccurrences(of: "\\n", with: "\n"), expect: $0[1], goal: $0[2], cls: $0[3], actor: $0[4])
        }
    }()

    static let lexicons = Lexicons(directory: Paths.lexicons)

    /// One analyzer per call: an analyzer belongs to one thread, and the examples run in parallel.
    static func analyze(_ text: String) throws -> Analysis {
        try Analyzer(lexicons: lexicons).analyze(DocumentLoader.load(bytes: Array(text.utf8), source: "example"))
    }

    @Test func tableIsThere() { #expect(Self.examples.count >= 30) }

    @Test(arguments: examples) func example(_ e: Example) throws {
        let analysis = try Self.analyze(e.text)
        if e.expect == "no" {
            #expect(analysis.goals.isEmpty, "found \(analysis.goals.map(\.text))")
            return
        }
        let wanted = e.goal.isEmpty ? e.text : e.goal
        let goal = try #require(analysis.goals.first { $0.text == wanted }, "no goal \"\(wanted)\" among \(analysis.goals.map(\.text))")
        #expect(goal.kind.rawValue == e.expect)
        if !e.cls.isEmpty { #expect(goal.commitment.class.rawValue == e.cls, "cue \(goal.commitment.cue)") }
        if e.actor == "-" { #expect(goal.actor == nil, "actor \(goal.actor?.name ?? "")") }
        else if !e.actor.isEmpty { #expect(goal.actor?.name == e.actor) }
    }

    /// The same goal behind a multi-byte prefix, as a list item and under a
    /// heading: its text and offsets follow it.
    @Test func offsetsSurviveContext() throws {
        let goal = "Kommunen ska minska energianvändningen med 10 procent."
        for text in ["😀 Inledning\n\n" + goal, "Mål:\n• " + goal, "Energi\n\n" + goal] {
            let analysis = try Self.analyze(text)
            let g = try #require(analysis.goals.first { $0.text == goal }, "in \(text)")
            let scalars = Array(text.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[g.location.start..<g.location.end])) == goal)
        }
    }

    @Test func repeatedStatementIsOneGoal() throws {
        let text = "Mål:\n• Minskade utsläpp av växthusgaser\n\nMålområden\n\nMinskade utsläpp av växthusgaser\n"
        let analysis = try Self.analyze(text)
        #expect(analysis.goals.filter { $0.text == "Minskade utsläpp av växthusgaser" }.count == 1)
    }

    @Test func inheritsFromLeadIn() throws {
        let text = "Det här ska nämnden arbeta för fram till 2028:\n• Fler platser i förskolan\n• Utreda nya lokaler\n"
        let analysis = try Self.analyze(text)
        let first = try #require(analysis.goals.first)
        #expect(first.commitment.class == .effort && first.commitment.inherited)
        #expect(first.actor?.name == "nämnden" && first.actor?.inherited == true)
        #expect(first.deadline?.date == "2028" && first.deadline?.inherited == true)
        #expect(first.leadIn == "Det här ska nämnden arbeta för fram till 2028:")
        #expect(analysis.goals.last?.commitment.class == .investigate)
    }

    @Test func programAndAreaFromOwnHeadings() throws {
        let text = "Program B - Hållbar stad\n\nMålet är att stärka stadens gröna ytor.\n\n1. Grönska\n\nKommunen ska plantera träd i varje stadsdel.\n"
        let analysis = try Self.analyze(text)
        #expect(analysis.goals.count == 2)
        #expect(analysis.goals[0].program?.name == "Hållbar stad" && analysis.goals[0].program?.area == nil)
        #expect(analysis.goals[1].program?.name == "Hållbar stad" && analysis.goals[1].program?.area == "Grönska")
        #expect(analysis.goals[1].program?.evidence == .heading)
    }

    @Test func perspectiveHeadingGivesDirection() throws {
        let text = "Perspektiv: Medarbetare\n\nNämnden ska sänka sjukfrånvaron.\n"
        let analysis = try Self.analyze(text)
        #expect(analysis.goals.first?.direction?.name == "medarbetare")
    }
}
