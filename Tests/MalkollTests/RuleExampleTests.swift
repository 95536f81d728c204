import Foundation
import Testing
@testable import MalkollCore

/// Builds synthetic goals over example text, with the fields other stages
/// would read given by hand, and runs the assessor on them.
enum RuleHarness {
    static let lexicons = Lexicons(directory: Paths.lexicons)
    static let assessor: Assessor = try! Assessor(lexicons: lexicons)

    /// Contexts every example is rerun in, to catch offset bugs: a
    /// multi-byte prefix, a list item, a goal under a heading.
    static let contexts: [(name: String, prefix: String)] = [
        ("plain", ""), ("multibyte", "Å😀 "), ("list item", "Mål:\n\n- "), ("under heading", "Åtaganden 😀\n\n"),
    ]

    struct Assessed {
        var goal: Goal
        /// Where the goal starts, in Unicode scalars.
        var offset: Int
    }

    static func assess(_ text: String, prefix: String = "", actor: String? = "kommunen", program: String? = "Programmet",
                       deadline: String? = "2026", targets: [String] = []) throws -> Assessed {
        let doc = try segmented(prefix + text + "\n")
        let start = prefix.utf16.count
        let span = start..<start + text.utf16.count
        let offset = prefix.unicodeScalars.count
        func location(_ r: Range<Int>) -> Location {
            let lc = doc.offsets.lineColumn(r.lowerBound)
            return Location(line: lc.line, column: lc.column, start: doc.offsets.scalarOffset(r.lowerBound), end: doc.offsets.scalarOffset(r.upperBound))
        }
        var goal = Goal(id: "g1", text: text, location: location(span),
                        commitment: Commitment(class: .binding, cue: "ska", inherited: true),
                        actor: actor.map { Actor(name: $0, inherited: true) },
                        targets: targets.map { phrase in
                            let r = (text as NSString).range(of: phrase)
                            let u = start + r.location
                            return Target(text: phrase, value: 1, unit: .other, comparator: .eq, location: location(u..<u + r.length))
                        },
                        deadline: deadline.map { Deadline(text: "senast \($0)", date: $0, inherited: true) },
                        program: program.map { Link(name: $0, evidence: .heading, confidence: 1) })
        assessor.assess(&goal, span: span, in: doc)
        return Assessed(goal: goal, offset: offset)
    }
}

struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let example: RuleExample
    var testDescription: String { "\(rule): \(example.passes ? "pass" : "fail") \(example.text)" }
}

@Suite("Rule examples")
struct RuleExampleTests {
    static let cases: [RuleCase] = SmartRules.all.flatMap { rule in
        rule.description.examples.map { RuleCase(rule: rule.description.id, example: $0) }
    }

    /// Every rule's own examples, in every context: a failing example gives
    /// exactly the marked spans for that rule, a passing one none.
    @Test(arguments: cases)
    func example(_ c: RuleCase) throws {
        let e = c.example
        for context in RuleHarness.contexts {
            let a = try RuleHarness.assess(e.plainText, prefix: context.prefix, actor: e.actor, program: e.program,
                                           deadline: e.deadline, targets: e.targets)
            let got = a.goal.findings.filter { $0.rule == c.rule }.map { ($0.location.start - a.offset)..<($0.location.end - a.offset) }
            let want = e.passes ? [] : e.markedSpans
            #expect(got == want, "\(context.name): \(c.rule) on \(e.text): got \(got.map { slice(e.plainText, $0) })")
            for f in a.goal.findings {
                #expect(f.location.start >= a.goal.location.start && f.location.end <= a.goal.location.end,
                        "\(context.name): finding \(f.rule) outside its goal")
                let lc = f.location
                #expect(lc.line >= 1 && lc.column >= 1)
            }
        }
    }

    @Test func everyRuleHasPassingAndFailingExamples() {
        for rule in SmartRules.all {
            let d = rule.description
            #expect(d.examples.contains { $0.passes }, "\(d.id) has no passing example")
            #expect(d.examples.contains { !$0.passes && !$0.markedSpans.isEmpty }, "\(d.id) has no failing example with a marked span")
        }
    }

    @Test func idsAreUniqueAndStable() {
        let ids = SmartRules.ids
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let prefix = id.split(separator: ".").first.map(String.init) ?? ""
            #expect(["specific", "measurable", "assignable", "relevant", "time-bound"].contains(prefix), "\(id)")
        }
    }

    /// Vague goals always carry a warning that says why; verdicts quote.
    @Test(arguments: cases)
    func verdictsAndFindingsAgree(_ c: RuleCase) throws {
        let e = c.example
        let a = try RuleHarness.assess(e.plainText, actor: e.actor, program: e.program, deadline: e.deadline, targets: e.targets)
        #expect(a.goal.smart.count == 5)
        let warned = a.goal.findings.contains { $0.severity >= .warning }
        #expect(a.goal.vague == warned, "vague=\(a.goal.vague) but warnings=\(a.goal.findings.map(\.rule))")
        for (criterion, v) in a.goal.smart where !v.pass && (criterion == .specific || criterion == .measurable) {
            #expect(v.reason.contains("\""), "\(criterion) reason quotes nothing: \(v.reason)")
        }
    }

    func slice(_ s: String, _ r: Range<Int>) -> String {
        let scalars = Array(s.unicodeScalars)
        guard r.lowerBound >= 0, r.upperBound <= scalars.count, r.lowerBound <= r.upperBound else { return "<\(r)>" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[r])
        return String(out)
    }
}
