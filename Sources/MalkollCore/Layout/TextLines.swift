/// One physical line of plain text, as UTF-16 offsets into the document.
struct TextLine {
    /// Where the line starts and where its line break starts.
    var start: Int
    var end: Int
    /// The first and one past the last non-space unit (equal when blank).
    var contentStart: Int
    var contentEnd: Int
    /// Indentation in columns (a tab counts 4).
    var indent: Int
    /// A form feed (page break) stands in the line.
    var hasFormFeed: Bool

    var isBlank: Bool { contentStart == contentEnd }
    /// Length up to the last non-space unit, counted from the line start.
    var width: Int { contentEnd - start }
    /// The line ends in a space before its break (fold -s, format=flowed).
    var hasTrailingSpace: Bool { end > contentEnd }
}

enum TextLines {
    /// Splits `u` into lines at LF, CRLF, CR, U+2028 and U+2029.
    static func scan(_ u: UnsafeBufferPointer<UInt16>) -> [TextLine] { scan(u, 0..<u.count) }

    /// The lines of `range`, which starts at a line start and ends after a
    /// line break or at the end of the text.
    static func scan(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> [TextLine] {
        var lines: [TextLine] = []
        lines.reserveCapacity(range.count / 60 + 1)
        var i = range.lowerBound
        let n = range.upperBound
        while i <= n {
            let start = i
            var indent = 0
            var formFeed = false
            while i < n, Chars.isSpace(u[i]) {
                if u[i] == 0x0C { formFeed = true }
                indent += u[i] == 0x09 ? 4 : 1
                i += 1
            }
            let contentStart = i
            var contentEnd = i
            while i < n {
                let c = u[i]
                // Most units are neither space nor line break (the spaces
                // above U+0020 are U+00A0 and U+2007...).
                if c > 0x20, c < 0x2007, c != 0xA0 { contentEnd = i + 1; i += 1; continue }
                if c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 { break }
                if c == 0x0C { formFeed = true }
                if !Chars.isSpace(c) { contentEnd = i + 1 }
                i += 1
            }
            if contentEnd < contentStart { contentEnd = contentStart }
            lines.append(TextLine(start: start, end: i, contentStart: contentStart, contentEnd: contentEnd,
                                  indent: indent, hasFormFeed: formFeed))
            if i >= n { break }
            if u[i] == 0x0D, i + 1 < n, u[i + 1] == 0x0A { i += 1 }
            i += 1
            if i == n { break }
        }
        return lines
    }
}
