/// The self-contained HTML report (`malkoll report`, `analyze --format html`):
/// one file, nothing fetched (a Content-Security-Policy forbids it), readable
/// without JavaScript. Per document: a summary, the text with each goal
/// marked in place and coloured by verdict, and beside it one card per goal.
/// Same input, same bytes: no clock, no randomness, every list in a fixed order.
public enum HTMLReport {
    public struct Options: Sendable {
        /// The page's heading and title.
        public var title: String

        /// One line per rule id saying what it checks (Swedish): shown on the
        /// rule filter's options and on each finding's rule id.
        public var ruleSummaries: [String: String]

        public init(title: String = "Målkoll – granskning av mål", ruleSummaries: [String: String] = [:]) {
            self.title = title
            self.ruleSummaries = ruleSummaries
        }
    }

    /// The page with the standard options: every built-in rule's summary on its id.
    public static func render(_ items: [(analysis: Analysis, document: Document)]) -> [UInt8] {
        render(items, options: Options(ruleSummaries: builtInRuleSummaries))
    }

    /// What each built-in SMART rule checks, by rule id (Swedish).
    public static var builtInRuleSummaries: [String: String] {
        Dictionary(SmartRules.all.map { ($0.description.id, $0.description.summary) }, uniquingKeysWith: { a, _ in a })
    }

    public static func render(_ items: [(analysis: Analysis, document: Document)], options: Options) -> [UInt8] {
        let goalsPerItem = items.map { inTextOrder($0.analysis.goals) }
        let all = ReportStats(goalsPerItem.flatMap { $0 })
        var w = HTMLWriter(reserve: items.reduce(16_384) { $0 + $1.document.utf16.count * 2 + $1.analysis.goals.count * 3_000 })
        w.raw("<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">")
        w.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        w.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
        w.raw("<meta name=\"generator\" content=\"malkoll \(MalkollVersion.string)\"><title>")
        w.text(items.count == 1 ? "\(documentTitle(items[0].analysis)) – \(options.title)" : options.title)
        w.raw("</title><link rel=\"icon\" href=\"data:,\"><style>\n")
        w.raw(HTMLReportAssets.css)
        w.raw("\n</style></head>\n<body><header class=\"top\"><h1>")
        w.text(options.title)
        w.raw("</h1><p>")
        w.text(HTMLReportLabels.count(items.count, "dokument", "dokument") + ", " + HTMLReportLabels.count(all.goals, "mål", "mål")
               + ", varav \(all.vague) vaga (\(HTMLReportLabels.percent(all.vague, of: all.goals)))")
        w.raw("</p><p class=\"legend\"><span><i class=\"v\"></i>vagt mål</span><span><i class=\"c\"></i>tydligt mål</span><span><i class=\"f\"></i>anmärkningens ställe</span></p></header>\n")
        HTMLReportFilters.writeBar(all, ruleSummaries: options.ruleSummaries, into: &w)
        w.raw("\n<main>\n")
        if items.count > 1 {
            HTMLSummary.write(all, heading: "Sammanfattning av alla dokument", documents: items.count, into: &w)
            w.raw("<nav aria-label=\"Dokument\"><ol class=\"toc\">")
            for (i, item) in items.enumerated() {
                let goals = item.analysis.goals, vague = goals.filter(\.vague).count
                w.raw("<li><a href=\"#d\(i + 1)\">")
                w.text(documentTitle(item.analysis))
                w.raw("</a> – ")
                w.text("\(HTMLReportLabels.count(goals.count, "mål", "mål")), \(vague) vaga (\(HTMLReportLabels.percent(vague, of: goals.count)))")
                w.raw("</li>")
            }
            w.raw("</ol></nav>\n")
        }
        for (i, item) in items.enumerated() {
            section(item.analysis, item.document, goals: goalsPerItem[i], number: i + 1, options: options, into: &w)
        }
        w.raw("</main>\n<footer><p>Skapad av malkoll \(MalkollVersion.string). Markeringarna bygger på målens positioner i den avkodade texten; varje mål har en etikett (M1, M2, …) som leder mellan texten och bedömningen.</p></footer>\n<script>\n")
        w.raw(HTMLReportAssets.js)
        w.raw("\n</script>\n</body></html>\n")
        return w.bytes
    }

    /// Goals sorted by where they stand (stable for equal positions).
    static func inTextOrder(_ goals: [Goal]) -> [Goal] {
        goals.enumerated().sorted { a, b in
            (a.element.location.start, a.element.location.end, a.offset) < (b.element.location.start, b.element.location.end, b.offset)
        }.map(\.element)
    }

    static func documentTitle(_ a: Analysis) -> String {
        if let t = a.document.title, !t.isEmpty { return t }
        return a.document.source.split(separator: "/").last.map(String.init) ?? a.document.source
    }

    private static func section(_ analysis: Analysis, _ doc: Document, goals: [Goal], number: Int, options: Options,
                                into w: inout HTMLWriter) {
        let info = analysis.document
        let prefix = "d\(number)"
        func id(_ g: Int) -> String { "\(prefix)-m\(g + 1)" }
        func label(_ g: Int) -> String { "M\(g + 1)" }
        let length = doc.offsets.scalarOffset(doc.utf16.count)
        let plan = HTMLTextPlan(goals: goals, length: length)

        w.raw("<section class=\"doc\" id=\"\(prefix)\"><h2>")
        w.text(documentTitle(analysis))
        w.raw("</h2><p class=\"meta\">")
        var meta = [info.source, info.format.rawValue, info.encoding, "\(info.characters) tecken", "\(info.sentences) meningar"]
        if let org = info.organisation { meta.insert(org, at: 0) }
        meta.append("sha256 \(info.sha256.prefix(12))")
        w.text(meta.joined(separator: " · "))
        w.raw("</p>")
        if !info.warnings.isEmpty {
            w.raw("<ul class=\"warnings\">")
            for warning in info.warnings { w.element("li", warning) }
            w.raw("</ul>")
        }
        HTMLSummary.write(ReportStats(goals), heading: "Sammanfattning", into: &w)
        w.raw("\n<div class=\"split\"><div class=\"text\" tabindex=\"0\" role=\"region\" aria-label=\"Dokumentets text\">")
        HTMLDocumentText.write(doc.text, plan: plan, goals: goals, idOfGoal: id, label: label, into: &w)
        w.raw("</div>\n<div class=\"panel\" role=\"region\" aria-label=\"Bedömning per mål\"><h3 class=\"sr\">Mål</h3>")
        for (g, goal) in goals.enumerated() {
            HTMLGoalCard.write(goal, id: id(g), label: label(g), inText: plan.spanOfGoal[g] != nil,
                               markOfFinding: plan.markOfFinding[g], ruleSummaries: options.ruleSummaries, into: &w)
            w.raw("\n")
        }
        if goals.isEmpty {
            w.raw("<p class=\"empty\">Inga mål hittades i dokumentet.</p>")
        } else {
            w.raw("<p class=\"empty\" hidden>Inga mål i det här dokumentet matchar filtret.</p>")
        }
        w.raw("</div></div></section>\n")
    }
}
