/// The documentation of the rules, generated from their descriptions so it
/// cannot drift: `malkoll rules`, `malkoll rules ID` and SARIF help text.
public enum RuleDocs {
    static func t(_ lang: LintLanguage, _ sv: String, _ en: String) -> String { lang == .en ? en : sv }

    static func firstExample(_ d: RuleDescription, passing: Bool) -> String? {
        d.examples.first { $0.passes == passing }?.text
    }

    /// `malkoll rules`: every rule with id, severity, what it checks and a
    /// passing and a failing example.
    public static func list(lang: LintLanguage, settings: RuleSettings = RuleSettings(), profiles: CriteriaProfiles? = nil) -> String {
        var out = ""
        for rule in SmartRules.all {
            let d = rule.description
            let state = settings.enables(d) ? settings.severity(of: d).rawValue : t(lang, "av", "off")
            out += "\(d.id)  [\(state)]  \(criterionLabel(d.criterion, lang: lang, settings: settings, profiles: profiles))\n"
            out += "  \(t(lang, d.summary, d.summaryEnglish))\n"
            if let p = firstExample(d, passing: true) { out += "  \(t(lang, "godkänt:", "passes:")) \(p)\n" }
            if let f = firstExample(d, passing: false) { out += "  \(t(lang, "fynd:   ", "finding:")) \(f)\n" }
            out += "\n"
        }
        out += t(lang, "⟦ ⟧ markerar det som fyndet pekar på. Mer om en regel: malkoll rules ID\n",
                 "⟦ ⟧ marks what the finding points at. More on one rule: malkoll rules ID\n")
        return out
    }

    /// `malkoll rules ID`: one rule in full.
    public static func explain(_ d: RuleDescription, lang: LintLanguage, settings: RuleSettings = RuleSettings(), profiles: CriteriaProfiles? = nil) -> String {
        var out = "\(d.id)\n"
        out += "  \(t(lang, "kriterium", "criterion")): \(criterionLabel(d.criterion, lang: lang, settings: settings, profiles: profiles))\n"
        out += "  \(t(lang, "allvarlighet", "severity")): \(d.severity.rawValue)"
        if settings.severity(of: d) != d.severity { out += " (\(t(lang, "konfigurerad", "configured")): \(settings.severity(of: d).rawValue))" }
        if !settings.enables(d) { out += " (\(t(lang, "avstängd", "disabled")))" }
        out += "\n\n  \(t(lang, d.summary, d.summaryEnglish))\n\n  \(t(lang, d.rationale, d.rationaleEnglish))\n\n"
        for e in d.examples {
            out += "  \(e.passes ? t(lang, "godkänt:", "passes: ") : t(lang, "fynd:   ", "finding:")) \(e.text)\(context(e, lang: lang))\n"
        }
        out += "\n  " + t(lang, "Stäng av i .malkoll.toml: [rules] \"\(d.id)\" = \"off\", eller i dokumentet: <!-- malkoll-disable \(d.id) -->\n",
                          "Turn off in .malkoll.toml: [rules] \"\(d.id)\" = \"off\", or in the document: <!-- malkoll-disable \(d.id) -->\n")
        return out
    }

    /// SARIF help: the rationale and the examples.
    public static func help(_ d: RuleDescription, lang: LintLanguage) -> (text: String, markdown: String) {
        var text = t(lang, d.rationale, d.rationaleEnglish)
        var md = "**\(t(lang, d.summary, d.summaryEnglish))**\n\n\(t(lang, d.rationale, d.rationaleEnglish))\n"
        if let p = firstExample(d, passing: true) {
            text += "\n" + t(lang, "Godkänt: ", "Passes: ") + p
            md += "\n- \(t(lang, "Godkänt", "Passes")): \(p)"
        }
        if let f = firstExample(d, passing: false) {
            text += "\n" + t(lang, "Fynd: ", "Finding: ") + f
            md += "\n- \(t(lang, "Fynd", "Finding")): \(f.replacingOccurrences(of: "⟦", with: "**").replacingOccurrences(of: "⟧", with: "**"))"
        }
        return (text, md + "\n")
    }

    static func context(_ e: RuleExample, lang: LintLanguage) -> String {
        var missing: [String] = []
        if e.actor == nil { missing.append(t(lang, "utan ansvarig", "no actor")) }
        if e.program == nil { missing.append(t(lang, "utan program", "no program")) }
        if e.deadline == nil { missing.append(t(lang, "utan tidsgräns", "no deadline")) }
        return missing.isEmpty ? "" : "  (\(missing.joined(separator: ", ")))"
    }

    static func criterionLabel(_ c: Criterion, lang: LintLanguage, settings: RuleSettings, profiles: CriteriaProfiles?) -> String {
        var s = c.rawValue
        if let labels = profiles?.labels(of: c, in: settings.profile), !labels.isEmpty, settings.profile != "smart" {
            s += " (\(settings.profile): \(labels.joined(separator: ", ")))"
        }
        return s
    }
}
