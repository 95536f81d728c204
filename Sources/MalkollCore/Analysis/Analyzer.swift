/// Options that change what the analyzer reads (from the command line or
/// `.malkoll.toml`).
public struct AnalyzerOptions: Sendable {
    /// The organisation issuing the document, when the user knows it better
    /// than the document says (`--organisation`).
    public var organisation: String?
    public init(organisation: String? = nil) {
        self.organisation = organisation
    }
}

/// Goal extraction and SMART assessment over a segmented document.
/// One instance per thread (it holds ICU iterators through the pipeline).
public final class Analyzer {
    public let lexicons: Lexicons
    public let options: AnalyzerOptions
    public let language: LanguagePipeline

    public init(lexicons: Lexicons, options: AnalyzerOptions = AnalyzerOptions()) throws {
        self.lexicons = lexicons
        self.options = options
        self.language = try LanguagePipeline(lexicons: lexicons)
    }

    /// Analyses a loaded document: runs the language layer, then the goal stages.
    public func analyze(_ doc: Document) throws -> Analysis {
        language.run(doc)
        let info = DocumentInfo(source: doc.source, sha256: doc.sha256, format: doc.format, encoding: doc.encoding,
                                title: doc.title, organisation: options.organisation,
                                characters: doc.offsets.scalarOffset(doc.utf16.count),
                                sentences: doc.sentences.count, tokens: doc.tokens.count, warnings: doc.warnings)
        // The goal stages come here (issue 3).
        return Analysis(document: info, goals: [])
    }
}
