/// specific.value-phrase: the goal is a bare value phrase with no verb
/// ("God service", "Ökat byggande för fler Luleåbor").
public struct ValuePhraseRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "specific.value-phrase", criterion: .specific, severity: .warning,
        summary: "Målet är en värdeformulering utan handling eller slutläge (\"God service\").",
        summaryEnglish: "The goal is a bare value phrase with no action or end state (\"Good service\").",
        rationale: "En rubrikliknande värdeformulering anger en önskan, inte vad som ska göras eller uppnås och av vem.",
        rationaleEnglish: "A heading-like value phrase states a wish, not what is to be done or achieved, nor by whom.",
        examples: [
            .fail("⟦God service på lika villkor⟧"),
            .fail("⟦Värdigt och effektivt flyktingmottagande⟧."),
            .fail("⟦Ökat byggande för fler invånare⟧"),
            .pass("Erbjuda aktiviteter med teknikinriktning för arbetssökande."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard case .valuePhrase? = r.specificDefect else { return nil }
        let q = r.quotedCore
        return RuleHit(
            span: r.core,
            message: "\"\(q)\" är en värdeformulering utan handling eller slutläge",
            messageEnglish: "\"\(q)\" is a value phrase with no action or end state",
            suggestion: "skriv vem som ska göra vad och hur resultatet prövas, t.ex. \"kommunen ska ... så att minst X ... senast ÅÅÅÅ\"",
            suggestionEnglish: "write who is to do what and how the result is checked, e.g. \"the municipality shall ... so that at least X ... by YYYY\"")
    }
}
