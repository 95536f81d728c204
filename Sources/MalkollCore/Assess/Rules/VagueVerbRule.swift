/// specific.vague-verb: the goal's core is an effort or process verb
/// ("verka för", "stärka", "utveckla") with no deliverable or end state.
public struct VagueVerbRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "specific.vague-verb", criterion: .specific, severity: .warning,
        summary: "Målets kärna är ett insats- eller processverb (verka för, stärka, utveckla ...) utan konkret resultat.",
        summaryEnglish: "The goal's core is an effort or process verb (work towards, strengthen, develop ...) with no concrete result.",
        rationale: "Ett verb som \"verka för\" eller \"stärka\" säger att något ska göras, inte vad som ska vara uppnått. Två läsare kan inte enas om när målet är nått.",
        rationaleEnglish: "A verb such as \"verka för\" (work towards) or \"stärka\" (strengthen) says that something is to be done, not what is to be achieved. Two readers cannot agree when the goal is met.",
        examples: [
            .fail("⟦Stimulera⟧ utvecklade företagsnätverk och samverkan mellan branscher."),
            .fail("⟦Verka för⟧ att Luleå ska vara ledande handelsstad i Norrland."),
            .fail("Kommunen ska ⟦stärka⟧ kvaliteten i äldreomsorgen."),
            // The weakest of coordinated verb phrases decides.
            .fail("Erbjuda läxhjälp på alla skolor och ⟦stärka⟧ samarbetet med föräldrarna."),
            .pass("Verka för att minst 35 % av eleverna läser tekniska utbildningar.", targets: ["minst 35 %"]),
            .pass("Verka för etablering av en institution för dans."),
            .pass("Starta ett fjärde år på teknikprogrammet."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard case let .vagueVerb(w)? = r.specificDefect else { return nil }
        let verb = r.text(w)
        let phrase = r.complementPhrase.map { "\(verb) \(Quote.short(r.text(range: $0)))" } ?? verb
        let year = r.goal.deadline.map { String($0.date.prefix(4)) } ?? "2026"
        return RuleHit(
            span: r.range(w),
            message: "\"\(verb)\" anger en insats, inte ett resultat",
            messageEnglish: "\"\(verb)\" states an effort, not a result",
            suggestion: "skriv vad \"\(phrase)\" ska leda till: en leverans (starta, införa, erbjuda + vad) eller ett mätbart slutläge, t.ex. \"minst 40 % senast \(year)\"",
            suggestionEnglish: "write what \"\(phrase)\" is to lead to: a deliverable (start, introduce, offer + what) or a measurable end state, e.g. \"at least 40 % by \(year)\"")
    }
}
