/// One goal beside the text: its verdict, the five SMART verdicts with their
/// reasons, the fields read from it, and its findings.
enum HTMLGoalCard {
    /// - Parameters:
    ///   - id: the card's HTML id (the mark in the text is `id-t`).
    ///   - label: the goal's short label ("M3").
    ///   - inText: whether the goal is marked in the text.
    ///   - markOfFinding: for each finding, the index of its span in the text.
    ///   - ruleSummaries: what each rule checks, shown on its id.
    static func write(_ goal: Goal, id: String, label: String, inText: Bool, markOfFinding: [Int?],
                      ruleSummaries: [String: String], into w: inout HTMLWriter) {
        let verdict = goal.vague ? "vague" : "clear"
        let program = HTMLReportFilters.program(goal), direction = HTMLReportFilters.direction(goal)
        w.raw("<article class=\"goal \(verdict)\"")
        w.attr("id", id)
        w.attr("data-id", goal.id)
        w.attr("data-vague", goal.vague ? "1" : "0")
        w.attr("data-program", program.key.isEmpty ? "-" : program.key)
        w.attr("data-direction", direction.key.isEmpty ? "-" : direction.key)
        w.attr("data-rules", HTMLReportFilters.rules(goal))
        w.raw(" tabindex=\"-1\"><header>")
        if inText {
            w.raw("<a class=\"tag \(verdict)\"")
            w.attr("href", "#\(id)-t")
            w.attr("title", "Visa i texten")
            w.raw(">")
            w.text(label)
            w.raw("</a>")
        } else {
            w.element("span", class: "tag \(verdict)", label)
        }
        w.element("span", class: "verdict \(verdict)", goal.vague ? "Vagt" : "Tydligt")
        if let kind = HTMLReportLabels.kind(goal.kind) { w.element("span", class: "kind", kind) }
        w.element("span", class: "where", "rad \(goal.location.line):\(goal.location.column)" + (inText ? "" : " (ej i texten)"))
        w.raw("</header>")
        if !goal.headings.isEmpty { w.element("p", class: "path", goal.headings.joined(separator: " › ")) }
        if let leadIn = goal.leadIn { w.element("p", class: "leadin", leadIn) }
        w.element("blockquote", goal.text)
        smart(goal, into: &w)
        fields(goal, into: &w)
        findings(goal, id: id, markOfFinding: markOfFinding, ruleSummaries: ruleSummaries, into: &w)
        w.raw("</article>")
    }

    private static func smart(_ goal: Goal, into w: inout HTMLWriter) {
        w.raw("<table class=\"smart\"><caption class=\"sr\">SMART-bedömning</caption><tbody>")
        for c in Criterion.allCases {
            let v = goal.smart[c]
            let cls = v.map { $0.pass ? "pass" : "fail" } ?? "none"
            w.raw("<tr class=\"\(cls)\"><th scope=\"row\">")
            w.text(HTMLReportLabels.criterion(c))
            w.raw("</th><td class=\"mark\">")
            w.raw(v.map { $0.pass ? "<span aria-label=\"uppfyllt\">✓</span>" : "<span aria-label=\"ej uppfyllt\">✗</span>" } ?? "–")
            w.raw("</td><td>")
            w.text(v?.reason ?? "ingen bedömning")
            w.raw("</td></tr>")
        }
        w.raw("</tbody></table>")
    }

    private static func fields(_ goal: Goal, into w: inout HTMLWriter) {
        w.raw("<dl class=\"fields\">")
        func field(_ name: String, _ value: String?, inherited: Bool = false) {
            w.element("dt", name)
            w.raw("<dd>")
            if let value { w.text(value) } else { w.raw("<span class=\"missing\">saknas</span>") }
            if inherited { w.raw(" <span class=\"inherited\" title=\"hämtat från rubrik eller inledning\">(ärvt)</span>") }
            w.raw("</dd>")
        }
        let c = goal.commitment
        field("Åtagande", "\(HTMLReportLabels.commitment(c.class))" + (c.cue.isEmpty ? "" : " – ”\(c.cue)”"), inherited: c.inherited)
        field("Aktör", goal.actor?.name, inherited: goal.actor?.inherited ?? false)
        w.element("dt", "Målvärden")
        w.raw("<dd>")
        if goal.targets.isEmpty { w.raw("<span class=\"missing\">saknas</span>") }
        for (i, t) in goal.targets.enumerated() {
            if i > 0 { w.raw("<br>") }
            w.text("”\(t.text)” → \(HTMLReportLabels.comparator(t.comparator)) \(HTMLReportLabels.number(t.value))\(HTMLReportLabels.unit(t.unit))")
            if let baseline = t.baseline { w.text(", från \(HTMLReportLabels.number(baseline))") }
            if let quantity = t.quantity { w.raw(" <span class=\"quantity\">"); w.text("(\(quantity))"); w.raw("</span>") }
        }
        w.raw("</dd>")
        field("Tidpunkt", goal.deadline.map { $0.text == $0.date ? $0.date : "\($0.date) – ”\($0.text)”" },
              inherited: goal.deadline?.inherited ?? false)
        if let r = goal.recurrence { field("Återkommer", HTMLReportLabels.recurrence(r)) }
        field("Program", goal.program.map { p in
            [p.name, p.area].compactMap { $0 }.joined(separator: " › ") + " (\(HTMLReportLabels.evidence(p.evidence)))"
        })
        field("Riktning", goal.direction.map { d in
            (d.label ?? d.name) + " (\(HTMLReportLabels.evidence(d.evidence)))"
        })
        if let s = goal.signals {
            var text = s.baselineStated ? "utgångsvärde angivet" : "inget utgångsvärde"
            if let r = s.ambitionRatio { text += ", målvärdet är \(HTMLReportLabels.number(r)) × utgångsvärdet" }
            field("Rimlighet", text)
        }
        w.raw("</dl>")
    }

    private static func findings(_ goal: Goal, id: String, markOfFinding: [Int?], ruleSummaries: [String: String],
                                 into w: inout HTMLWriter) {
        guard !goal.findings.isEmpty else { return }
        w.raw("<ul class=\"findings\" aria-label=\"Anmärkningar\">")
        let order = goal.findings.indices.sorted {
            let a = goal.findings[$0], b = goal.findings[$1]
            return (a.location.start, a.rule) < (b.location.start, b.rule)
        }
        for f in order {
            let finding = goal.findings[f]
            w.raw("<li class=\"finding \(finding.severity.rawValue)\" tabindex=\"-1\"")
            if let mark = markOfFinding[f] { w.attr("data-span", "\(id)-s\(mark + 1)") }
            w.attr("data-rule", finding.rule)
            w.raw(">")
            w.element("span", class: "sev", HTMLReportLabels.severity(finding.severity))
            w.raw(" ")
            w.text(finding.message)
            w.raw(" ")
            w.raw("<code")
            if let summary = ruleSummaries[finding.rule] { w.attr("title", summary) }
            w.raw(">")
            w.text(finding.rule)
            w.raw("</code>")
            if let suggestion = finding.suggestion {
                w.raw("<p class=\"fix\"><b>Förslag:</b> ")
                w.text(suggestion)
                w.raw("</p>")
            }
            w.raw("</li>")
        }
        w.raw("</ul>")
    }
}
