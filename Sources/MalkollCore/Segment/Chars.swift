/// Character classes on UTF-16 code units, for the tokenizer and layout.
/// Latin-1 and Latin Extended (all Swedish text) take a table-free fast
/// path; anything else asks Unicode's properties (rare, so the cost is fine).
/// A surrogate half counts as a letter: astral letters are rare and never
/// punctuation that a rule looks at.
enum Chars {
    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u &- 0x30 < 10 }

    @inline(__always) static func isASCIILetter(_ u: UInt16) -> Bool { (u | 0x20) &- 0x61 < 26 }

    /// Horizontal space, including the no-break and thin spaces used in "10 000".
    @inline(__always) static func isSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0xA0 || u == 0x202F || u == 0x2009 || u == 0x2007 || u == 0x0C || u == 0x0B
    }

    @inline(__always) static func isNewline(_ u: UInt16) -> Bool {
        u == 0x0A || u == 0x0D || u == 0x2028 || u == 0x2029 || u == 0x85
    }

    @inline(__always) static func isWhite(_ u: UInt16) -> Bool { isSpace(u) || isNewline(u) }

    /// The spaces allowed inside a number ("10 000", "10\u{A0}000").
    @inline(__always) static func isDigitGroupSpace(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0xA0 || u == 0x202F || u == 0x2009
    }

    @inline(__always) static func isLetter(_ u: UInt16) -> Bool {
        if u < 0x80 { return isASCIILetter(u) }
        return isNonASCIILetter(u)
    }

    static func isNonASCIILetter(_ u: UInt16) -> Bool {
        if u < 0x250 {
            if u < 0xC0 { return u == 0xAA || u == 0xB5 || u == 0xBA }
            return u != 0xD7 && u != 0xF7
        }
        if u >= 0xD800 && u < 0xE000 { return true }
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.isAlphabetic
    }

    static func isUpper(_ u: UInt16) -> Bool {
        if u < 0x80 { return u &- 0x41 < 26 }
        if u < 0x100 { return u >= 0xC0 && u <= 0xDE && u != 0xD7 }
        if u >= 0xD800 && u < 0xE000 { return false }
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.isUppercase
    }

    static func isLower(_ u: UInt16) -> Bool {
        if u < 0x80 { return u &- 0x61 < 26 }
        if u < 0x100 { return u >= 0xDF && u != 0xF7 }
        if u >= 0xD800 && u < 0xE000 { return false }
        guard let s = Unicode.Scalar(u) else { return false }
        return s.properties.isLowercase
    }

    @inline(__always) static func isAlnum(_ u: UInt16) -> Bool { isDigit(u) || isLetter(u) }

    /// Lower-cases Latin letters (enough for abbreviation keys).
    @inline(__always) static func lower(_ u: UInt16) -> UInt16 {
        if u &- 0x41 < 26 { return u | 0x20 }
        if u >= 0xC0 && u <= 0xDE && u != 0xD7 { return u + 0x20 }
        return u
    }

    static let hyphen: UInt16 = 0x2D
    static let enDash: UInt16 = 0x2013
    static let emDash: UInt16 = 0x2014
    static let period: UInt16 = 0x2E
    static let ellipsis: UInt16 = 0x2026

    /// Dashes that open a reply or a list item ("– Det är ...").
    @inline(__always) static func isDash(_ u: UInt16) -> Bool { u == hyphen || u == enDash || u == emDash || u == 0x2012 }

    /// Quotes and brackets that may close a sentence after its full stop.
    @inline(__always) static func isCloser(_ u: UInt16) -> Bool {
        u == 0x29 || u == 0x5D || u == 0x22 || u == 0x27 || u == 0x201D || u == 0x2019 || u == 0xBB || u == 0x203A
    }

    /// Sentence-final punctuation.
    @inline(__always) static func isTerminal(_ u: UInt16) -> Bool {
        u == period || u == 0x3F || u == 0x21 || u == ellipsis
    }

    /// A character after which ICU's sentence break may break (its classes
    /// ATerm and STerm), or a surrogate half (astral terminals are not
    /// looked up: callers treat it as one, to be safe).
    static func isSentenceBreakTerminal(_ u: UInt16) -> Bool {
        if u < 0x80 { return u == period || u == 0x3F || u == 0x21 }
        if u < 0x0589 || (u >= 0x2000 && u < 0x2024) { return false }   // no terminals there
        if u >= 0xD800 && u < 0xE000 { return true }
        if u == 0x2024 || u == 0xFE52 || u == 0xFF0E { return true }     // ATerm beside "."
        return Unicode.Scalar(u)?.properties.isSentenceTerminal ?? false
    }

    /// Symbols that form a token of kind `.symbol` ("%", "‰", "§", "€", "+").
    static func isSymbol(_ u: UInt16) -> Bool {
        switch u {
        case 0x25, 0x2030, 0xA7, 0x20AC, 0x24, 0xA3, 0x2B, 0x3D, 0x3C, 0x3E, 0xB0, 0x26, 0x23, 0xD7, 0xB1, 0x2212: return true
        default: return false
        }
    }
}
