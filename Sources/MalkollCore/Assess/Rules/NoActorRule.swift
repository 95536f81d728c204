/// assignable.no-actor: nobody is named or inherited as responsible.
public struct NoActorRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "assignable.no-actor", criterion: .assignable, severity: .info,
        summary: "Ingen ansvarig nämns i målet eller dess ingress.",
        summaryEnglish: "Nobody responsible is named in the goal or its lead-in.",
        rationale: "Den som ska följa upp målet behöver veta vem som äger det: kommunen, en nämnd, en förvaltning eller ett bolag.",
        rationaleEnglish: "Whoever follows up the goal needs to know who owns it: the municipality, a committee, an administration or a company.",
        examples: [
            RuleExample.fail("⟦Starta ett fjärde år på teknikprogrammet⟧.").with(actor: nil),
            .pass("Starta ett fjärde år på teknikprogrammet."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard r.goal.actor == nil else { return nil }
        return RuleHit(
            span: r.core,
            message: "ingen ansvarig nämns eller ärvs",
            messageEnglish: "no responsible actor is named or inherited",
            suggestion: "ange vem som ansvarar, t.ex. \"Barn- och utbildningsnämnden ska ...\"",
            suggestionEnglish: "name who is responsible, e.g. \"The education committee shall ...\"")
    }
}
