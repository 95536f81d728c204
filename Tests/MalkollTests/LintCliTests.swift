import Foundation
import Testing
@testable import MalkollCore

/// The built binary on the fixture document: whole output compared with
/// Tests/Snapshots/lint/cli.* (record with MALKOLL_RECORD=1, which fails on
/// purpose), exit codes per spec/cli.md, several inputs, config, baseline.
@Suite("lint and rules commands")
struct LintCliTests {
    static let fixture = LintFixture.file

    /// Runs the binary from the checkout so that paths in the output are relative.
    static func malkollHere(_ args: [String]) throws -> RunResult {
        try run(Paths.binary, args, cwd: Paths.repo)
    }

    /// Output, stderr and exit status together, as a snapshot.
    static func transcript(_ r: RunResult) -> String {
        "exit: \(r.status)\n--- stdout\n\(r.stdout)--- stderr\n\(r.stderr)"
    }

    @Test(arguments: [
        ("cli.text.txt", ["lint", fixture]),
        ("cli.text.en.txt", ["lint", fixture, "--lang", "en"]),
        ("cli.json", ["lint", fixture, "--format", "json"]),
        ("cli.sarif", ["lint", fixture, "--format", "sarif"]),
        ("cli.rules.txt", ["rules"]),
        ("cli.rules.vague-verb.en.txt", ["rules", "vague-verb", "--lang", "en"]),
    ])
    func snapshot(_ name: String, _ args: [String]) throws {
        Snapshot.check(name, Self.transcript(try Self.malkollHere(args)))
    }

    @Test func cliSarifValidates() throws {
        let r = try Self.malkollHere(["lint", Self.fixture, "--format", "sarif", "--fail-on", "never"])
        #expect(r.status == 0)
        #expect(try SarifSchemaTests.validate(Array(r.stdout.utf8)).isEmpty)
    }

    /// Exit 1 exactly when a finding is at or above --fail-on.
    @Test(arguments: ["error", "warning", "info", "never"])
    func failOn(_ level: String) throws {
        let r = try Self.malkollHere(["lint", Self.fixture, "--format", "json", "--fail-on", level])
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let severities = (obj["findings"] as! [[String: Any]]).compactMap { Severity(rawValue: $0["severity"] as! String) }
        let expectFail = Severity(rawValue: level).map { t in severities.contains { $0 >= t } } ?? false
        #expect(r.status == (expectFail ? 1 : 0), "\(level): \(severities)")
    }

    /// Several inputs: a missing one is reported, the others are linted, the worst code wins.
    @Test func goesOnPastABadInput() throws {
        let good = try Self.malkollHere(["lint", Self.fixture, "--fail-on", "never"])
        let r = try Self.malkollHere(["lint", "no/such/file.txt", Self.fixture, "--fail-on", "never"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("no/such/file.txt"))
        #expect(r.stdout == good.stdout)
    }

    @Test func usageErrors() throws {
        #expect(try Self.malkollHere(["lint", Self.fixture, "--format", "xml"]).status == 64)
        #expect(try Self.malkollHere(["lint", Self.fixture, "--fail-on", "sometimes"]).status == 64)
        let r = try Self.malkollHere(["rules", "no-such-rule"])
        #expect(r.status == 64 && r.stderr.contains("no-such-rule"))
    }

    /// A bad .malkoll.toml: one line naming file, line and column; exit 64.
    @Test func configErrorIsLocated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = dir.appendingPathComponent("plan.txt")
        try FileManager.default.copyItem(at: Paths.repo.appendingPathComponent(Self.fixture), to: doc)
        try Data("lang = \"sv\"\n[rules]\nvague-verb = \"loud\"\n".utf8).write(to: dir.appendingPathComponent(".malkoll.toml"))
        let r = try run(Paths.binary, ["lint", doc.path])
        #expect(r.status == 64)
        #expect(r.stderr.contains(".malkoll.toml:3:1:"), "\(r.stderr)")

        // Found from the document's folder: a valid one turns a rule off and sets the language.
        try Data("lang = \"en\"\n[rules]\nrelevant.no-program = \"off\"\n".utf8).write(to: dir.appendingPathComponent(".malkoll.toml"))
        let ok = try run(Paths.binary, ["lint", doc.path, "--fail-on", "never"])
        #expect(ok.status == 0)
        #expect(!ok.stdout.contains("[relevant.no-program]"))
        #expect(ok.stderr.contains("in 1 file"))
    }

    /// Markdown comments: a disable/enable region covers the goals between them.
    @Test func markdownSuppressionRegion() throws {
        let r = try Self.malkollHere(["lint", "Tests/Fixtures/lint/suppress.md", "--fail-on", "never", "--format", "json"])
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let vague = (obj["findings"] as! [[String: Any]]).filter { $0["rule"] as? String == "specific.vague-verb" }.map { $0["goal"] as! String }
        #expect(vague.contains { $0.hasPrefix("Stärka") } && vague.contains { $0.hasPrefix("Stimulera") })
        #expect(!vague.contains { $0.hasPrefix("Främja") || $0.hasPrefix("Utveckla") }, "\(vague)")
        #expect(r.stderr.contains("2 undertryckta"))
    }

    /// --write-baseline, then --baseline: nothing new, exit 0.
    @Test func baselineRoundTrip() throws {
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: b) }
        let w = try Self.malkollHere(["lint", Self.fixture, "--write-baseline", b.path])
        #expect(w.status == 0)
        let r = try Self.malkollHere(["lint", Self.fixture, "--baseline", b.path, "--fail-on", "info"])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
    }
}
