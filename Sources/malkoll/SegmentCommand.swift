import Foundation
import ArgumentParser
import MalkollCore

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a document into sentences and tokens (the language layer)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, layout }

    @Argument(help: "The document to read ('-' for standard input).")
    var file: String

    @Option(help: "Output format: json (spans in Unicode scalars), text (one sentence per line) or layout (one block per line).")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        try runReporting {
            let lexicons = try common.loadLexicons()
            let doc = try DocumentLoader.load(path: file, lexicons: lexicons, fingerprint: false)
            for w in doc.warnings { Output.error("malkoll: \(file): warning: \(w)") }
            let pipeline = try LanguagePipeline(lexicons: lexicons)
            pipeline.run(doc)
            if format == .json, output == nil || output == "-" {
                // Streamed: a 20 MB input would otherwise hold ~60 MB of JSON.
                try SegmentRenderer.writeJSON(doc) { try Output.writeStandardOutput($0) }
                try Output.flushStandardOutput()
                return 0
            }
            let bytes: [UInt8]
            switch format {
            case .json: bytes = SegmentRenderer.json(doc)
            case .text: bytes = SegmentRenderer.text(doc)
            case .layout: bytes = SegmentRenderer.layout(doc)
            }
            try Output.write(bytes, to: output)
            return 0
        }
    }
}
