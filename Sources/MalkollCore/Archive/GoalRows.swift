/// One document's lines of `goals.jsonl` and rows of `goals.csv`: every
/// goal with its document, in the shapes `analyze` uses (the goal object of
/// `--format json`, the row of `--format csv`).
enum GoalRows {
    /// One compact line per goal: `{"document": {...}, "goal": {...}}`.
    static func jsonl(_ analysis: Analysis) -> [UInt8] {
        var out: [UInt8] = []
        let d = analysis.document
        for goal in analysis.goals {
            var w = JSONWriter()
            w.beginObject()
            w.key("document"); w.beginObject()
            w.key("source"); w.string(d.source)
            w.key("sha256"); w.string(d.sha256)
            w.key("title"); w.string(d.title)
            w.key("organisation"); w.string(d.organisation)
            w.endObject()
            w.key("goal"); AnalysisRenderer.write(goal, into: &w)
            w.endObject()
            out += w.bytes
            out.append(0x0A)
        }
        return out
    }

    /// The header of `goals.csv`: `analyze --format csv`'s.
    static var csvHeader: [UInt8] { AnalysisRenderer.csvHeader }

    static func csv(_ analysis: Analysis) -> [UInt8] { AnalysisRenderer.csvRows(analysis) }
}
