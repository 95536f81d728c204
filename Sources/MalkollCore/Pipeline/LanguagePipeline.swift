/// The language layer: layout (for plain text; other formats bring their
/// own blocks) and segmentation. One instance per thread.
public final class LanguagePipeline {
    public let lexicons: Lexicons
    private let layout: PlainTextLayout
    private let segmenter: Segmenter

    public init(lexicons: Lexicons) throws {
        self.lexicons = lexicons
        layout = try PlainTextLayout(lexicons: lexicons)
        segmenter = try Segmenter(lexicons: lexicons)
    }

    public func run(_ doc: Document) {
        if doc.format == .text && doc.blocks.isEmpty { layout.run(doc) }
        segmenter.run(doc)
    }
}
