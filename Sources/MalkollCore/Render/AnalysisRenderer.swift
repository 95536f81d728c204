import Foundation

/// `malkoll analyze` output: JSON per `spec/analysis.schema.json` (one
/// object, or an array for several documents), JSON Lines, CSV (one row per
/// goal) and a readable text summary. Same input, same bytes.
public enum AnalysisRenderer {
    /// One analysis as a JSON object (pretty-printed, ending in a newline).
    public static func json(_ analysis: Analysis, pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, reserve: 4096 + analysis.goals.count * 1024)
        write(analysis, into: &w)
        return w.bytes + [0x0A]
    }

    /// Several analyses as one JSON array.
    public static func jsonArray(_ analyses: [Analysis], pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, reserve: 4096 * max(1, analyses.count))
        w.beginArray()
        for a in analyses { write(a, into: &w) }
        w.endArray()
        return w.bytes + [0x0A]
    }

    /// One compact JSON object per line, one line per document.
    public static func jsonl(_ analyses: [Analysis]) -> [UInt8] {
        var out: [UInt8] = []
        for a in analyses { out += json(a, pretty: false) }
        return out
    }

    public static func write(_ a: Analysis, into w: inout JSONWriter) {
        w.beginObject()
        w.key("schema"); w.string(Analysis.schema)
        w.key("document")
        let d = a.document
        w.beginObject()
        w.key("source"); w.string(d.source)
        w.key("sha256"); w.string(d.sha256)
        w.key("format"); w.string(d.format.rawValue)
        w.key("encoding"); w.string(d.encoding)
        w.key("title"); w.string(d.title)
        w.key("organisation"); w.string(d.organisation)
        w.key("characters"); w.int(d.characters)
        w.key("sentences"); w.int(d.sentences)
        w.key("tokens"); w.int(d.tokens)
        if !d.warnings.isEmpty {
            w.key("warnings"); w.beginArray(); for s in d.warnings { w.string(s) }; w.endArray()
        }
        w.endObject()
        w.key("goals")
        w.beginArray()
        for g in a.goals { write(g, into: &w) }
        w.endArray()
        w.endObject()
    }

    static func write(_ g: Goal, into w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(g.id)
        w.key("text"); w.string(g.text)
        w.key("location"); location(g.location, into: &w)
        w.key("kind"); w.string(g.kind.rawValue)
        w.key("commitment")
        w.beginObject()
        w.key("class"); w.string(g.commitment.class.rawValue)
        w.key("cue"); w.string(g.commitment.cue)
        w.key("inherited"); w.bool(g.commitment.inherited)
        w.endObject()
        w.key("actor")
        if let a = g.actor {
            w.beginObject(); w.key("name"); w.string(a.name); w.key("inherited"); w.bool(a.inherited); w.endObject()
        } else { w.null() }
        w.key("targets")
        w.beginArray()
        for t in g.targets {
            w.beginObject()
            w.key("text"); w.string(t.text)
            w.key("value"); w.double(t.value)
            w.key("unit"); w.string(t.unit.rawValue)
            w.key("comparator"); w.string(t.comparator.rawValue)
            w.key("quantity"); w.string(t.quantity)
            if let b = t.baseline { w.key("baseline"); w.double(b) }
            if let l = t.location { w.key("location"); location(l, into: &w) }
            w.endObject()
        }
        w.endArray()
        w.key("deadline")
        if let d = g.deadline {
            w.beginObject()
            w.key("text"); w.string(d.text); w.key("date"); w.string(d.date); w.key("inherited"); w.bool(d.inherited)
            w.endObject()
        } else { w.null() }
        w.key("recurrence"); w.string(g.recurrence)
        w.key("program"); link(g.program, area: true, into: &w)
        w.key("direction"); link(g.direction, area: false, into: &w)
        w.key("headings"); w.beginArray(); for h in g.headings { w.string(h) }; w.endArray()
        w.key("lead_in"); w.string(g.leadIn)
        w.key("smart")
        w.beginObject()
        for c in Criterion.allCases {
            w.key(c.rawValue)
            let v = g.smart[c] ?? Verdict(pass: false, reason: "not assessed")
            w.beginObject(); w.key("pass"); w.bool(v.pass); w.key("reason"); w.string(v.reason); w.endObject()
        }
        w.endObject()
        w.key("vague"); w.bool(g.vague)
        w.key("findings")
        w.beginArray()
        for f in g.findings {
            w.beginObject()
            w.key("rule"); w.string(f.rule)
            w.key("severity"); w.string(f.severity.rawValue)
            w.key("message"); w.string(f.message)
            w.key("message_en"); w.string(f.messageEnglish)
            if let s = f.suggestion { w.key("suggestion"); w.string(s) }
            if let s = f.suggestionEnglish { w.key("suggestion_en"); w.string(s) }
            w.key("start"); w.int(f.location.start)
            w.key("end"); w.int(f.location.end)
            w.key("line"); w.int(f.location.line)
            w.key("column"); w.int(f.location.column)
            w.endObject()
        }
        w.endArray()
        if let s = g.signals {
            w.key("signals")
            w.beginObject()
            w.key("baseline_stated"); w.bool(s.baselineStated)
            w.key("ambition_ratio"); if let r = s.ambitionRatio { w.double(r) } else { w.null() }
            w.endObject()
        }
        w.endObject()
    }

    private static func location(_ l: Location, into w: inout JSONWriter) {
        w.beginObject()
        w.key("line"); w.int(l.line); w.key("column"); w.int(l.column)
        w.key("start"); w.int(l.start); w.key("end"); w.int(l.end)
        w.endObject()
    }

    private static func link(_ l: Link?, area: Bool, into w: inout JSONWriter) {
        guard let l else { w.null(); return }
        w.beginObject()
        w.key("name"); w.string(l.name)
        if area { w.key("area"); w.string(l.area) }
        if let label = l.label { w.key("label"); w.string(label) }
        w.key("evidence"); w.string(l.evidence.rawValue)
        w.key("confidence"); w.double(l.confidence)
        w.endObject()
    }

    // MARK: - CSV

    public static let csvColumns = ["source", "id", "line", "column", "text", "kind", "commitment", "cue", "actor", "targets",
                                    "deadline", "recurrence", "program", "area", "direction", "specific", "measurable",
                                    "assignable", "relevant", "time_bound", "vague", "findings"]

    /// One row per goal, RFC 4180 quoting, one header line.
    public static func csv(_ analyses: [Analysis]) -> [UInt8] {
        var out = csvHeader
        for a in analyses { out += csvRows(a) }
        return out
    }

    /// The header line of `csv`.
    static var csvHeader: [UInt8] { csvLine(csvColumns) }

    /// The rows of one analysis's goals (no header).
    static func csvRows(_ a: Analysis) -> [UInt8] {
        var out: [UInt8] = []
        for g in a.goals { out += csvLine(csvRow(g, source: a.document.source)) }
        return out
    }

    /// One CSV line (RFC 4180 quoting, CRLF), as bytes.
    static func csvLine(_ fields: [String]) -> [UInt8] {
        Array((fields.map(csvField).joined(separator: ",") + "\r\n").utf8)
    }

    public static func csvRow(_ g: Goal, source: String) -> [String] {
        let targets = g.targets.map { "\($0.comparator.rawValue) \(number($0.value)) \($0.unit.rawValue)" }.joined(separator: "; ")
        var row = [source, g.id, String(g.location.line), String(g.location.column), g.text, g.kind.rawValue,
                   g.commitment.class.rawValue, g.commitment.cue, g.actor?.name ?? "", targets,
                   g.deadline?.date ?? "", g.recurrence ?? "", g.program?.name ?? "", g.program?.area ?? "", g.direction?.name ?? ""]
        for c in Criterion.allCases { row.append(g.smart[c].map { $0.pass ? "pass" : "fail" } ?? "") }
        row.append(g.vague ? "vague" : "")
        row.append(g.findings.map(\.rule).joined(separator: " "))
        return row
    }

    static func csvField(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    // MARK: - Text

    /// What a person reads first: per document, the goals grouped under
    /// program and direction, each with its fields and SMART verdicts;
    /// vague goals marked, failed verdicts with their reasons.
    public static func text(_ analyses: [Analysis]) -> [UInt8] {
        var out = ""
        for (n, a) in analyses.enumerated() {
            if n > 0 { out += "\n" }
            let d = a.document
            let vague = a.goals.filter(\.vague).count
            out += "\(d.source)"
            if let t = d.title { out += " — \(t)" }
            if let o = d.organisation { out += " (\(o))" }
            out += "\n\(a.goals.count) mål, \(vague) vaga\n"
            var order: [String] = []
            var groups: [String: [Goal]] = [:]
            for g in a.goals {
                var parts: [String] = []
                if let p = g.program { parts.append("Program: " + p.name + (p.area.map { " › " + $0 } ?? "")) }
                if let dir = g.direction { parts.append("Inriktning: " + (dir.label ?? dir.name)) }
                let key = parts.isEmpty ? "Utan program och inriktning" : parts.joined(separator: " · ")
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(g)
            }
            for key in order {
                out += "\n== \(key) ==\n"
                for g in groups[key]! { out += goalText(g) }
            }
        }
        return Array(out.utf8)
    }

    static func goalText(_ g: Goal) -> String {
        var s = "\n\(g.location.line):\(g.location.column) \(g.vague ? "[VAG] " : "")\(g.kind == .goal ? "" : "[\(g.kind.rawValue)] ")\(g.text)\n"
        var fields = ["\(g.commitment.class.rawValue) «\(g.commitment.cue)»\(g.commitment.inherited ? " (ärvd)" : "")"]
        fields.append("aktör: " + (g.actor.map { $0.name + ($0.inherited ? " (ärvd)" : "") } ?? "–"))
        if !g.targets.isEmpty {
            fields.append("mått: " + g.targets.map { "\($0.text) [\($0.comparator.rawValue) \(number($0.value)) \($0.unit.rawValue)]" }.joined(separator: ", "))
        }
        fields.append("tid: " + (g.deadline.map { $0.date + ($0.inherited ? " (ärvd)" : "") } ?? "–") + (g.recurrence.map { ", \($0)" } ?? ""))
        s += "    " + fields.joined(separator: " · ") + "\n"
        let marks = Criterion.allCases.map { c -> String in
            let letter = String(c.rawValue.prefix(1)).uppercased()
            guard let v = g.smart[c] else { return letter + "?" }
            return letter + (v.pass ? "✓" : "✗")
        }
        s += "    SMART: " + marks.joined(separator: " ") + "\n"
        for c in Criterion.allCases { if let v = g.smart[c], !v.pass { s += "      \(c.rawValue): \(v.reason)\n" } }
        for f in g.findings { s += "      \(f.severity.rawValue): \(f.message) [\(f.rule)]\n" }
        return s
    }
}
