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
    let lexicon: AnalysisLexicon
    let assessor: Assessor
    let fields: FieldReaders

    public init(lexicons: Lexicons, options: AnalyzerOptions = AnalyzerOptions()) throws {
        self.lexicons = lexicons
        self.options = options
        self.language = try LanguagePipeline(lexicons: lexicons)
        self.lexicon = try AnalysisLexicon(lexicons)
        self.assessor = try Assessor(lexicons: lexicons)
        self.fields = try FieldReaders(lexicons: lexicons)
    }

    /// Analyses a loaded document: runs the language layer, then the goal stages.
    public func analyze(_ doc: Document) throws -> Analysis {
        language.run(doc)
        let structure = StructureBuilder(lexicon: lexicon).build(doc)
        var reading = GoalReading(doc: doc, structure: structure, lexicon: lexicon, fields: fields, organisation: options.organisation)
        var goals = reading.run()
        for i in goals.indices {
            assessor.assess(&goals[i].goal, span: goals[i].span, indicator: goals[i].indicator, in: doc)
        }
        let info = DocumentInfo(source: doc.source, sha256: doc.sha256, format: doc.format, encoding: doc.encoding,
                                title: doc.title ?? structure.title(doc), organisation: reading.organisation,
                                characters: doc.offsets.scalarOffset(doc.utf16.count),
                                sentences: doc.sentences.count, tokens: doc.tokens.count, warnings: doc.warnings)
        return Analysis(document: info, goals: goals.map(\.goal))
    }

    /// The structure of a document (for `--structure` dumps and tests).
    func structure(_ doc: Document) -> DocumentStructure {
        language.run(doc)
        return StructureBuilder(lexicon: lexicon).build(doc)
    }

    /// The structure as a readable tree, one node a line with its line:column.
    public func structureDump(_ doc: Document) -> String {
        structure(doc).dump(doc)
    }
}
