/// measurable.no-quantity: no number, no named measurement and no
/// deliverable that is plainly done or not.
public struct NoQuantityRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "measurable.no-quantity", criterion: .measurable, severity: .warning,
        summary: "Målet har inget målvärde, ingen namngiven mätning och ingen leverans som är klar eller inte.",
        summaryEnglish: "The goal has no target value, no named measurement and no deliverable that is plainly done or not.",
        rationale: "Ett mål är mätbart när det har ett tal (\"minst 35 %\"), en befintlig mätning (\"SKL:s mätning ... övre kvartilen\") eller en leverans som antingen är gjord eller inte (\"starta\", \"införa\").",
        rationaleEnglish: "A goal is measurable when it has a number (\"at least 35 %\"), an existing measurement (\"SKL's survey ... top quartile\") or a deliverable that is either done or not (\"start\", \"introduce\").",
        examples: [
            .fail("⟦Skapa förutsättningar för etableringsverksamhet av företag⟧."),
            .fail("⟦Rekrytera mångkulturellt⟧."),
            .pass("Verka för ett förbättrat företagsklimat, där SKL:s mätning av företagsklimatet används."),
            .pass("Bedriva verksamheten inom tilldelad budget."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard !r.isMeasurable, r.trendPhrase == nil else { return nil }
        let year = r.goal.deadline.map { String($0.date.prefix(4)) } ?? "2026"
        let what = r.complementPhrase.map { " för \"\(Quote.short(r.text(range: $0)))\"" } ?? ""
        let whatEnglish = r.complementPhrase.map { " for \"\(Quote.short(r.text(range: $0)))\"" } ?? ""
        return RuleHit(
            span: r.core,
            message: "saknar mätbart mål: inget tal, ingen namngiven mätning och ingen leverans som är klar eller inte",
            messageEnglish: "no measurable target: no number, no named measurement and no deliverable that is done or not",
            suggestion: "ange ett mätbart mål\(what), t.ex. \"minst 40 % senast \(year)\", eller en leverans som går att pröva",
            suggestionEnglish: "state a measurable target\(whatEnglish), e.g. \"at least 40 % by \(year)\", or a deliverable that can be checked")
    }
}
