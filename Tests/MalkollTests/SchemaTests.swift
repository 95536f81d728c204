import Foundation
import Testing
@testable import MalkollCore

/// `analyze --format json` validates against `spec/analysis.schema.json`
/// (python3's jsonschema, installed on CI by scripts/setup.sh).
@Suite struct SchemaTests {
    static var validatorAvailable: Bool {
        guard Paths.shared != nil, let py = GoldScoring.python else { return false }
        return (try? run(py, ["-c", "import jsonschema"]).status) == 0
    }

    /// Validates every JSON file given; returns the validator's complaints.
    static func validate(_ files: [URL]) throws -> RunResult {
        let schema = Paths.shared!.appendingPathComponent("spec/analysis.schema.json")
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        bad = 0
        for path in sys.argv[2:]:
            data = json.load(open(path, encoding="utf-8"))
            for doc in (data if isinstance(data, list) else [data]):
                for e in jsonschema.Draft202012Validator(schema).iter_errors(doc):
                    bad += 1
                    print(path, list(e.absolute_path), e.message)
        sys.exit(1 if bad else 0)
        """
        return try run(GoldScoring.python!, ["-c", script, schema.path] + files.map(\.path))
    }

    @Test(.enabled(if: validatorAvailable)) func seedsValidate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for seed in Paths.seedFiles {
            let out = dir.appendingPathComponent(seed.lastPathComponent + ".json")
            let r = try malkoll("analyze", "--format", "json", "--output", out.path, seed.path)
            #expect(r.status == 0, "\(r.stderr)")
            files.append(out)
        }
        // Several files: one JSON array, validated item by item.
        let array = dir.appendingPathComponent("all.json")
        let r = try malkoll("analyze", "--format", "json", "--output", array.path, Paths.seedFiles[0].path, Paths.seedFiles[1].path)
        #expect(r.status == 0)
        files.append(array)
        let v = try Self.validate(files)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    }

    @Test(.enabled(if: validatorAvailable)) func examplesValidate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("fixture.json")
        let r = try malkoll("analyze", "--format", "json", "--output", out.path, AnalyzeCLITests.fixture.path)
        #expect(r.status == 0)
        let v = try Self.validate([out])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    }
}
