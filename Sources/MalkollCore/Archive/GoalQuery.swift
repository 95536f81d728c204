import Foundation
import GRDB

/// What `malkoll goals` asks the archive. Text filters match a part of the
/// value, case-insensitively (Swedish letters included).
public struct GoalFilter: Sendable {
    public var organisation: String?
    public var program: String?
    public var direction: String?
    public var vague: Bool?
    public var rule: String?
    public var deadlineYear: Int?
    public var search: String?
    public var limit: Int?

    public init(organisation: String? = nil, program: String? = nil, direction: String? = nil, vague: Bool? = nil,
                rule: String? = nil, deadlineYear: Int? = nil, search: String? = nil, limit: Int? = nil) {
        self.organisation = organisation
        self.program = program
        self.direction = direction
        self.vague = vague
        self.rule = rule
        self.deadlineYear = deadlineYear
        self.search = search
        self.limit = limit
    }

    /// The WHERE clause and its arguments.
    func sql() -> (String, StatementArguments) {
        var clauses: [String] = []
        var args: [DatabaseValueConvertible?] = []
        func contains(_ column: String, _ value: String?) {
            guard let value else { return }
            clauses.append("malkoll_fold(\(column)) LIKE ? ESCAPE '\\'")
            args.append("%" + Self.escapeLike(value.lowercased()) + "%")
        }
        contains("d.organisation", organisation)
        if let program {
            clauses.append("(malkoll_fold(g.program) LIKE ? ESCAPE '\\' OR malkoll_fold(g.program_area) LIKE ? ESCAPE '\\')")
            let pattern = "%" + Self.escapeLike(program.lowercased()) + "%"
            args += [pattern, pattern]
        }
        contains("g.direction", direction)
        contains("g.search_text", search)
        if let vague { clauses.append("g.vague = ?"); args.append(vague) }
        if let deadlineYear { clauses.append("g.deadline_year = ?"); args.append(deadlineYear) }
        if let rule { clauses.append("EXISTS (SELECT 1 FROM findings f WHERE f.goal_id = g.id AND f.rule = ?)"); args.append(rule) }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), StatementArguments(args))
    }

    static func escapeLike(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}

/// One goal as `malkoll goals` prints it.
public struct GoalRecord: Sendable, Equatable {
    public var document: String
    public var title: String?
    public var organisation: String?
    public var line: Int
    public var column: Int
    public var text: String
    public var commitment: String?
    public var actor: String?
    public var targets: [String]
    public var deadline: String?
    public var program: String?
    public var area: String?
    public var direction: String?
    public var vague: Bool
    public var failed: [String]
    public var rules: [String]
}

extension ArchiveDatabase {
    /// Lower-casing that knows å, ä and ö (SQLite's lower() is ASCII only).
    static let fold = DatabaseFunction("malkoll_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0])?.lowercased()
    }

    /// The goals that pass the filter, in document and position order.
    public func goals(matching filter: GoalFilter) throws -> [GoalRecord] {
        let (whereClause, args) = filter.sql()
        let criteria = Criterion.allCases.map(\.rawValue)
        let sql = """
            SELECT d.path, d.title, d.organisation, g.id AS gid, g.line, g.col, g.text, g.commitment_class, g.actor,
              g.deadline_date, g.program, g.program_area, g.direction, g.vague, \(criteria.map { "g." + $0 }.joined(separator: ", ")),
              (SELECT group_concat(rule, ' ') FROM (SELECT rule FROM findings WHERE goal_id = g.id ORDER BY ordinal)) AS rules,
              (SELECT group_concat(text, '\u{1F}') FROM (SELECT text FROM targets WHERE goal_id = g.id ORDER BY ordinal)) AS targets
            FROM goals g JOIN documents d ON d.id = g.document_id
            \(whereClause)
            ORDER BY d.path, g.ordinal
            \(filter.limit.map { "LIMIT \($0)" } ?? "")
            """
        return try read { db in
            db.add(function: Self.fold)
            return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                GoalRecord(document: row["path"], title: row["title"], organisation: row["organisation"],
                           line: row["line"] ?? 0, column: row["col"] ?? 0, text: row["text"],
                           commitment: row["commitment_class"], actor: row["actor"],
                           targets: (row["targets"] as String?).map { $0.components(separatedBy: "\u{1F}") } ?? [],
                           deadline: row["deadline_date"], program: row["program"], area: row["program_area"],
                           direction: row["direction"], vague: row["vague"],
                           failed: criteria.filter { (row[$0] as Bool?) == false },
                           rules: (row["rules"] as String?)?.split(separator: " ").map(String.init) ?? [])
            }
        }
    }
}

/// `malkoll goals` output formats.
public enum GoalRecordRendering {
    public static func text(_ goals: [GoalRecord]) -> [UInt8] {
        var out = ""
        for g in goals {
            var tags: [String] = []
            if let program = g.program { tags.append(g.area.map { "\(program) / \($0)" } ?? program) }
            if let direction = g.direction { tags.append(direction) }
            if let deadline = g.deadline { tags.append("deadline \(deadline)") }
            if !g.targets.isEmpty { tags.append("targets: " + g.targets.joined(separator: "; ")) }
            if g.vague { tags.append("vague") }
            if !g.failed.isEmpty { tags.append("fails " + g.failed.joined(separator: ", ")) }
            out += "\(g.document):\(g.line):\(g.column): \(g.text)\n"
            if !tags.isEmpty || !g.rules.isEmpty {
                out += "    " + tags.joined(separator: " · ") + (g.rules.isEmpty ? "" : " [\(g.rules.joined(separator: ", "))]") + "\n"
            }
        }
        out += "\(goals.count) goals\n"
        return Array(out.utf8)
    }

    public static let csvHeader = ["document", "title", "organisation", "line", "column", "text", "commitment", "actor",
                                   "targets", "deadline", "program", "area", "direction", "vague", "failed", "rules"]

    public static func csv(_ goals: [GoalRecord]) -> [UInt8] {
        var out = AnalysisRenderer.csvLine(csvHeader)
        for g in goals {
            var fields = [g.document, g.title ?? "", g.organisation ?? "", String(g.line), String(g.column), g.text]
            fields += [g.commitment ?? "", g.actor ?? "", g.targets.joined(separator: "; "), g.deadline ?? ""]
            fields += [g.program ?? "", g.area ?? "", g.direction ?? "", g.vague ? "true" : "false"]
            fields += [g.failed.joined(separator: " "), g.rules.joined(separator: " ")]
            out += AnalysisRenderer.csvLine(fields)
        }
        return out
    }

    public static func json(_ goals: [GoalRecord]) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginArray()
        for g in goals {
            w.beginObject()
            w.key("document"); w.string(g.document)
            w.key("title"); w.string(g.title)
            w.key("organisation"); w.string(g.organisation)
            w.key("line"); w.int(g.line)
            w.key("column"); w.int(g.column)
            w.key("text"); w.string(g.text)
            w.key("commitment"); w.string(g.commitment)
            w.key("actor"); w.string(g.actor)
            w.key("targets"); w.beginArray(); g.targets.forEach { w.string($0) }; w.endArray()
            w.key("deadline"); w.string(g.deadline)
            w.key("program"); w.string(g.program)
            w.key("area"); w.string(g.area)
            w.key("direction"); w.string(g.direction)
            w.key("vague"); w.bool(g.vague)
            w.key("failed"); w.beginArray(); g.failed.forEach { w.string($0) }; w.endArray()
            w.key("rules"); w.beginArray(); g.rules.forEach { w.string($0) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        return w.bytes + [0x0A]
    }
}
