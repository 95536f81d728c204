/// The extract readers' own view of a stretch of text: letter runs, digit
/// runs and single symbols, each with its UTF-16 range and the space before
/// it. Numbers are assembled from these by `NumberReader` ("10 000", "1,2",
/// "3:e", "100K"), so the readers see the same pieces whatever the segmenter
/// made of them, and every offset stays exact.
struct ScanToken {
    enum Kind { case word, digits, symbol }
    /// What separates a token from the one before it.
    enum Gap: Int, Comparable {
        /// Written straight after the previous token ("35%", "F21", "3:e").
        case none = 0
        /// One space on the same line ("10 000").
        case space = 1
        /// More space, a line break, or the start of the text.
        case wide = 2
        static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
    }

    let range: Range<Int>
    let kind: Kind
    let text: String
    /// Lower-cased text, for lexicon look-ups.
    let lower: String
    let gap: Gap

    var isDigits: Bool { kind == .digits }
    var isWord: Bool { kind == .word }
    /// Clause punctuation: what a comparator or a phrase does not reach across.
    var isClauseBreak: Bool {
        kind == .symbol && [",", ";", ":", ".", "!", "?", "(", ")", "•", "–", "—"].contains(text)
    }
}

enum TextScan {
    /// Tokens of `utf16[range]`. A hyphen between letters stays inside the
    /// word ("Nöjd-Kund-Index", "HR-strategin"); a soft hyphen is dropped
    /// from the word's text.
    static func tokens(_ utf16: [UInt16], _ range: Range<Int>) -> [ScanToken] {
        var out: [ScanToken] = []
        let r = range.clamped(to: 0..<utf16.count)
        var i = r.lowerBound
        var gap = ScanToken.Gap.wide
        while i < r.upperBound {
            let (scalar, width) = decode(utf16, i, r.upperBound)
            if isSpace(scalar) {
                let newline = scalar.value == 0x0A || scalar.value == 0x0D || scalar.value == 0x2028 || scalar.value == 0x2029
                gap = (gap == .none && !newline && i == (out.last?.range.upperBound ?? -1)) ? .space : .wide
                i += width
                continue
            }
            let start = i
            let kind: ScanToken.Kind
            if isDigit(scalar) {
                kind = .digits
                i += width
                while i < r.upperBound, isDigit(decode(utf16, i, r.upperBound).0) { i += 1 }
            } else if scalar.properties.isAlphabetic {
                kind = .word
                i += width
                while i < r.upperBound {
                    let (s, w) = decode(utf16, i, r.upperBound)
                    if s.properties.isAlphabetic && !isDigit(s) || s.value == 0xAD {
                        i += w
                    } else if isHyphen(s), i + w < r.upperBound,
                              decode(utf16, i + w, r.upperBound).0.properties.isAlphabetic,
                              !isDigit(decode(utf16, i + w, r.upperBound).0) {
                        i += w
                    } else {
                        break
                    }
                }
            } else {
                kind = .symbol
                i += width
            }
            var text = String(decoding: utf16[start..<i], as: UTF16.self)
            if kind == .word, text.unicodeScalars.contains(where: { $0.value == 0xAD }) {
                text.unicodeScalars.removeAll { $0.value == 0xAD }
            }
            out.append(ScanToken(range: start..<i, kind: kind, text: text, lower: text.lowercased(), gap: gap))
            gap = .none
        }
        return out
    }

    /// Tokens of a string on its own (lexicon phrases, `value(of:)`).
    static func tokens(_ text: String) -> [ScanToken] {
        let u = Array(text.utf16)
        return tokens(u, 0..<u.count)
    }

    private static func decode(_ u: [UInt16], _ i: Int, _ end: Int) -> (Unicode.Scalar, Int) {
        let a = u[i]
        if a >= 0xD800, a < 0xDC00, i + 1 < end {
            let b = u[i + 1]
            if b >= 0xDC00, b < 0xE000 {
                let v = 0x10000 + ((UInt32(a) - 0xD800) << 10) + (UInt32(b) - 0xDC00)
                return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
            }
        }
        return (Unicode.Scalar(UInt32(a)) ?? "\u{FFFD}", 1)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    private static func isHyphen(_ s: Unicode.Scalar) -> Bool { s.value == 0x2D || s.value == 0x2011 }
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s.value == 0xA0 || s.value == 0x202F || s.value == 0xFEFF
    }
}
