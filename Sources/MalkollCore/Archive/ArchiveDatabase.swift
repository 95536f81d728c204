import Foundation
import GRDB

/// The SQLite archive of `batch --db`: documents, goals with every field,
/// targets and findings. Each document is stored in one transaction (a
/// killed run leaves whole documents only); the schema has a version and
/// migrations (GRDB's DatabaseMigrator, table `grdb_migrations`).
public final class ArchiveDatabase {
    public let path: String
    let queue: DatabaseQueue

    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(10)
        if !readOnly {
            // WAL without a sync per commit: safe against a killed process
            // (the issue's threat), fast for thousands of small transactions.
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            if !readOnly { try Self.migrator.migrate(queue) }
        } catch let error as DatabaseError {
            throw ArchiveError.cannotWrite(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// The schema, one migration per version. Add a migration, never edit one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                  id INTEGER PRIMARY KEY,
                  path TEXT NOT NULL UNIQUE,          -- relative path inside the archive
                  source TEXT NOT NULL,               -- the path as read
                  sha256 TEXT NOT NULL,
                  format TEXT NOT NULL,
                  encoding TEXT,
                  title TEXT,
                  organisation TEXT,
                  characters INTEGER, sentences INTEGER, tokens INTEGER,
                  goal_count INTEGER NOT NULL,
                  analyzed_at TEXT NOT NULL,          -- ISO 8601, UTC
                  analyzer_version TEXT NOT NULL);
                CREATE INDEX documents_organisation ON documents(organisation);
                CREATE TABLE goals (
                  id INTEGER PRIMARY KEY,
                  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                  ordinal INTEGER NOT NULL,           -- order in the document, from 0
                  ref TEXT NOT NULL,                  -- the goal's id in the JSON
                  text TEXT NOT NULL,
                  search_text TEXT NOT NULL,          -- lower-cased text, headings, program, direction
                  line INTEGER, col INTEGER, start_offset INTEGER, end_offset INTEGER,
                  kind TEXT,
                  commitment_class TEXT, commitment_cue TEXT, commitment_inherited INTEGER,
                  actor TEXT, actor_inherited INTEGER,
                  deadline_text TEXT, deadline_date TEXT, deadline_year INTEGER, deadline_inherited INTEGER,
                  recurrence TEXT,
                  program TEXT, program_area TEXT, program_evidence TEXT, program_confidence REAL,
                  direction TEXT, direction_label TEXT, direction_evidence TEXT, direction_confidence REAL,
                  headings TEXT,                      -- JSON array, outermost first
                  lead_in TEXT,
                  vague INTEGER NOT NULL,
                  specific INTEGER, specific_reason TEXT,
                  measurable INTEGER, measurable_reason TEXT,
                  assignable INTEGER, assignable_reason TEXT,
                  relevant INTEGER, relevant_reason TEXT,
                  time_bound INTEGER, time_bound_reason TEXT,
                  UNIQUE(document_id, ordinal));
                CREATE INDEX goals_program ON goals(program, program_area);
                CREATE INDEX goals_direction ON goals(direction);
                CREATE INDEX goals_deadline_year ON goals(deadline_year);
                CREATE INDEX goals_vague ON goals(vague);
                CREATE TABLE targets (
                  id INTEGER PRIMARY KEY,
                  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
                  ordinal INTEGER NOT NULL,
                  text TEXT NOT NULL, value REAL, unit TEXT, comparator TEXT, quantity TEXT, baseline REAL);
                CREATE INDEX targets_goal ON targets(goal_id);
                CREATE TABLE findings (
                  id INTEGER PRIMARY KEY,
                  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
                  ordinal INTEGER NOT NULL,
                  rule TEXT NOT NULL, severity TEXT NOT NULL, message TEXT, message_en TEXT, suggestion TEXT,
                  start_offset INTEGER, end_offset INTEGER, line INTEGER, col INTEGER);
                CREATE INDEX findings_goal ON findings(goal_id);
                CREATE INDEX findings_rule ON findings(rule);
                """)
        }
        return m
    }

    /// Schema versions applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try queue.read { try Self.migrator.appliedMigrations($0) }
    }

    /// path -> "sha256 analyzer_version" of every stored document.
    public func documentIndex() throws -> [String: String] {
        try queue.read { db in
            var index: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, sha256, analyzer_version FROM documents") {
                index[row["path"]] = (row["sha256"] as String) + " " + (row["analyzer_version"] as String)
            }
            return index
        }
    }

    public enum Change {
        case store(json: [UInt8], rel: String)
        case remove(rel: String)
    }

    /// Replaces one document's rows with those of its analysis JSON, in one transaction.
    public func store(json: [UInt8], rel: String, analyzerVersion: String, analyzedAt: Date = Date()) throws {
        try apply([.store(json: json, rel: rel)], analyzerVersion: analyzerVersion, analyzedAt: analyzedAt)
    }

    /// Applies several changes in one transaction: every document whole or not at all.
    public func apply(_ changes: [Change], analyzerVersion: String, analyzedAt: Date = Date()) throws {
        let stamp = Self.timestamp.string(from: analyzedAt)
        let parsed: [(rel: String, analysis: JSONValue?)] = try changes.map { change in
            switch change {
            case let .remove(rel): return (rel, nil)
            case let .store(json, rel):
                guard let a = try? JSONValue.parse(json), a["document"]?.isObject == true else {
                    throw ArchiveError.cannotWrite(path: path, reason: "\(rel): the analysis JSON could not be read back")
                }
                return (rel, a)
            }
        }
        try guarded {
            try queue.write { db in
                for (rel, analysis) in parsed {
                    try db.cachedStatement(sql: "DELETE FROM documents WHERE path = ?").execute(arguments: [rel])
                    guard let a = analysis, let d = a["document"] else { continue }
                    let goals = a["goals"]?.array ?? []
                    try db.cachedStatement(sql: """
                        INSERT INTO documents (path, source, sha256, format, encoding, title, organisation, characters,
                          sentences, tokens, goal_count, analyzed_at, analyzer_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                        """).execute(arguments: [rel, d["source"]?.string ?? rel, d["sha256"]?.string ?? "", d["format"]?.string ?? "",
                                                 d["encoding"]?.string, d["title"]?.string, d["organisation"]?.string,
                                                 d["characters"]?.int, d["sentences"]?.int, d["tokens"]?.int, goals.count,
                                                 stamp, analyzerVersion])
                    let documentID = db.lastInsertedRowID
                    for (ordinal, g) in goals.enumerated() {
                        try Self.insertGoal(g, ordinal: ordinal, documentID: documentID, db: db)
                    }
                }
            }
        }
    }

    private static let timestamp = ISO8601DateFormatter()

    private static let goalColumns = [
        "document_id", "ordinal", "ref", "text", "search_text", "line", "col", "start_offset", "end_offset", "kind",
        "commitment_class", "commitment_cue", "commitment_inherited", "actor", "actor_inherited",
        "deadline_text", "deadline_date", "deadline_year", "deadline_inherited", "recurrence",
        "program", "program_area", "program_evidence", "program_confidence",
        "direction", "direction_label", "direction_evidence", "direction_confidence", "headings", "lead_in", "vague",
        "specific", "specific_reason", "measurable", "measurable_reason", "assignable", "assignable_reason",
        "relevant", "relevant_reason", "time_bound", "time_bound_reason",
    ]
    private static let insertGoalSQL = "INSERT INTO goals (\(goalColumns.joined(separator: ", "))) VALUES (\(goalColumns.map { _ in "?" }.joined(separator: ",")))"

    private static func insertGoal(_ g: JSONValue, ordinal: Int, documentID: Int64, db: Database) throws {
        let loc = g["location"], commitment = g["commitment"], actor = g["actor"], deadline = g["deadline"]
        let program = g["program"], direction = g["direction"], smart = g["smart"]
        let headings = (g["headings"]?.array ?? []).compactMap(\.string)
        let text = g["text"]?.string ?? ""
        let date = deadline?["date"]?.string
        let search = ([text] + headings + [program?["name"]?.string, program?["area"]?.string, direction?["name"]?.string].compactMap { $0 })
            .joined(separator: "\n").lowercased()
        var headingsJSON = JSONWriter()
        headingsJSON.beginArray(); headings.forEach { headingsJSON.string($0) }; headingsJSON.endArray()
        var args: [(any DatabaseValueConvertible)?] = [documentID, ordinal, g["id"]?.string ?? String(ordinal), text, search]
        args += [loc?["line"]?.int, loc?["column"]?.int, loc?["start"]?.int, loc?["end"]?.int, g["kind"]?.string]
        args += [commitment?["class"]?.string, commitment?["cue"]?.string, commitment?["inherited"]?.bool]
        args += [actor?["name"]?.string, actor?["inherited"]?.bool]
        args += [deadline?["text"]?.string, date, date.flatMap { Int($0.prefix(4)) }, deadline?["inherited"]?.bool]
        args += [g["recurrence"]?.string]
        args += [program?["name"]?.string, program?["area"]?.string, program?["evidence"]?.string, program?["confidence"]?.double]
        args += [direction?["name"]?.string, direction?["label"]?.string, direction?["evidence"]?.string, direction?["confidence"]?.double]
        args += [String(decoding: headingsJSON.bytes, as: UTF8.self), g["lead_in"]?.string, g["vague"]?.bool ?? false]
        for c in Criterion.allCases { args += [smart?[c.rawValue]?["pass"]?.bool, smart?[c.rawValue]?["reason"]?.string] }
        try db.cachedStatement(sql: insertGoalSQL).execute(arguments: StatementArguments(args))
        let goalID = db.lastInsertedRowID
        for (i, t) in (g["targets"]?.array ?? []).enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO targets (goal_id, ordinal, text, value, unit, comparator, quantity, baseline) VALUES (?,?,?,?,?,?,?,?)
                """).execute(arguments: [goalID, i, t["text"]?.string ?? "", t["value"]?.double, t["unit"]?.string,
                                         t["comparator"]?.string, t["quantity"]?.string, t["baseline"]?.double])
        }
        for (i, f) in (g["findings"]?.array ?? []).enumerated() {
            try db.cachedStatement(sql: """
                INSERT INTO findings (goal_id, ordinal, rule, severity, message, message_en, suggestion, start_offset,
                  end_offset, line, col) VALUES (?,?,?,?,?,?,?,?,?,?,?)
                """).execute(arguments: [goalID, i, f["rule"]?.string ?? "", f["severity"]?.string ?? "", f["message"]?.string,
                                         f["message_en"]?.string, f["suggestion"]?.string, f["start"]?.int, f["end"]?.int,
                                         f["line"]?.int, f["column"]?.int])
        }
    }

    /// Every table's content, sorted by natural keys, without row ids and
    /// `analyzed_at`: two archives of the same documents give the same text
    /// whatever the order or timing of their runs.
    public func canonicalDump() throws -> String {
        let queries = [
            ("documents", "SELECT * FROM documents ORDER BY path"),
            ("goals", "SELECT d.path AS document, g.* FROM goals g JOIN documents d ON d.id = g.document_id ORDER BY d.path, g.ordinal"),
            ("targets", """
                SELECT d.path AS document, g.ordinal AS goal, t.* FROM targets t JOIN goals g ON g.id = t.goal_id
                JOIN documents d ON d.id = g.document_id ORDER BY d.path, g.ordinal, t.ordinal
                """),
            ("findings", """
                SELECT d.path AS document, g.ordinal AS goal, f.* FROM findings f JOIN goals g ON g.id = f.goal_id
                JOIN documents d ON d.id = g.document_id ORDER BY d.path, g.ordinal, f.ordinal
                """),
        ]
        let skipped: Set<String> = ["id", "document_id", "goal_id", "analyzed_at"]
        return try queue.read { db in
            var out = ""
            for (table, sql) in queries {
                for row in try Row.fetchAll(db, sql: sql) {
                    out += table
                    for (column, value) in row where !skipped.contains(column) { out += "\t\(column)=\(value)" }
                    out += "\n"
                }
            }
            return out
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try guarded { try queue.read(body) }
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError {
            throw ArchiveError.cannotWrite(path: path, reason: error.message ?? "\(error)")
        }
    }
}
