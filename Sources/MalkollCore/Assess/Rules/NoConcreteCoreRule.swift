/// specific.no-concrete-core: the goal has a verb, but neither a deliverable
/// nor an end state that a reader could check.
public struct NoConcreteCoreRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "specific.no-concrete-core", criterion: .specific, severity: .warning,
        summary: "Målet anger ingen konkret leverans eller något slutläge.",
        summaryEnglish: "The goal names no concrete deliverable and no end state.",
        rationale: "Ett mål är specifikt när två läsare skulle vara överens om vad som räknas. Utan en leverans eller ett slutläge går det inte.",
        rationaleEnglish: "A goal is specific when two readers would agree on what counts. Without a deliverable or an end state they cannot.",
        examples: [
            .fail("⟦Kommunen ska vara en attraktiv arbetsgivare⟧."),
            .fail("⟦Luleåregionen ska vara ett nav för kunskap⟧."),
            .pass("Chefers förutsättningar ska analyseras."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard case .noConcreteCore? = r.specificDefect else { return nil }
        return RuleHit(
            span: r.core,
            message: "anger ingen konkret leverans eller något slutläge som går att pröva",
            messageEnglish: "names no concrete deliverable or end state that could be checked",
            suggestion: "skriv vad som ska vara gjort eller uppnått, t.ex. en leverans (\"införa ...\", \"starta ...\") eller ett mått (\"minst X % senast ÅÅÅÅ\")",
            suggestionEnglish: "write what is to be done or achieved, e.g. a deliverable (\"introduce ...\", \"start ...\") or a measure (\"at least X % by YYYY\")")
    }
}
