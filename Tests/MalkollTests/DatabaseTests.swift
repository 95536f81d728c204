import Foundation
import GRDB
import Testing
@testable import MalkollCore

enum AnalysisFixture {
    static func goal(_ id: String, _ text: String, line: Int, program: String? = nil, area: String? = nil,
                     direction: String? = nil, deadline: String? = nil, targets: [Target] = [], vague: Bool = false,
                     rules: [String] = [], timeBound: Bool? = nil) -> Goal {
        let loc = Location(line: line, column: 1, start: line * 100, end: line * 100 + text.unicodeScalars.count)
        var smart = Dictionary(uniqueKeysWithValues: Criterion.allCases.map { ($0, Verdict(pass: true, reason: "ok")) })
        if let timeBound { smart[.time_bound] = Verdict(pass: timeBound, reason: timeBound ? "år \(deadline ?? "")" : "ingen tidpunkt") }
        return Goal(id: id, text: text, location: loc, commitment: Commitment(class: .binding, cue: "ska", inherited: false),
                    actor: Actor(name: "Kommunen", inherited: true), targets: targets,
                    deadline: deadline.map { Deadline(text: "till \($0)", date: $0, inherited: false) },
                    program: program.map { Link(name: $0, area: area, evidence: .heading, confidence: 0.9) },
                    direction: direction.map { Link(name: $0, label: $0, evidence: .heading, confidence: 1) },
                    headings: ["Mål"], smart: smart, vague: vague,
                    findings: rules.map { Finding(rule: $0, severity: .warning, message: "m", messageEnglish: "m", location: loc) })
    }

    static func analysis(_ source: String, organisation: String? = "Luleå kommun", _ goals: [Goal]) -> Analysis {
        Analysis(document: DocumentInfo(source: source, sha256: String(repeating: "a", count: 64), format: .text, encoding: "utf-8",
                                        title: "Plan", organisation: organisation, characters: 100, sentences: 3, tokens: 20),
                 goals: goals)
    }

    static var sample: Analysis {
        analysis("plan.txt", [
            goal("g1", "Andelen elever som når målen ska öka till 90 procent till 2025.", line: 3, program: "Välfärdsprogram",
                 area: "Skola", direction: "Medborgare", deadline: "2025",
                 targets: [Target(text: "90 procent", value: 90, unit: .percent, comparator: .ge)], timeBound: true),
            goal("g2", "Kommunen ska verka för en ökad trygghet.", line: 5, program: "Välfärdsprogram", direction: "Medborgare",
                 vague: true, rules: ["vague-verb", "no-deadline"], timeBound: false),
            goal("g3", "Öka antalet bostäder med 500 till 2030.", line: 8, program: "Samhällsbyggnadsprogram",
                 direction: "Utveckling och tillväxt", deadline: "2030", timeBound: true),
        ])
    }
}

@Suite struct DatabaseTests {
    @Test func storedGoalsAnswerTheFilters() throws {
        let dir = try ScratchDir()
        let db = try ArchiveDatabase(path: dir.path("a.sqlite"))
        #expect(try db.appliedMigrations() == ["v1"])
        try db.store(json: AnalysisRenderer.json(AnalysisFixture.sample), rel: "plan.txt", analyzerVersion: "test")
        let texts = { (f: GoalFilter) in try db.goals(matching: f).map(\.text) }
        #expect(try texts(GoalFilter()).count == 3)
        #expect(try texts(GoalFilter(program: "välfärd")).count == 2)   // part of the name, any case, Swedish letters
        #expect(try texts(GoalFilter(program: "skola")) == ["Andelen elever som når målen ska öka till 90 procent till 2025."])
        #expect(try texts(GoalFilter(vague: true)) == ["Kommunen ska verka för en ökad trygghet."])
        #expect(try texts(GoalFilter(rule: "no-deadline")).count == 1)
        #expect(try texts(GoalFilter(deadlineYear: 2030)) == ["Öka antalet bostäder med 500 till 2030."])
        #expect(try texts(GoalFilter(direction: "UTVECKLING")).count == 1)
        #expect(try texts(GoalFilter(search: "ÖKA ANTALET")).count == 1)
        #expect(try texts(GoalFilter(search: "100%")).isEmpty)           // LIKE wildcards are literal
        #expect(try texts(GoalFilter(organisation: "luleå", vague: false)).count == 2)
        #expect(try texts(GoalFilter(organisation: "Umeå")).isEmpty)
        let first = try #require(try db.goals(matching: GoalFilter(deadlineYear: 2025)).first)
        #expect(first.targets == ["90 procent"])
        #expect(first.failed.isEmpty)
        #expect(try db.goals(matching: GoalFilter(rule: "vague-verb")).first?.failed == ["time_bound"])

        // Storing a document again replaces it: same content, no duplicates.
        let dump = try db.canonicalDump()
        try db.store(json: AnalysisRenderer.json(AnalysisFixture.sample), rel: "plan.txt", analyzerVersion: "test")
        #expect(try db.canonicalDump() == dump)
        #expect(dump.split(separator: "\n").filter { $0.hasPrefix("findings\t") }.count == 2)
        #expect(dump.split(separator: "\n").filter { $0.hasPrefix("targets\t") }.count == 1)
    }

