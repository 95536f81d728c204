import Foundation
import Testing
@testable import MalkollCore

/// SARIF output validated against the OASIS SARIF 2.1.0 schema (vendored in
/// Tests/Schemas, see its README) with Python's jsonschema.
@Suite("SARIF schema")
struct SarifSchemaTests {
    static let schema = Paths.repo.appendingPathComponent("Tests/Schemas/sarif-schema-2.1.0.json")

    /// Validates `sarif`; returns the validator's complaints (empty when valid).
    static func validate(_ sarif: [UInt8]) throws -> String {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-sarif-\(UUID().uuidString).json")
        try Data(sarif).write(to: tmp)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 has no jsonschema module (apt-get install python3-jsonschema)"); sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        doc = json.load(open(sys.argv[2], encoding="utf-8"))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:10]:
            print("/".join(map(str, e.path)), e.message)
        sys.exit(1 if errors else 0)
        """
        // Debian's python3-jsonschema (scripts/setup.sh) or a python3 on PATH that has it.
        let candidates = [["/usr/bin/python3"], ["/usr/bin/env", "python3"]].filter { FileManager.default.isExecutableFile(atPath: $0[0]) }
        let python = try candidates.first { c in
            try run(URL(fileURLWithPath: c[0]), Array(c.dropFirst()) + ["-c", "import jsonschema"]).status == 0
        } ?? ["/usr/bin/env", "python3"]
        let r = try run(URL(fileURLWithPath: python[0]), Array(python.dropFirst()) + ["-c", script, schema.path, tmp.path])
        return r.status == 0 ? "" : (r.stdout + r.stderr).isEmpty ? "validator exit \(r.status)" : r.stdout + r.stderr
    }

    @Test func renderedFindingsValidate() throws {
        let sarif = SARIFRenderer.render(try LintFixture.findings(), lang: .sv)
        let problems = try Self.validate(sarif)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func emptyRunValidates() throws {
        #expect(try Self.validate(SARIFRenderer.render([], lang: .en)).isEmpty)
    }

    /// The validator does reject a broken file (so the checks above mean something).
    @Test func validatorRejectsBrokenSarif() throws {
        let broken = Array(#"{"version": "2.1.0", "runs": [{"tool": {}, "results": [{"level": "loud"}]}]}"#.utf8)
        #expect(!(try Self.validate(broken)).isEmpty)
    }

    /// What GitHub code scanning reads: rule metadata, levels, regions, fingerprints.
    @Test func carriesWhatCodeScanningNeeds() throws {
        let findings = try LintFixture.findings()
        let obj = try JSONSerialization.jsonObject(with: Data(SARIFRenderer.render(findings, lang: .sv))) as! [String: Any]
        let run = (obj["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        let rules = driver["rules"] as! [[String: Any]]
        #expect(rules.map { $0["id"] as! String } == SmartRules.ids)
        for r in rules {
            #expect((r["shortDescription"] as? [String: Any])?["text"] != nil)
            #expect((r["fullDescription"] as? [String: Any])?["text"] != nil)
            #expect((r["help"] as? [String: Any])?["text"] != nil)
            #expect((r["defaultConfiguration"] as? [String: Any])?["level"] != nil)
        }
        let results = run["results"] as! [[String: Any]]
        #expect(results.count == findings.count)
        for (res, f) in zip(results, findings) {
            #expect(res["ruleId"] as? String == f.rule)
            let region = ((res["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Any]
            #expect(region["startLine"] as? Int == f.finding.location.line)
            #expect(region["charOffset"] as? Int == f.finding.location.start)
            #expect(region["charLength"] as? Int == f.finding.location.end - f.finding.location.start)
            #expect((res["partialFingerprints"] as? [String: String])?["malkollGoal/v1"] == f.fingerprint)
        }
    }
}
