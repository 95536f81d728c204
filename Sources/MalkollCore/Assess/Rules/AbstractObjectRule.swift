/// specific.abstract-object: a concrete verb whose object is a quality or
/// process ("skapa yrkesmedvetenhet", "genomföra programmens intentioner").
public struct AbstractObjectRule: SmartRule {
    public init() {}

    public let description = RuleDescription(
        id: "specific.abstract-object", criterion: .specific, severity: .warning,
        summary: "Verbet är konkret men objektet abstrakt (tillväxt, kvalitet, samverkan ...).",
        summaryEnglish: "The verb is concrete but its object is abstract (growth, quality, cooperation ...).",
        rationale: "\"Skapa en mötesplats\" går att pröva; \"skapa yrkesmedvetenhet\" gör det inte. Ett abstrakt objekt behöver en konkret leverans eller ett mått.",
        rationaleEnglish: "\"Create a meeting place\" can be checked; \"create vocational awareness\" cannot. An abstract object needs a concrete deliverable or a measure.",
        examples: [
            .fail("Skapa ⟦yrkesmedvetenhet⟧ hos elever och deltagare."),
            .fail("Genomföra programmens ⟦intentioner⟧ med särskilt fokus på avgörande faktorer."),
            .fail("Chefer ska ges rätt ⟦förutsättningar⟧ för att utöva gott ledarskap."),
            .pass("Skapa en mötesplats för unga entreprenörer."),
            .pass("Starta ett samarbete med universitetet."),
            .pass("Erbjuda kinesiska som språkval på högstadiet."),
        ])

    public func check(_ r: SmartReading) -> RuleHit? {
        guard case let .abstractObject(a)? = r.specificDefect else { return nil }
        let word = r.text(a..<a + 1)
        return RuleHit(
            span: r.words[a].range,
            message: "\"\(word)\" är ett abstrakt objekt som inte går att räkna eller peka på",
            messageEnglish: "\"\(word)\" is an abstract object that cannot be counted or pointed to",
            suggestion: "ersätt \"\(word)\" med det konkreta som ska finnas eller göras (en aktivitet, en tjänst, ett antal)",
            suggestionEnglish: "replace \"\(word)\" with the concrete thing that is to exist or be done (an activity, a service, a number)")
    }
}
