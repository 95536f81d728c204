import ArgumentParser
import Foundation
import MalkollCore

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    /// The least severity that fails the run, nil for never.
    var threshold: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        case .never: return nil
        }
    }
}

extension LintLanguage: ExpressibleByArgument {}

/// `malkoll lint FILE...`: the reviewer's view, one line per finding.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "The reviewer's view: one line per finding, like a compiler.",
        discussion: """
        Prints FILE:LINE:COL: severity: message [rule-id], sorted by position, then rule id. Exit 0 when no finding is at or above --fail-on, 1 when one is, 64-70 as spec/cli.md says; with several inputs, lint goes on past a bad one and exits with the worst code.

        Settings come from --config or the nearest .malkoll.toml above each document. Suppress findings in the document with <!-- malkoll-disable RULE -->, <!-- malkoll-enable RULE --> or <!-- malkoll-disable-next-line RULE --> (see `malkoll rules`).
        """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "Documents to lint ('-' reads standard input).")
    var files: [String]

    @Option(help: "Output format: text, json or sarif.")
    var format: LintFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: error, warning, info, never (default: warning, or fail-on in .malkoll.toml).")
    var failOn: FailOn?

    @Option(help: "Message language: sv (default) or en.")
    var lang: LintLanguage?

    @Option(help: "Configuration file to use instead of the nearest .malkoll.toml.")
    var config: String?

    @Option(help: "Report only findings that are not in this baseline file.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write the current findings to this baseline file (then exit 0 unless an input failed).")
    var writeBaseline: String?

    @Option(help: "The issuing organisation, when the document does not say it well.")
    var organisation: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    func run() throws {
        try runReporting {
            var worst: Int32 = 0
            let explicitConfig = try config.map { try loadConfig($0) }
            var configs: [String: MalkollConfig] = [:]
            var analyzers: [String: Analyzer] = [:]
            var all: [LintFinding] = []
            var suppressed = 0
            var firstConfig: MalkollConfig? = explicitConfig
            var settings = explicitConfig?.rules ?? RuleSettings()

            for file in files {
                do {
                    let cfg: MalkollConfig
                    if let explicitConfig {
                        cfg = explicitConfig
                    } else {
                        let dir = file == "-" ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                                              : URL(fileURLWithPath: file).deletingLastPathComponent()
                        if let found = MalkollConfig.find(from: dir) {
                            if let c = configs[found.path] { cfg = c } else {
                                cfg = try loadConfig(found.path)
                                configs[found.path] = cfg
                            }
                        } else {
                            cfg = MalkollConfig()
                        }
                    }
                    if firstConfig == nil, cfg.path != nil { firstConfig = cfg; settings = cfg.rules }
                    let key = (cfg.lexicons ?? common.lexicons ?? "") + "\u{0}" + (organisation ?? cfg.organisation ?? "")
                    let analyzer: Analyzer
                    if let a = analyzers[key] { analyzer = a } else {
                        let lexicons = try cfg.lexicons.map { try Lexicons.at($0) } ?? common.loadLexicons()
                        analyzer = try Analyzer(lexicons: lexicons, options: AnalyzerOptions(organisation: organisation ?? cfg.organisation))
                        analyzers[key] = analyzer
                    }
                    let bytes = try DocumentLoader.readBytes(path: file)
                    let doc = try DocumentLoader.load(bytes: bytes, source: file, lexicons: analyzer.lexicons)
                    let analysis = try analyzer.analyze(doc)
                    // Directives in the text apply where they stand; where the reader
                    // dropped them (Markdown and HTML comments), the raw file's apply to
                    // the goals found after them in it.
                    var suppressions = Suppressions.scan(doc.text)
                    var raw: String? = nil
                    if suppressions.isEmpty, doc.format != .text, file != "-" {
                        let source = String(decoding: bytes, as: UTF8.self)
                        if source.contains("malkoll-") {
                            suppressions = Suppressions.scan(source)
                            raw = source
                        }
                    }
                    let r = LintCollector.findings(analysis, doc: doc, file: file, settings: cfg.rules, suppressions: suppressions, rawSource: raw)
                    all += r.findings
                    suppressed += r.suppressed
                } catch let e as MalkollError {
                    Output.error("malkoll: \(e.description)")
                    worst = max(worst, e.exitCode)
                } catch let e as LexiconError {
                    Output.error("malkoll: lexicon error: \(e.description)")
                    worst = max(worst, 65)
                } catch let e as ConfigError {
                    Output.error("malkoll: configuration error: \(e.description)")
                    worst = max(worst, 64)
                }
            }

            all.sort(by: LintCollector.order)
            let language = lang ?? firstConfig?.lang.flatMap(LintLanguage.init(rawValue:)) ?? .sv
            var baselined = 0
            if let baseline {
                let b = try Baseline.load(path: baseline)
                let r = LintCollector.filter(all, baseline: b)
                all = r.new
                baselined = r.accepted
            }
            if let writeBaseline {
                try Output.write(LintCollector.baseline(of: all).json(), to: writeBaseline)
            }

            let bytes: [UInt8]
            switch format {
            case .text: bytes = LintTextRenderer.render(all, lang: language)
            case .json: bytes = LintJSONRenderer.render(all, files: files.count, lang: language)
            case .sarif: bytes = SARIFRenderer.render(all, lang: language, settings: settings)
            }
            try Output.write(bytes, to: output)
            Output.error(LintTextRenderer.summary(all, files: files.count, suppressed: suppressed, baselined: baselined, lang: language))

            let fail = failOn ?? firstConfig?.failOn.flatMap(FailOn.init(rawValue:)) ?? .warning
            if writeBaseline == nil, let threshold = fail.threshold, all.contains(where: { $0.severity >= threshold }) {
                worst = max(worst, 1)
            }
            return worst
        }
    }

    func loadConfig(_ path: String) throws -> MalkollConfig {
        try MalkollConfig.load(path: path, defaultLexicons: { try common.loadLexicons() })
    }
}
