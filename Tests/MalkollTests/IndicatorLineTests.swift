import Foundation
import Testing
@testable import MalkollCore

/// "Mål: ..." followed by "Indikator: ... Målvärde: ...": the line that
/// measures a goal is read with it (DIAGNOSIS D7, `indicator_labels.tsv`).
@Suite struct IndicatorLineTests {
    static func analyze(_ text: String) throws -> Analysis {
        try Analyzer(lexicons: Lexicons(directory: Paths.lexicons))
            .analyze(DocumentLoader.load(bytes: Array(text.utf8), source: "plan.txt"))
    }

    @Test func targetValueLineQuantifiesTheGoalAbove() throws {
        let a = try Self.analyze("""
        Nämndens mål

        Mål: Brukarna ska känna sig trygga med den hjälp de får.
        Indikator: Andel brukare som känner sig trygga. Målvärde: minst 88 procent (utfall 2024: 84 procent).

        """)
        #expect(a.goals.count == 1)
        let g = try #require(a.goals.first)
        #expect(g.text.hasPrefix("Mål: Brukarna"))
        #expect(g.targets.map(\.value) == [88])
        #expect(g.targets.first?.baseline == 84)
        #expect(g.smart[.measurable]?.pass == true)
        #expect(!g.vague)
    }

    @Test func namedIndicatorMakesMeasurableNotSpecific() throws {
        let a = try Self.analyze("""
        Nämndens mål

        Mål: Antalet personer som får hjälp av många olika personal ska minska.
        Indikator: Personalkontinuitet i hemtjänsten, mätt i januari varje år.

        """)
        let g = try #require(a.goals.first)
        #expect(g.targets.isEmpty)
        #expect(g.smart[.measurable]?.pass == true)
        #expect(g.smart[.measurable]?.reason.contains("Personalkontinuitet") == true)
        #expect(g.smart[.specific]?.pass == false)
        #expect(g.vague)
    }

    @Test(arguments: [
        // An empty line parts them.
        "Mål: Brukarna ska känna sig trygga.\n\nIndikator: Andel trygga brukare. Målvärde: minst 88 procent.\n",
        // A bare "Indikatorer:" opens a list of its own.
        "Mål: Brukarna ska känna sig trygga.\nIndikatorer:\n• Andel trygga brukare, minst 88 procent\n",
        // Not a label: the word is the line's subject.
        "Mål: Brukarna ska känna sig trygga.\nIndikatorn visar att 88 procent är trygga.\n",
    ])
    func otherLinesAreNotAttached(_ text: String) throws {
        let a = try Self.analyze("Nämndens mål\n\n" + text)
        let g = try #require(a.goals.first { $0.text.contains("trygga.") && $0.text.hasPrefix("Mål:") })
        #expect(g.targets.isEmpty)
        #expect(g.smart[.measurable]?.pass == false)
    }
}
