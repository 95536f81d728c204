/// relevant.no-program: the goal sits under no program, area or direction.
public struct NoProgramRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "relevant.no-program", criterion: .relevant, severity: .info,
        summary: "Målet står inte under något program, målområde eller någon inriktning.",
        summaryEnglish: "The goal sits under no program, goal area or scorecard direction.",
        rationale: "Ett mål som inte hör till något program eller någon inriktning i styrmodellen blir svårt att prioritera och följa upp.",
        rationaleEnglish: "A goal that belongs to no program or direction of the steering model is hard to prioritise and follow up.",
        examples: [
            RuleExample.fail("⟦Starta ett fjärde år på teknikprogrammet⟧.").with(program: nil),
            .pass("Starta ett fjärde år på teknikprogrammet."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard r.goal.program == nil, r.goal.direction == nil else { return nil }
        return RuleHit(
            span: r.core,
            message: "står inte under något program, målområde eller någon inriktning",
            messageEnglish: "sits under no program, goal area or direction",
            suggestion: "placera målet under ett program eller en inriktning i styrmodellen",
            suggestionEnglish: "place the goal under a program or direction of the steering model")
    }
}
