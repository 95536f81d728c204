import Foundation
import Testing
@testable import MalkollCore

/// The structure stage on blocks given directly (as a DOCX or HTML reader
/// gives them), so the tree does not depend on the plain-text layout.
@Suite struct StructureTests {
    /// A fresh analyzer: one belongs to one thread, and tests run in parallel.
    static var analyzer: Analyzer { try! Analyzer(lexicons: Lexicons(directory: Paths.lexicons)) }

    /// A document from lines, each with its block kind.
    static func document(_ lines: [(Block.Kind, String)]) -> Document {
        var text = ""
        var blocks: [Block] = []
        for (kind, line) in lines {
            let start = text.utf16.count
            text += line
            blocks.append(Block(kind: kind, range: start..<text.utf16.count))
            text += "\n\n"
        }
        return Document(source: "test", sha256: String(repeating: "0", count: 64), format: .docx, encoding: "utf-8",
                        text: text, blocks: blocks)
    }

    @Test func treeWithLineAndColumn() {
        let doc = Self.document([
            (.heading(level: 1), "Program C - Levande landsbygd"),
            (.paragraph, "Bakgrunden är en minskande befolkning."),
            (.heading(level: 2), "1. Service"),
            (.paragraph, "Det här ska kommunen arbeta för fram till 2030:"),
            (.listItem(level: 0), "Behålla skolorna i byarna"),
            (.listItem(level: 0), "Utreda en ny busslinje"),
            (.paragraph, "Läs hela programmet öppnas i nytt fönster"),
            (.paragraph, "Kontakt: Per Persson, per.persson@exempel.se"),
        ])
        let dump = Self.analyzer.structureDump(doc)
        #expect(dump == """
        1:1 heading(1) Program C - Levande landsbygd
        3:1   paragraph Bakgrunden är en minskande befolkning.
        5:1   heading(2) 1. Service
        7:1     paragraph lead-in Det här ska kommunen arbeta för fram till 2030:
        9:1     item(0) under 7 Behålla skolorna i byarna
        11:1     item(0) under 7 Utreda en ny busslinje
        13:1 furniture Läs hela programmet öppnas i nytt fönster
        15:1 furniture Kontakt: Per Persson, per.persson@exempel.se

        """)
    }

    @Test func goalsFollowTheTree() throws {
        let doc = Self.document([
            (.heading(level: 1), "Program C - Levande landsbygd"),
            (.heading(level: 2), "1. Service"),
            (.paragraph, "Det här ska kommunen arbeta för fram till 2030:"),
            (.listItem(level: 0), "Behålla skolorna i byarna"),
            (.listItem(level: 0), "Utreda en ny busslinje"),
        ])
        let analysis = try Self.analyzer.analyze(doc)
        #expect(analysis.goals.map(\.text) == ["Behålla skolorna i byarna", "Utreda en ny busslinje"])
        let g = analysis.goals[0]
        #expect(g.headings == ["Program C - Levande landsbygd", "1. Service"])
        #expect(g.program?.name == "Levande landsbygd" && g.program?.area == "Service")
        #expect(g.deadline?.date == "2030" && g.deadline?.inherited == true)
        #expect(g.commitment.class == .effort)
        #expect(analysis.goals[1].commitment.class == .investigate)
    }

    @Test func gluedTextAtABlockEndIsNotPartOfTheGoal() throws {
        let doc = Self.document([
            (.paragraph, "Vi ska:"),
            (.listItem(level: 0), "Effektivisera verksamhetenExempelstads kommun"),
        ])
        let analysis = try Self.analyzer.analyze(doc)
        #expect(analysis.goals.map(\.text) == ["Effektivisera verksamheten"])
    }
}
