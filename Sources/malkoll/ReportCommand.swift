import ArgumentParser
import MalkollCore

/// `malkoll report FILE... --output report.html`: the reviewer's page.
/// A bad input is reported on stderr and skipped; the page shows the others,
/// and the exit code is the worst one met (spec/cli.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One self-contained HTML page of the documents' goals and verdicts.",
        discussion: """
        The page needs no network and no other file: open it in any browser. It shows each \
        document's text with its goals marked in place (orange: vague, green: clear), one card \
        per goal with the five SMART verdicts and their reasons, targets, deadline, actor, program, \
        direction and findings, and a summary. Filters (only vague goals, program, direction, rule) \
        and keys (j/k between findings, n/p between goals) need JavaScript; reading does not.
        """
    )

    @Argument(help: "The documents to report on ('-' for standard input).")
    var files: [String]

    @Option(name: .shortAndLong, help: "Write the page to this file (written whole or not at all); standard output if omitted.")
    var output: String?

    @Option(help: "The page's heading.")
    var title: String?

    @Option(help: "The organisation issuing the documents, when they do not say it themselves.")
    var organisation: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one document.") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input ('-') can be read only once.") }
    }

    func run() throws {
        try runReporting {
            let analyzer = try Analyzer(lexicons: try common.loadLexicons(),
                                        options: AnalyzerOptions(organisation: organisation))
            var items: [(analysis: Analysis, document: Document)] = []
            var worst: Int32 = 0
            for file in files {
                do {
                    let doc = try DocumentLoader.load(path: file, lexicons: analyzer.lexicons)
                    for warning in doc.warnings { Output.error("malkoll: \(file): warning: \(warning)") }
                    items.append((try analyzer.analyze(doc), doc))
                } catch let e as MalkollError {
                    Output.error("malkoll: \(e.description)")
                    worst = max(worst, e.exitCode)
                }
            }
            guard !items.isEmpty else { return worst }
            var options = HTMLReport.Options(ruleSummaries: HTMLReport.builtInRuleSummaries)
            if let title { options.title = title }
            try Output.write(HTMLReport.render(items, options: options), to: output)
            return worst
        }
    }
}
