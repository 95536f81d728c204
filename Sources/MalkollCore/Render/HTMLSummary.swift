/// The figures a summary shows, counted over a set of goals.
struct ReportStats {
    struct Group {
        /// The filter value: a program's or direction's name, or "" for none.
        var key: String
        /// What a person reads: the name, the direction's label, or "(inget)".
        var label: String
        var total = 0
        var vague = 0
    }

    var goals = 0
    var vague = 0
    var findings = 0
    var findingsBySeverity: [Severity: Int] = [:]
    /// Goals passing each criterion (only goals that have a verdict on it count in `judged`).
    var passing: [Criterion: Int] = [:]
    var judged: [Criterion: Int] = [:]
    /// Sorted by label, goals without one last.
    var programs: [Group] = []
    var directions: [Group] = []
    /// Rule id and how many findings it gave, sorted by id.
    var rules: [(rule: String, count: Int)] = []

    init(_ goals: [Goal]) {
        var programs: [String: Group] = [:], directions: [String: Group] = [:], rules: [String: Int] = [:]
        for goal in goals {
            self.goals += 1
            if goal.vague { vague += 1 }
            for f in goal.findings {
                findings += 1
                findingsBySeverity[f.severity, default: 0] += 1
                rules[f.rule, default: 0] += 1
            }
            for c in Criterion.allCases {
                guard let v = goal.smart[c] else { continue }
                judged[c, default: 0] += 1
                if v.pass { passing[c, default: 0] += 1 }
            }
            let p = HTMLReportFilters.program(goal), d = HTMLReportFilters.direction(goal)
            programs[p.key, default: Group(key: p.key, label: p.label)].total += 1
            directions[d.key, default: Group(key: d.key, label: d.label)].total += 1
            if goal.vague {
                programs[p.key]!.vague += 1
                directions[d.key]!.vague += 1
            }
        }
        self.programs = HTMLReportFilters.sorted(Array(programs.values))
        self.directions = HTMLReportFilters.sorted(Array(directions.values))
        self.rules = rules.keys.sorted().map { ($0, rules[$0]!) }
    }
}

/// The summary block: key figures, a chart of the SMART criteria, and
/// vague share per program and per direction (inline SVG, no library).
enum HTMLSummary {
    static func write(_ stats: ReportStats, heading: String, documents: Int? = nil, into w: inout HTMLWriter) {
        w.raw("<section class=\"summary\"><h3>")
        w.text(heading)
        w.raw("</h3><div class=\"figures\">")
        if let documents { figure(String(documents), "dokument", into: &w) }
        figure(String(stats.goals), "mål", into: &w)
        figure(String(stats.vague), "vaga (\(HTMLReportLabels.percent(stats.vague, of: stats.goals)))", class: "vague", into: &w)
        figure(String(stats.goals - stats.vague), "tydliga", class: "clear", into: &w)
        let bySeverity = Severity.allCases.reversed().compactMap { sev -> String? in
            guard let n = stats.findingsBySeverity[sev], n > 0 else { return nil }
            return HTMLReportLabels.severityCount(n, sev)
        }
        figure(String(stats.findings), (stats.findings == 1 ? "anmärkning" : "anmärkningar")
               + (bySeverity.isEmpty ? "" : " (\(bySeverity.joined(separator: ", ")))"), into: &w)
        w.raw("</div>")
        if stats.goals > 0 {
            w.raw("<div class=\"charts\">")
            criteriaChart(stats, into: &w)
            groupTable("Program", stats.programs, into: &w)
            groupTable("Riktning", stats.directions, into: &w)
            w.raw("</div>")
        }
        w.raw("</section>")
    }

    private static func figure(_ value: String, _ label: String, class cls: String? = nil, into w: inout HTMLWriter) {
        w.raw("<p class=\"figure\(cls.map { " " + $0 } ?? "")\"><b>")
        w.text(value)
        w.raw("</b> ")
        w.text(label)
        w.raw("</p>")
    }

    /// Horizontal bars: the share of goals that pass each SMART criterion.
    private static func criteriaChart(_ stats: ReportStats, into w: inout HTMLWriter) {
        let rowHeight = 22, labelWidth = 118, barWidth = 150, width = labelWidth + barWidth + 58
        let height = rowHeight * Criterion.allCases.count
        w.raw("<figure class=\"chart\"><figcaption>Andel mål som uppfyller kriteriet</figcaption>")
        w.raw("<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\"")
        let description = Criterion.allCases.map { c in
            "\(HTMLReportLabels.criterion(c)) \(stats.passing[c] ?? 0) av \(stats.judged[c] ?? 0)"
        }.joined(separator: ", ")
        w.attr("aria-label", "Uppfyllda SMART-kriterier: " + description)
        w.raw(">")
        for (row, c) in Criterion.allCases.enumerated() {
            let y = row * rowHeight
            let pass = stats.passing[c] ?? 0, judged = stats.judged[c] ?? 0
            let filled = judged > 0 ? Int((Double(pass) * Double(barWidth) / Double(judged)).rounded()) : 0
            w.raw("<text x=\"0\" y=\"\(y + 15)\">")
            w.text(HTMLReportLabels.criterion(c))
            w.raw("</text><rect class=\"bg\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"14\" rx=\"3\"/>")
            if filled > 0 {
                w.raw("<rect class=\"pass\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(filled)\" height=\"14\" rx=\"3\"/>")
            }
            w.raw("<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 15)\">\(pass)/\(judged)</text>")
        }
        w.raw("</svg></figure>")
    }

    /// A table of goals per program (or direction) with a small vague/clear bar.
    private static func groupTable(_ title: String, _ groups: [ReportStats.Group], into w: inout HTMLWriter) {
        w.raw("<table class=\"groups\"><caption>")
        w.text("Vaga mål per \(title.lowercased())")
        w.raw("</caption><thead><tr><th scope=\"col\">")
        w.text(title)
        w.raw("</th><th scope=\"col\">Mål</th><th scope=\"col\">Vaga</th><th scope=\"col\"><span class=\"sr\">Andel</span></th></tr></thead><tbody>")
        for g in groups {
            w.raw("<tr><th scope=\"row\">")
            w.text(g.label)
            w.raw("</th><td>\(g.total)</td><td>\(g.vague)</td><td>")
            bar(vague: g.vague, total: g.total, into: &w)
            w.raw("</td></tr>")
        }
        w.raw("</tbody></table>")
    }

    /// A 100-unit bar: vague part first, clear part after.
    private static func bar(vague: Int, total: Int, into w: inout HTMLWriter) {
        let v = total > 0 ? Int((Double(vague) * 100 / Double(total)).rounded()) : 0
        w.raw("<svg class=\"bar\" viewBox=\"0 0 100 10\" width=\"100\" height=\"10\" role=\"img\"")
        w.attr("aria-label", "\(HTMLReportLabels.percent(vague, of: total)) vaga")
        w.raw(">")
        if v > 0 { w.raw("<rect class=\"vague\" width=\"\(v)\" height=\"10\"/>") }
        if v < 100 { w.raw("<rect class=\"clear\" x=\"\(v)\" width=\"\(100 - v)\" height=\"10\"/>") }
        w.raw("</svg>")
    }
}
