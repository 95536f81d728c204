/// The report's filters: the keys goals are filtered on (written as data
/// attributes on each goal card) and the filter bar, which the script shows
/// and drives. Without JavaScript the bar stays hidden and every goal shows.
enum HTMLReportFilters {
    static let noneLabel = "(inget angivet)"

    /// A goal's program as a filter key ("" for none) and its label.
    static func program(_ goal: Goal) -> (key: String, label: String) {
        guard let p = goal.program else { return ("", noneLabel) }
        return (p.name, p.name)
    }

    /// A goal's scorecard direction as a filter key ("" for none) and its label.
    static func direction(_ goal: Goal) -> (key: String, label: String) {
        guard let d = goal.direction else { return ("", noneLabel) }
        return (d.name, d.label ?? d.name)
    }

    /// The rule ids of a goal's findings, once each, sorted, space-separated.
    static func rules(_ goal: Goal) -> String {
        Set(goal.findings.map(\.rule)).sorted().joined(separator: " ")
    }

    /// By label in Swedish alphabetical order (å, ä, ö after z), "none" last.
    static func sorted(_ groups: [ReportStats.Group]) -> [ReportStats.Group] {
        groups.sorted { (a: ReportStats.Group, b: ReportStats.Group) -> Bool in
            if a.key.isEmpty != b.key.isEmpty { return b.key.isEmpty }
            let ka = swedishKey(a.label), kb = swedishKey(b.label)
            return ka != kb ? ka.lexicographicallyPrecedes(kb) : a.key < b.key
        }
    }

    private static func swedishKey(_ s: String) -> [UInt32] {
        s.lowercased().unicodeScalars.map { c in
            switch c {
            case "å": return 0x7B
            case "ä", "æ": return 0x7C
            case "ö", "ø": return 0x7D
            default: return c.value
            }
        }
    }

    /// The filter bar, over every goal in the report.
    static func writeBar(_ stats: ReportStats, ruleSummaries: [String: String], into w: inout HTMLWriter) {
        w.raw("<form id=\"filters\" class=\"filters\" hidden><label class=\"check\"><input type=\"checkbox\" id=\"f-vague\"> Endast vaga mål</label>")
        select("f-program", "Program", stats.programs.map { ($0.key, $0.label, $0.total, nil) }, into: &w)
        select("f-direction", "Riktning", stats.directions.map { ($0.key, $0.label, $0.total, nil) }, into: &w)
        select("f-rule", "Regel", stats.rules.map { ($0.rule, $0.rule, $0.count, ruleSummaries[$0.rule]) }, into: &w)
        w.raw("<button type=\"reset\" id=\"f-reset\">Visa alla</button><output id=\"f-count\" aria-live=\"polite\"></output>")
        w.raw("<p class=\"keys\"><kbd>j</kbd>/<kbd>k</kbd> nästa/föregående anmärkning · <kbd>n</kbd>/<kbd>p</kbd> nästa/föregående mål · <kbd>v</kbd> endast vaga · <kbd>Esc</kbd> visa alla</p></form>")
    }

    /// A select whose empty value means "all"; the none-key becomes "-".
    private static func select(_ id: String, _ label: String,
                               _ options: [(value: String, label: String, count: Int, title: String?)],
                               into w: inout HTMLWriter) {
        w.raw("<label>")
        w.text(label)
        w.raw(" <select id=\"\(id)\"><option value=\"\">Alla</option>")
        for o in options {
            w.raw("<option")
            w.attr("value", o.value.isEmpty ? "-" : o.value)
            if let title = o.title { w.attr("title", title) }
            w.raw(">")
            w.text("\(o.label) (\(o.count))")
            w.raw("</option>")
        }
        w.raw("</select></label>")
    }
}
