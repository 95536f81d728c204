import Foundation
import Testing
@testable import MalkollCore

@Suite("Baseline")
struct BaselineTests {
    @Test func fingerprintSurvivesWhitespaceAndPunctuation() {
        #expect(Fingerprint.of(rule: "r", goalText: "Stärka  samverkan,\nmed näringslivet.")
                == Fingerprint.of(rule: "r", goalText: "stärka samverkan med näringslivet"))
        #expect(Fingerprint.of(rule: "r", goalText: "Stärka samverkan") != Fingerprint.of(rule: "s", goalText: "Stärka samverkan"))
        #expect(Fingerprint.of(rule: "r", goalText: "Stärka samverkan") != Fingerprint.of(rule: "r", goalText: "Stärka kvaliteten"))
    }

    @Test func roundTripAndFilter() throws {
        let findings = try LintFixture.findings()
        let b = LintCollector.baseline(of: findings)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-baseline-\(UUID().uuidString).json")
        try Data(b.json()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let loaded = try Baseline.load(path: url.path)
        #expect(loaded == b)
        let r = LintCollector.filter(findings, baseline: loaded)
        #expect(r.new.isEmpty && r.accepted == findings.count)
    }

    /// A finding on a new goal is new; the old ones stay accepted even when
    /// they moved to other lines.
    @Test func onlyNewFindingsRemain() throws {
        let old = try LintFixture.findings()
        let b = LintCollector.baseline(of: old.filter { !$0.goalText.hasPrefix("Stärka") })
        var moved = old
        for i in moved.indices { moved[i].finding.location.line += 7 }
        let r = LintCollector.filter(moved, baseline: b)
        #expect(!r.new.isEmpty && r.new.allSatisfy { $0.goalText.hasPrefix("Stärka") })
    }

    @Test func badBaselineIsAUsageError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-bad-\(UUID().uuidString).json")
        try Data("{\"format\": \"other\"}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: MalkollError.self) { try Baseline.load(path: url.path) }
    }
}
