/// What an input was read as (`document.format` in the JSON).
public enum SourceFormat: String, Sendable, CaseIterable, Codable {
    case text, markdown, html, docx, odt, pdf
}
