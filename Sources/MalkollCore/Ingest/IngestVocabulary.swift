import Foundation

/// The word lists the format readers use, built from `Lexicons/sv`:
/// `html-furniture.tsv` (elements, roles and class words of page
/// furniture), `furniture.tsv` (navigation phrases of web pages, shared
/// with the plain-text layout) and `compound-conjunctions.tsv` (words after
/// which a line-end hyphen is the writer's: "kultur- och", shared with the
/// tokenizer).
struct IngestVocabulary: Sendable {
    var furnitureElements: Set<String> = []
    var furnitureRoles: Set<String> = []
    var furnitureClassWords: [String] = []
    var boilerplate = FurnitureCues()
    var hyphenCoordinators: Set<String> = []

    init() {}

    init(_ lexicons: Lexicons) throws {
        let furniture = try lexicons.table("html-furniture.tsv")
        let kindColumn = furniture.column("match") ?? 0
        let valueColumn = furniture.column("value") ?? 1
        for row in furniture.rows {
            let value = row[valueColumn].lowercased()
            switch row[kindColumn] {
            case "element": furnitureElements.insert(value)
            case "role": furnitureRoles.insert(value)
            case "class": furnitureClassWords.append(value)
            default: throw furniture.error(row, column: kindColumn, "match must be element, role or class, not \"\(row[kindColumn])\"")
            }
        }
        boilerplate = try FurnitureCues(lexicons: lexicons)
        hyphenCoordinators = Set(try lexicons.words("compound-conjunctions.tsv").map { $0.lowercased() })
    }

    /// The vocabulary of `lexicons`, or of the default set when none is given.
    /// A missing default set leaves the lists empty (the readers still work,
    /// with less furniture removed); a malformed file is an error.
    static func load(_ lexicons: Lexicons?) throws -> IngestVocabulary {
        if let lexicons { return try lexicons.view("ingest") { try IngestVocabulary($0) } }
        return try defaultVocabulary.get()
    }

    private static let defaultVocabulary: Result<IngestVocabulary, Error> = {
        guard let lexicons = try? Lexicons.defaultSet() else { return .success(IngestVocabulary()) }
        return Result { try IngestVocabulary(lexicons) }
    }()

    /// Lower case, white space collapsed: the form boilerplate is compared in.
    static func key(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A navigation phrase of `furniture.tsv` ("Tillbaka upp", "... öppnas i nytt fönster").
    func isBoilerplate(_ text: String) -> Bool {
        let u = Array(text.utf16)
        return u.withUnsafeBufferPointer { boilerplate.matches($0, 0, u.count) }
    }
}
