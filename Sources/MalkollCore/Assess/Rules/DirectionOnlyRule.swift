/// measurable.direction-only: the goal's only measure is a direction word
/// ("ökad", "minskade", "fler", "förbättra").
public struct DirectionOnlyRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "measurable.direction-only", criterion: .measurable, severity: .warning,
        summary: "Målet anger bara en riktning (ökad, minskade, fler ...) men inget mått eller målvärde.",
        summaryEnglish: "The goal states only a direction (increased, fewer, more ...), with no measure or target value.",
        rationale: "\"Ökad försäljning\" är nått redan vid en krona mer. Utan målvärde och utgångsläge går målet inte att följa upp.",
        rationaleEnglish: "\"Increased sales\" is met by a single krona more. Without a target value and a baseline the goal cannot be followed up.",
        examples: [
            .fail("Arbeta för ⟦ökad försäljning⟧ och produktion av närproducerat livsmedel."),
            .fail("⟦Minskade utsläpp⟧ av växthusgaser"),
            .pass("Utsläppen av växthusgaser ska minska med 40 procent.", targets: ["40 procent"]),
            // A comparative in a definite noun phrase is an adjective: the main roads.
            .pass("Verka för cykelbanor längs de större vägarna."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard !r.isMeasurable, let t = r.trendPhrase else { return nil }
        let phrase = r.text(range: t)
        let year = r.goal.deadline.map { String($0.date.prefix(4)) } ?? "ÅÅÅÅ"
        return RuleHit(
            span: t,
            message: "saknar mätbart mål: \"\(phrase)\" anger bara en riktning",
            messageEnglish: "no measurable target: \"\(phrase)\" states only a direction",
            suggestion: "ange hur mycket och från vilken nivå, t.ex. \"\(phrase) med minst X % från nivån ÅÅÅÅ till \(year)\"",
            suggestionEnglish: "say how much and from which level, e.g. \"\(phrase) by at least X % from the YYYY level by \(year == "ÅÅÅÅ" ? "YYYY" : year)\"")
    }
}
