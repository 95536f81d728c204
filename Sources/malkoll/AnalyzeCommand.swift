import ArgumentParser
import MalkollCore

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze documents: goals, targets, deadlines, actors, program, direction, SMART verdicts, findings."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, csv, html }

    @Argument(help: "The documents to read ('-' for standard input).")
    var files: [String]

    @Option(help: "Output format: text (a readable summary per goal), json (one object; several files: an array), jsonl (one object per line), csv (one row per goal) or html (the report).")
    var format: Format = .text

    @Option(help: "The organisation issuing the documents, when the documents do not say it clearly.")
    var organisation: String?

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @Flag(help: "Print each document's structure (headings, lead-ins, items with line:column) instead of its goals.")
    var structure = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE ('-' for standard input)") }
    }

    func run() throws {
        try runReporting {
            let lexicons = try common.loadLexicons()
            let analyzer = try Analyzer(lexicons: lexicons, options: AnalyzerOptions(organisation: organisation))
            var results: [(analysis: Analysis, document: Document)] = []
            var worst: Int32 = 0
            for file in files {
                do {
                    let doc = try DocumentLoader.load(path: file, lexicons: analyzer.lexicons)
                    for w in doc.warnings { Output.error("malkoll: \(file): warning: \(w)") }
                    if structure {
                        try Output.write(Array(analyzer.structureDump(doc).utf8), to: nil)
                        continue
                    }
                    results.append((try analyzer.analyze(doc), doc))
                } catch let e as MalkollError {
                    // Go on past a bad input; the exit code is the worst one.
                    Output.error("malkoll: \(e.description)")
                    worst = max(worst, e.exitCode)
                }
            }
            if results.isEmpty { return worst }
            let analyses = results.map(\.analysis)
            let bytes: [UInt8]
            switch format {
            case .json: bytes = files.count == 1 ? AnalysisRenderer.json(analyses[0]) : AnalysisRenderer.jsonArray(analyses)
            case .jsonl: bytes = AnalysisRenderer.jsonl(analyses)
            case .csv: bytes = AnalysisRenderer.csv(analyses)
            case .text: bytes = AnalysisRenderer.text(analyses)
            case .html: bytes = HTMLReport.render(results)
            }
            try Output.write(bytes, to: output)
            return worst
        }
    }
}
