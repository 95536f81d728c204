import Foundation
import Testing
@testable import MalkollCore

@Suite("Inline suppression")
struct SuppressTests {
    @Test func regionsAndNextLine() {
        let s = Suppressions.scan("""
            Mål 1
            <!-- malkoll-disable vague-verb -->
            Mål 3
            <!-- malkoll-enable vague-verb -->
            Mål 5
            <!-- malkoll-disable-next-line measurable.no-quantity -->

            Mål 8
            Mål 9
            """)
        #expect(!s.suppresses(rule: "specific.vague-verb", line: 1))
        #expect(s.suppresses(rule: "specific.vague-verb", line: 3))
        #expect(!s.suppresses(rule: "specific.vague-verb", line: 5))
        #expect(!s.suppresses(rule: "measurable.no-quantity", line: 3))
        #expect(s.suppresses(rule: "measurable.no-quantity", line: 8))
        #expect(!s.suppresses(rule: "measurable.no-quantity", line: 9))
    }

    @Test func everyRuleToTheEnd() {
        let s = Suppressions.scan("a\n<!-- malkoll-disable -->\nb\nc")
        #expect(!s.suppresses(rule: "specific.vague-verb", line: 1))
        #expect(s.suppresses(rule: "time-bound.no-deadline", line: 4))
    }

    /// Plain text: the directive alone on a line, after an optional comment mark.
    @Test func plainTextForm() {
        let s = Suppressions.scan("# malkoll-disable-next-line no-quantity, vague-verb\nStärka samverkan.\n// malkoll-disable value-phrase\nGod service\n")
        #expect(s.suppresses(rule: "measurable.no-quantity", line: 2))
        #expect(s.suppresses(rule: "specific.vague-verb", line: 2))
        #expect(s.suppresses(rule: "specific.value-phrase", line: 4))
        #expect(!s.suppresses(rule: "specific.vague-verb", line: 4))
    }

    /// Prose that mentions malkoll is no directive.
    @Test func proseIsNoDirective() {
        #expect(Suppressions.scan("Vi använder malkoll-disable ibland i texten.\nMål").isEmpty)
    }

    /// Markdown and HTML lose their comments in extraction: goals are placed
    /// in the raw source by their text.
    @Test func goalsPlacedInTheRawSource() {
        let html = "<ul>\n<li>Stärka  samverkan med\nnäringslivet.</li>\n<!-- malkoll-disable vague-verb -->\n<li>Främja entreprenörskap.</li>\n</ul>"
        #expect(Suppressions.line(of: "Stärka samverkan med näringslivet.", in: html) == 2)
        #expect(Suppressions.line(of: "Främja entreprenörskap.", in: html) == 5)
        #expect(Suppressions.line(of: "Inget sådant mål", in: html) == nil)
        let s = Suppressions.scan(html)
        #expect(!s.suppresses(rule: "specific.vague-verb", line: 2))
        #expect(s.suppresses(rule: "specific.vague-verb", line: 5))
    }

    @Test func appliedToLintFindings() throws {
        let f = try LintFixture.findings()
        // The fixture disables vague-verb for "Kommunen ska främja entreprenörskap ..." only.
        #expect(!f.contains { $0.rule == "specific.vague-verb" && $0.goalText.contains("främja") })
        #expect(f.contains { $0.rule == "measurable.no-quantity" && $0.goalText.contains("främja") })
        #expect(f.contains { $0.rule == "specific.vague-verb" && $0.goalText.hasPrefix("Stärka") })
    }
}
