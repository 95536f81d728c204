/// time-bound.no-deadline: no deadline and no recurrence applies.
public struct NoDeadlineRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "time-bound.no-deadline", criterion: .time_bound, severity: .info,
        summary: "Målet har ingen tidsgräns (\"senast 2026\") och ingen återkommande period (\"varje år\").",
        summaryEnglish: "The goal has no deadline (\"by 2026\") and no recurrence (\"every year\").",
        rationale: "Utan tidsgräns går det inte att säga när målet ska vara nått eller när det ska följas upp.",
        rationaleEnglish: "Without a deadline nobody can say when the goal is to be met or followed up.",
        examples: [
            RuleExample.fail("⟦Starta ett fjärde år på teknikprogrammet⟧.").with(deadline: nil),
            .pass("Starta ett fjärde år på teknikprogrammet senast 2026."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard r.goal.deadline == nil, r.goal.recurrence == nil else { return nil }
        return RuleHit(
            span: r.core,
            message: "ingen tidsgräns eller återkommande period anges",
            messageEnglish: "no deadline or recurrence is given",
            suggestion: "ange när målet ska vara nått, t.ex. \"senast 2026\", eller hur ofta, t.ex. \"varje år\"",
            suggestionEnglish: "say when the goal is to be met, e.g. \"by 2026\", or how often, e.g. \"every year\"")
    }
}
