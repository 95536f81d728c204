import Foundation

/// Local stand-in for the goals helper's renderers (`Render/Analysis*.swift`):
/// one Analysis as the `analyze --format json` object, and its goals as
/// JSON lines and CSV rows for `goals.jsonl` / `goals.csv`. Swap the bodies
/// for the shared renderers once they are on main; callers stay as they are.
public enum ArchiveRendering {
    /// The per-document JSON object (`spec/analysis.schema.json`).
    public static func json(_ analysis: Analysis) -> [UInt8] {
        var w = JSONWriter(pretty: true, reserve: 4096)
        writeAnalysis(analysis, into: &w)
        return w.bytes + [0x0A]
    }

    /// One line per goal: the goal object with its document beside it.
    public static func jsonl(_ analysis: Analysis) -> [UInt8] {
        var out: [UInt8] = []
        for goal in analysis.goals {
            var w = JSONWriter()
            w.beginObject()
            w.key("document"); w.string(analysis.document.source)
            w.key("sha256"); w.string(analysis.document.sha256)
            w.key("title"); w.string(analysis.document.title)
            w.key("organisation"); w.string(analysis.document.organisation)
            w.key("goal"); writeGoal(goal, into: &w)
            w.endObject()
            out += w.bytes
            out.append(0x0A)
        }
        return out
    }

    public static let csvHeader: [String] = [
        "document", "title", "organisation", "goal_id", "line", "column", "text", "kind", "commitment", "cue",
        "actor", "targets", "deadline", "recurrence", "program", "area", "direction", "vague",
        "specific", "measurable", "assignable", "relevant", "time_bound", "findings",
    ]

    /// CSV rows (RFC 4180, no header) for the goals of one document.
    public static func csv(_ analysis: Analysis) -> [UInt8] {
        var out: [UInt8] = []
        let d = analysis.document
        for g in analysis.goals {
            let verdict: (Criterion) -> String = { c in g.smart[c].map { $0.pass ? "pass" : "fail" } ?? "" }
            var fields: [String] = [d.source, d.title ?? "", d.organisation ?? "", g.id]
            fields += [String(g.location.line), String(g.location.column), g.text, g.kind.rawValue]
            fields += [g.commitment.class.rawValue, g.commitment.cue, g.actor?.name ?? ""]
            fields += [g.targets.map(\.text).joined(separator: "; "), g.deadline?.date ?? "", g.recurrence ?? ""]
            fields += [g.program?.name ?? "", g.program?.area ?? "", g.direction?.name ?? "", g.vague ? "true" : "false"]
            fields += [Criterion.specific, .measurable, .assignable, .relevant, .time_bound].map(verdict)
            fields.append(g.findings.map(\.rule).joined(separator: " "))
            out += csvLine(fields)
        }
        return out
    }

    /// One CSV record ending in LF; fields with a comma, quote or line break quoted.
    public static func csvLine(_ fields: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (i, f) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let needsQuotes = f.utf8.contains { (b: UInt8) -> Bool in b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D }
            if needsQuotes {
                out.append(UInt8(ascii: "\""))
                for b in f.utf8 {
                    if b == UInt8(ascii: "\"") { out.append(b) }
                    out.append(b)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out += Array(f.utf8)
            }
        }
        out.append(0x0A)
        return out
    }

    static func writeAnalysis(_ a: Analysis, into w: inout JSONWriter) {
        w.beginObject()
        w.key("schema"); w.string(Analysis.schema)
        let d = a.document
        w.key("document"); w.beginObject()
        w.key("source"); w.string(d.source)
        w.key("sha256"); w.string(d.sha256)
        w.key("format"); w.string(d.format.rawValue)
        w.key("encoding"); w.string(d.encoding)
        w.key("title"); w.string(d.title)
        w.key("organisation"); w.string(d.organisation)
        w.key("characters"); w.int(d.characters)
        w.key("sentences"); w.int(d.sentences)
        w.key("tokens"); w.int(d.tokens)
        w.key("warnings"); w.beginArray(); for x in d.warnings { w.string(x) }; w.endArray()
        w.endObject()
        w.key("goals"); w.beginArray()
        for g in a.goals { writeGoal(g, into: &w) }
        w.endArray()
        w.endObject()
    }

    static func writeLocation(_ l: Location, into w: inout JSONWriter) {
        w.beginObject()
        w.key("line"); w.int(l.line); w.key("column"); w.int(l.column)
        w.key("start"); w.int(l.start); w.key("end"); w.int(l.end)
        w.endObject()
    }

    static func writeLink(_ l: Link?, into w: inout JSONWriter) {
        guard let l else { w.null(); return }
        w.beginObject()
        w.key("name"); w.string(l.name)
        if let area = l.area { w.key("area"); w.string(area) }
        if let label = l.label { w.key("label"); w.string(label) }
        w.key("evidence"); w.string(l.evidence.rawValue)
        w.key("confidence"); w.double(l.confidence)
        w.endObject()
    }

    static func writeGoal(_ g: Goal, into w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string(g.id)
        w.key("text"); w.string(g.text)
        w.key("location"); writeLocation(g.location, into: &w)
        w.key("kind"); w.string(g.kind.rawValue)
        w.key("commitment"); w.beginObject()
        w.key("class"); w.string(g.commitment.class.rawValue)
        w.key("cue"); w.string(g.commitment.cue)
        w.key("inherited"); w.bool(g.commitment.inherited)
        w.endObject()
        w.key("actor")
        if let a = g.actor {
            w.beginObject(); w.key("name"); w.string(a.name); w.key("inherited"); w.bool(a.inherited); w.endObject()
        } else { w.null() }
        w.key("targets"); w.beginArray()
        for t in g.targets {
            w.beginObject()
            w.key("text"); w.string(t.text)
            w.key("value"); w.double(t.value)
            w.key("unit"); w.string(t.unit.rawValue)
            w.key("comparator"); w.string(t.comparator.rawValue)
            w.key("quantity"); w.string(t.quantity)
            if let b = t.baseline { w.key("baseline"); w.double(b) }
            if let l = t.location { w.key("location"); writeLocation(l, into: &w) }
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
        w.key("program"); writeLink(g.program, into: &w)
        w.key("direction"); writeLink(g.direction, into: &w)
        w.key("headings"); w.beginArray(); for h in g.headings { w.string(h) }; w.endArray()
        w.key("leadIn"); w.string(g.leadIn)
        w.key("smart"); w.beginObject()
        for c in Criterion.allCases {
            guard let v = g.smart[c] else { continue }
            w.key(c.rawValue); w.beginObject(); w.key("pass"); w.bool(v.pass); w.key("reason"); w.string(v.reason); w.endObject()
        }
        w.endObject()
        w.key("vague"); w.bool(g.vague)
        w.key("findings"); w.beginArray()
        for f in g.findings {
            w.beginObject()
            w.key("rule"); w.string(f.rule)
            w.key("severity"); w.string(f.severity.rawValue)
            w.key("message"); w.string(f.message)
            w.key("messageEnglish"); w.string(f.messageEnglish)
            w.key("suggestion"); w.string(f.suggestion)
            w.key("start"); w.int(f.location.start)
            w.key("end"); w.int(f.location.end)
            w.key("line"); w.int(f.location.line)
            w.key("column"); w.int(f.location.column)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