    @Test func databaseMatchesTheJSONOutputs() throws {
        let dir = try ScratchDir()
        try BatchFixture.archive(in: dir, count: 6)
        let r = try malkoll("batch", dir.path("in"), "--out", dir.path("out"), "--db", dir.path("a.sqlite"))
        #expect(r.status == 0, "\(r.stderr)")
        let db = try ArchiveDatabase(path: dir.path("a.sqlite"), readOnly: true)
        let rows = try db.read { try Row.fetchAll($0, sql: "SELECT * FROM documents ORDER BY path") }
        #expect(rows.count == 6)
        let all = try db.goals(matching: GoalFilter())
        for row in rows {
            let rel: String = row["path"]
            let data = try #require(FileManager.default.contents(atPath: dir.path("out/\(rel).json")))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let doc = try #require(json["document"] as? [String: Any])
            #expect(row["sha256"] as String == doc["sha256"] as? String)
            #expect(row["format"] as String == doc["format"] as? String)
            #expect(row["characters"] as Int == doc["characters"] as? Int)
            #expect(row["tokens"] as Int == doc["tokens"] as? Int)
            #expect(row["analyzer_version"] as String == MalkollVersion.string)
            let goals = json["goals"] as? [[String: Any]] ?? []
            let stored = all.filter { $0.document == rel }
            #expect(stored.map(\.text) == goals.map { $0["text"] as? String ?? "" })
            #expect(stored.map(\.deadline) == goals.map { ($0["deadline"] as? [String: Any])?["date"] as? String })
            #expect(stored.map(\.vague) == goals.map { $0["vague"] as? Bool ?? false })
        }
    }

    @Test func databaseAddedOnARerunIsFilledFromTheJSON() throws {
        let dir = try ScratchDir()
        try BatchFixture.archive(in: dir, count: 5)
        #expect(try malkoll("batch", dir.path("in"), "--out", dir.path("out")).status == 0)
        let r = try malkoll("batch", dir.path("in"), "--out", dir.path("out"), "--db", dir.path("late.sqlite"))
        #expect(r.stderr.contains("(0 analysed, 5 unchanged, 0 failed)"), "\(r.stderr)")
        #expect(try malkoll("batch", dir.path("in"), "--out", dir.path("fresh"), "--db", dir.path("fresh.sqlite")).status == 0)
        let late = try ArchiveDatabase(path: dir.path("late.sqlite"), readOnly: true).canonicalDump()
        let fresh = try ArchiveDatabase(path: dir.path("fresh.sqlite"), readOnly: true).canonicalDump()
        // Same rows; only the `source` column differs (the outputs were first written from the same inputs).
        #expect(late.split(separator: "\n").count == fresh.split(separator: "\n").count)
        #expect(late.split(separator: "\n").filter { $0.hasPrefix("documents\t") }.count == 5)
        // A document that now fails leaves the database.
        try dir.write("in/a/doc000.txt", BatchFixture.unreadable)
        #expect(try malkoll("batch", dir.path("in"), "--out", dir.path("out"), "--db", dir.path("late.sqlite")).status == 0)
        let after = try ArchiveDatabase(path: dir.path("late.sqlite"), readOnly: true).canonicalDump()
        #expect(after.split(separator: "\n").filter { $0.hasPrefix("documents\t") }.count == 4)
        #expect(!after.contains("a/doc000.txt"))
    }

    @Test func jsonReaderReadsWhatTheWriterWrites() throws {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("text"); w.string("Målet \"nått\"\n\t\\ 😀 \u{1}")
        w.key("n"); w.double(-12.5)
        w.key("list"); w.beginArray(); w.int(1); w.bool(false); w.null(); w.endArray()
        w.endObject()
        let v = try JSONValue.parse(w.bytes)
        #expect(v["text"]?.string == "Målet \"nått\"\n\t\\ 😀 \u{1}")
        #expect(v["n"]?.double == -12.5)
        #expect(v["list"]?.array == [.number(1), .bool(false), .null])
        #expect(try JSONValue.parse(Array(#"["\ud83d\ude00", "\u00e5"]"#.utf8)) == .array([.string("😀"), .string("å")]))
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(#"{"a": "#.utf8)) }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array("[1] x".utf8)) }
    }

    @Test func goalsCommandPrintsTextCSVAndJSON() throws {
        let dir = try ScratchDir()
        let db = try ArchiveDatabase(path: dir.path("a.sqlite"))
        try db.store(json: AnalysisRenderer.json(AnalysisFixture.sample), rel: "plan.txt", analyzerVersion: "test")
        let text = try malkoll("goals", "--db", dir.path("a.sqlite"), "--vague")
        #expect(text.status == 0)
        #expect(text.stdout.contains("plan.txt:5:1: Kommunen ska verka för en ökad trygghet."))
        #expect(text.stdout.hasSuffix("1 goals\n"))
        let csv = try malkoll("goals", "--db", dir.path("a.sqlite"), "--format", "csv", "--program", "Välfärd")
        #expect(csv.stdout.components(separatedBy: "\r\n").count == 4) // header, two goals, final line end
        let json = try malkoll("goals", "--db", dir.path("a.sqlite"), "--format", "json", "--year", "2025")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
        #expect(array.first?["deadline"] as? String == "2025")
        #expect(try malkoll("goals", "--db", dir.path("missing.sqlite")).status == 66)
    }
}
