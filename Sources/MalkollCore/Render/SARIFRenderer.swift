import Foundation

/// `lint --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it:
/// the rules with descriptions, help text and default level under
/// `tool.driver.rules`, each result with its rule, level, message, region
/// (line/column and character offset/length, in Unicode code points) and a
/// partial fingerprint keyed on rule and goal text.
public enum SARIFRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    public static func render(_ findings: [LintFinding], lang: LintLanguage, settings: RuleSettings = RuleSettings()) -> [UInt8] {
        let rules = SmartRules.all.map(\.description)
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("$schema"); w.string(schemaURI)
        w.key("version"); w.string("2.1.0")
        w.key("runs"); w.beginArray()
        w.beginObject()
        w.key("tool"); w.beginObject()
        w.key("driver"); w.beginObject()
        w.key("name"); w.string("malkoll")
        w.key("semanticVersion"); w.string(MalkollVersion.string)
        w.key("language"); w.string(lang.rawValue)
        w.key("rules"); w.beginArray()
        for d in rules {
            w.beginObject()
            w.key("id"); w.string(d.id)
            w.key("name"); w.string(ruleName(d.id))
            w.key("shortDescription"); w.beginObject(); w.key("text"); w.string(lang == .en ? d.summaryEnglish : d.summary); w.endObject()
            w.key("fullDescription"); w.beginObject(); w.key("text"); w.string(lang == .en ? d.rationaleEnglish : d.rationale); w.endObject()
            let help = RuleDocs.help(d, lang: lang)
            w.key("help"); w.beginObject()
            w.key("text"); w.string(help.text)
            w.key("markdown"); w.string(help.markdown)
            w.endObject()
            w.key("defaultConfiguration"); w.beginObject()
            w.key("enabled"); w.bool(settings.enables(d))
            w.key("level"); w.string(level(settings.severity(of: d)))
            w.endObject()
            w.key("properties"); w.beginObject()
            w.key("tags"); w.beginArray(); w.string("smart"); w.string(d.criterion.rawValue); w.endArray()
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()  // driver
        w.endObject()  // tool
        w.key("columnKind"); w.string("unicodeCodePoints")
        w.key("results"); w.beginArray()
        for f in findings {
            let l = f.finding.location
            w.beginObject()
            w.key("ruleId"); w.string(f.rule)
            if let i = index[f.rule] { w.key("ruleIndex"); w.int(i) }
            w.key("level"); w.string(level(f.severity))
            w.key("message"); w.beginObject(); w.key("text"); w.string(f.fullMessage(lang)); w.endObject()
            w.key("locations"); w.beginArray()
            w.beginObject()
            w.key("physicalLocation"); w.beginObject()
            w.key("artifactLocation"); w.beginObject(); w.key("uri"); w.string(uri(f.file)); w.endObject()
            w.key("region"); w.beginObject()
            w.key("startLine"); w.int(l.line)
            w.key("startColumn"); w.int(l.column)
            w.key("endLine"); w.int(f.endLine)
            w.key("endColumn"); w.int(f.endColumn)
            w.key("charOffset"); w.int(l.start)
            w.key("charLength"); w.int(l.end - l.start)
            w.endObject()
            w.endObject()
            w.endObject()
            w.endArray()
            w.key("partialFingerprints"); w.beginObject()
            w.key("malkollGoal/v1"); w.string(f.fingerprint)
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }

    /// "specific.vague-verb" -> "SpecificVagueVerb".
    static func ruleName(_ id: String) -> String {
        id.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A relative URI reference for a path (percent-encoded).
    static func uri(_ path: String) -> String {
        var p = path
        if p.hasPrefix("./") { p.removeFirst(2) }
        return p.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? p
    }
}
