import ArgumentParser
import Foundation
import MalkollCore

/// `malkoll rules [RULE-ID]`: the rules, generated from their own descriptions.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the SMART rules, or explain one.",
        discussion: "Without an id: every rule with its id, severity, what it checks and a passing and a failing example. With an id (in full, or its last part such as vague-verb): the rule in full.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "A rule id, e.g. specific.vague-verb or vague-verb.")
    var rule: String?

    @Option(help: "Language: sv (default) or en.")
    var lang: LintLanguage = .sv

    @Option(help: "Show the rules as configured by this .malkoll.toml (profile, severities, rules off).")
    var config: String?

    func run() throws {
        try runReporting {
            do {
                let cfg = try config.map { path in try MalkollConfig.load(path: path, defaultLexicons: { try common.loadLexicons() }) }
                let lexicons = try cfg?.lexicons.map { try Lexicons.at($0) } ?? common.loadLexicons()
                let profiles = try? CriteriaProfiles(lexicons)
                let settings = cfg?.rules ?? RuleSettings()
                let text: String
                if let rule {
                    guard let r = SmartRules.rule(rule) else {
                        throw MalkollError.usage("unknown rule \"\(rule)\"; known: \(SmartRules.ids.joined(separator: ", "))")
                    }
                    text = RuleDocs.explain(r.description, lang: lang, settings: settings, profiles: profiles)
                } else {
                    text = RuleDocs.list(lang: lang, settings: settings, profiles: profiles)
                }
                try Output.write(Array(text.utf8), to: nil)
                return 0
            } catch let e as ConfigError {
                Output.error("malkoll: configuration error: \(e.description)")
                return 64
            }
        }
    }
}
