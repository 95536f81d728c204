/// A span of `Document.utf16` (end exclusive).
public protocol TextSpan {
    var start: Int32 { get }
    var end: Int32 { get }
}

/// A token: a small index-based value into `Document.utf16` (end exclusive).
/// A token may span whitespace when it is one word in Swedish ("10 000",
/// "t ex", a word hyphenated at a line end).
public struct Token: TextSpan, Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation, abbreviation, symbol, email, url, other
    }
    public var start: Int32
    public var end: Int32
    public var kind: Kind

    public init(start: Int32, end: Int32, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// A sentence: a span inside one block.
public struct Sentence: TextSpan, Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    /// Index into `Document.blocks`.
    public var block: Int32
    /// Index range into `Document.tokens`.
    public var tokens: Range<Int32>

    public init(start: Int32, end: Int32, block: Int32, tokens: Range<Int32>) {
        self.start = start
        self.end = end
        self.block = block
        self.tokens = tokens
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}
