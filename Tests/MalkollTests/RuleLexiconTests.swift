import Foundation
import Testing
@testable import MalkollCore

/// The assess word lists: every file loads, and a malformed row is reported
/// with its file, line and column.
@Suite("Assess lexicons")
struct RuleLexiconTests {
    /// A copy of the default lexicons with one file replaced.
    static func lexicons(replacing file: String, with content: String) throws -> (Lexicons, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-lex-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Paths.lexicons, to: dir)
        try Data(content.utf8).write(to: dir.appendingPathComponent(file))
        return (Lexicons(directory: dir), dir)
    }

    @Test func defaultsLoad() throws {
        _ = try Assessor(lexicons: Lexicons(directory: Paths.lexicons))
    }

    @Test(arguments: [
        ("vague_verbs.tsv", "# c\nphrase\tkind\tforms\nverka för\teffort\t\nstärka\tvague\t\n", 4, 8, "kind must be"),
        ("deliverable_verbs.tsv", "# c\nverb\tkind\tforms\tnouns\tnote\nstarta\teffort\t\t\t\n", 3, 8, "kind must be"),
        ("trend_words.tsv", "word\tdirection\tnote\nökad\tsideways\t\n", 2, 6, "direction must be"),
        ("function_words.tsv", "word\trole\tnote\npå\tstop\t\nen\tarticle\t\n", 3, 4, "role must be"),
        ("measurement_cues.tsv", "cue\tnote\n\n* budget\t\n", 3, 1, "cannot begin"),
        ("end_states.tsv", "cue\tafter\tnote\ni drift\tbli\t\n", 2, 9, "after must be"),
        ("vague_verbs.tsv", "phrase\tkind\tforms\nverka för\teffort\t\textra\n", 2, 19, "fields"),
    ])
    func malformedRowIsLocated(_ file: String, _ content: String, _ line: Int, _ column: Int, _ message: String) throws {
        let (lexicons, dir) = try Self.lexicons(replacing: file, with: content)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try Assessor(lexicons: lexicons)
            Issue.record("no error for a malformed \(file)")
        } catch let e as LexiconError {
            #expect(e.file.hasSuffix(file))
            #expect(e.line == line && e.column == column, "\(e)")
            #expect(e.message.contains(message), "\(e)")
        }
    }

    @Test func inflectionsAreGenerated() {
        let forms = SwedishInflection.verbForms("stärka")
        #expect(["stärka", "stärker", "stärks", "stärkt", "stärkte"].allSatisfy(forms.contains))
        let nouns = SwedishInflection.nounForms("förutsättning")
        #expect(nouns.contains("förutsättningar") && nouns.contains("förutsättningen"))
        let m = CompoundMatcher(["medvetenhet", "kvalitet"])
        #expect(m.match("yrkesmedvetenhet") && m.match("kvaliteten") && !m.match("mötesplats"))
    }
}
