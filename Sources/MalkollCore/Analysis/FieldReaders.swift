/// The bridge to the number and time readers of `Extract/` (targets,
/// deadlines, recurrences): everything the analyzer reads about quantities
/// and time goes through here.
final class FieldReaders {
    /// Whether the target reader is plugged in (the target bars apply).
    static let targetsPlugged = true

    private let targetReader: TargetReader
    private let timeReader: TimeReader

    init(lexicons: Lexicons) throws {
        targetReader = try TargetReader(lexicons: lexicons)
        timeReader = try TimeReader(lexicons: lexicons)
    }

    func targets(_ doc: Document, _ range: Range<Int>) -> [Target] {
        targetReader.read(doc, range)
    }

    func time(_ doc: Document, _ range: Range<Int>) -> TimeReading {
        timeReader.read(doc, range)
    }
}
