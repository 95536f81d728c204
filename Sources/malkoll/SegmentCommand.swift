import ArgumentParser
import MalkollCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a document into sentences and tokens (the language layer)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text }

    @Argument(help: "The document to read ('-' for standard input).")
    var file: String

    @Option(help: "Output format: json (spans in Unicode scalars) or text (one sentence per line).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try runReporting {
            let lexicons = try common.loadLexicons()
            let doc = try DocumentLoader.load(path: file)
            for w in doc.warnings { Output.error("malkoll: \(file): warning: \(w)") }
            let pipeline = try LanguagePipeline(lexicons: lexicons)
            pipeline.run(doc)
            try Output.write(format == .json ? SegmentRenderer.json(doc) : SegmentRenderer.text(doc), to: output)
            return 0
        }
    }
}
