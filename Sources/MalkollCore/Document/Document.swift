import Foundation

/// The document owns the decoded text; everything else is a view on it
/// (blocks, tokens, sentences, and the analysis layers built later).
/// Internally every offset is a UTF-16 offset into `utf16`; `offsets`
/// converts to Unicode scalars and line:column at the edge.
public final class Document: @unchecked Sendable {
    /// The path as given on the command line ("-" for standard input).
    public let source: String
    /// sha256 of the input file's bytes, lower-case hex (empty when the
    /// loader was asked not to fingerprint).
    public let sha256: String
    public let format: SourceFormat
    /// The detected source encoding ("utf-8", "utf-16le", "windows-1252", ...).
    public let encoding: String
    /// The decoded (or extracted) text that every offset points into, as
    /// UTF-16 code units: the coordinate system of every range.
    public let utf16: [UInt16]
    /// The same text as a String, made when asked for (only the HTML report
    /// needs it whole; building it eagerly cost a tenth of `segment`).
    public var text: String { String(utf16Units: utf16) }
    public let offsets: OffsetMap
    /// A title, when the format says so (HTML <title>, DOCX core properties).
    public var title: String?
    /// Layout blocks in text order.
    public var blocks: [Block] = []
    public var tokens: [Token] = []
    public var sentences: [Sentence] = []
    /// Things a person should know that are not errors ("invalid UTF-8 read as windows-1252").
    public var warnings: [String] = []

    /// Give the text as `utf16` units or, when that is nil, as `text`.
    public init(source: String, sha256: String, format: SourceFormat, encoding: String, text: String = "",
                utf16: [UInt16]? = nil, blocks: [Block] = [], title: String? = nil) {
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        let units = utf16 ?? Array(text.utf16)
        self.utf16 = units
        self.offsets = OffsetMap(units)
        self.blocks = blocks
        self.title = title
    }

    /// The text of a UTF-16 range, as it stands.
    public func string(_ range: Range<Int>) -> String {
        utf16.withUnsafeBufferPointer { buf in
            String(decoding: UnsafeBufferPointer(rebasing: buf[range.clamped(to: 0..<buf.count)]), as: UTF16.self)
        }
    }

    public func string(_ token: Token) -> String { string(token.range) }
    public func string(_ sentence: Sentence) -> String { string(sentence.range) }

    /// The tokens of a sentence.
    public func tokens(of sentence: Sentence) -> ArraySlice<Token> {
        tokens[Int(sentence.tokens.lowerBound)..<Int(sentence.tokens.upperBound)]
    }
}
