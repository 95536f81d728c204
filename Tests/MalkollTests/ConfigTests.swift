import Foundation
import Testing
@testable import MalkollCore

@Suite("Configuration")
struct ConfigTests {
    static func parse(_ text: String) throws -> MalkollConfig {
        try MalkollConfig.parse(text, path: "/x/.malkoll.toml", defaultLexicons: { Lexicons(directory: Paths.lexicons) })
    }

    static func error(_ text: String) -> ConfigError? {
        do { _ = try parse(text); return nil } catch let e as ConfigError { return e } catch { return nil }
    }

    @Test func readsEveryKey() throws {
        let c = try Self.parse("""
            # a reviewer's settings
            profile = "lulea"
            organisation = "Luleå kommun"
            lang = "en"
            fail-on = "error"

            [rules]
            "specific.vague-verb" = "error"
            "time-bound.no-deadline" = "off"
            vague-verb = "error"
            "assignable.no-actor" = false
            relevant.no-program = "info"
            """)
        #expect(c.organisation == "Luleå kommun")
        #expect(c.lang == "en" && c.failOn == "error")
        #expect(c.rules.severities["specific.vague-verb"] == .error)
        #expect(c.rules.severities["relevant.no-program"] == .info)
        #expect(c.rules.disabled == ["time-bound.no-deadline", "assignable.no-actor"])
        #expect(c.rules.profile == "lulea")
        #expect(c.rules.criteria == [.specific, .assignable, .relevant, .measurable, .time_bound])
    }

    @Test func profileMapsCriteriaOntoRules() throws {
        var s = RuleSettings()
        s.criteria = [.specific, .measurable]
        #expect(s.enables(VagueVerbRule().description))
        #expect(!s.enables(NoDeadlineRule().description))
    }

    /// Unknown keys and bad values name the file, line and column.
    @Test(arguments: [
        ("profile = \"smart\"\ncolour = \"blue\"\n", 2, 1, "unknown key \"colour\""),
        ("\n\nlang = \"de\"\n", 3, 1, "lang must be"),
        ("fail-on = \"sometimes\"\n", 1, 1, "fail-on must be"),
        ("profile = \"acme\"\n", 1, 1, "unknown profile \"acme\""),
        ("[rules]\n\"specific.vague-verb\" = \"error\"\n  \"no-such-rule\" = \"off\"\n", 3, 3, "unknown rule \"no-such-rule\""),
        ("[rules]\nvague-verb = \"loud\"\n", 2, 1, "the value must be"),
        ("[rules]\n\nrelevant.no-such = \"off\"\n", 3, 1, "unknown rule \"relevant.no-such\""),
        ("lang = 3\n", 1, 1, "must be a quoted string"),
        ("profile = \"smart\"\nlang = \n", 2, 8, "expected a value"),
        ("[rules]\nvague-verb = \"off\"\n[colours]\n", 3, 1, "unknown table [colours]"),
        ("organisation = \"Luleå kommun\n", 1, 29, "unterminated string"),
        ("lang = \"sv\" extra\n", 1, 13, "unexpected \"e\""),
        ("lang = \"sv\"\nlang = \"en\"\n", 2, 1, "defined twice"),
        ("lang = sv\n", 1, 8, "is not a value"),
        ("lexicons = \"no/such/folder\"\n", 1, 1, "is not a folder"),
    ])
    func errorsAreLocated(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        let e = Self.error(text)
        #expect(e != nil, "no error for \(text)")
        #expect(e?.file == "/x/.malkoll.toml")
        #expect(e?.line == line, "\(String(describing: e))")
        #expect(e?.column == column, "\(String(describing: e))")
        #expect(e?.message.contains(message) == true, "\(String(describing: e))")
    }

    @Test func foundFromTheDocumentFolderUpwards() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-config-\(UUID().uuidString)")
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("lang = \"en\"\n".utf8).write(to: root.appendingPathComponent("a/.malkoll.toml"))
        #expect(MalkollConfig.find(from: deep)?.standardizedFileURL.path == root.appendingPathComponent("a/.malkoll.toml").standardizedFileURL.path)
        #expect(MalkollConfig.find(from: root) == nil || MalkollConfig.find(from: root)?.path.hasPrefix(root.path) == false)
    }

    @Test func criteriaProfilesReadFromLexicons() throws {
        let p = try CriteriaProfiles(Lexicons(directory: Paths.lexicons))
        #expect(p.names.contains("smart") && p.names.contains("lulea"))
        #expect(p.labels(of: .measurable, in: "lulea") == ["uppföljningsbara"])
    }

    @Test func malformedProfileRowIsLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("# test\nprofile\tlabel\tchecks\tnote\nacme\tklara\tspecific,clear\t\n".utf8).write(to: dir.appendingPathComponent("criteria_profiles.tsv"))
        #expect(throws: LexiconError.self) { try CriteriaProfiles(Lexicons(directory: dir)) }
        do { _ = try CriteriaProfiles(Lexicons(directory: dir)) } catch let e as LexiconError {
            #expect(e.line == 3 && e.column == 12 && e.message.contains("clear"))
        }
    }
}
