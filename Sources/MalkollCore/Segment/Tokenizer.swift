/// Swedish tokens from ICU's word segments (locale sv). ICU splits what a
/// Swedish reader sees as one word; this pass merges it back, working on
/// UTF-16 offsets only:
/// abbreviations ("t.ex.", "t ex", "bl.a."), initials ("A. I. Rabin"),
/// numbers with digit-group spaces ("10 000"), ranges and compounds
/// ("2016-2018", "2024–2027", "UF-företag", "1-åringar"), ratios ("40/60"),
/// colon forms ("1:a", "13:75"), truncated compounds ("kultur-" before "och"),
/// words hyphenated at a line end ("genomför-\nandet"), phone numbers
/// ("0920-45 30 00"), e-mail addresses, URLs, "..." and "--".
/// It also splits what extraction glued ("Lapland.Luleå") and marks a
/// sentence break there.
public final class Tokenizer {
    /// Per-token facts the sentence splitter needs.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// An abbreviation or initial whose token ends with its dot.
        public static let dottedAbbreviation = Flags(rawValue: 1)
        /// ... and one that often closes a sentence ("osv.", "m.fl.").
        public static let mayEndSentence = Flags(rawValue: 2)
        /// A sentence ends after this token (a repaired extraction artefact).
        public static let forcedBreak = Flags(rawValue: 4)
    }

    public let abbreviations: Abbreviations
    /// Lower-cased words after which "kultur-" is a truncated compound.
    private let conjunctions: [[UInt16]]

    public init(abbreviations: Abbreviations, conjunctions: [String]) {
        self.abbreviations = abbreviations
        self.conjunctions = conjunctions.map { Array($0.lowercased().utf16) }
    }

    public convenience init(lexicons: Lexicons) throws {
        try self.init(abbreviations: Abbreviations(lexicons: lexicons),
                      conjunctions: lexicons.words("compound-conjunctions.tsv"))
    }

    /// Tokenizes `range` of `u`, given ICU's word boundaries over it (every
    /// boundary after `range.lowerBound`).
    /// `firstPeriod`: no full stop stands in the range before this offset.
    /// Appends to `tokens` and, one per token, to `flags`.
    func tokenize(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
                  bounds: UnsafeBufferPointer<Int32>,
                  specials: [Range<Int>], firstPeriod: Int = 0,
                  into tokens: inout [Token], flags: inout [Flags]) {
        let limit = range.upperBound
        var segments = ICUSegments(bounds: bounds, limit: limit)
        var pos = range.lowerBound      // first unconsumed unit
        var special = 0
        func emit(_ s: Int, _ e: Int, _ kind: Token.Kind, _ f: Flags = []) {
            tokens.append(Token(start: Int32(s), end: Int32(e), kind: kind))
            flags.append(f)
        }

        while pos < limit {
            let c = u[pos]
            if Chars.isWhite(c) {
                pos += 1
                while pos < limit, Chars.isWhite(u[pos]) { pos += 1 }
                continue
            }
            var end = segments.end(containing: pos)
            // E-mail addresses and URLs, found before ICU cut them up.
            while special < specials.count, specials[special].upperBound <= pos { special += 1 }
            if special < specials.count {
                let sp = specials[special]
                if sp.lowerBound <= pos {
                    let kind: Token.Kind = u[sp].contains(0x40) ? .email : .url
                    emit(pos, sp.upperBound, kind)
                    pos = sp.upperBound
                    special += 1
                    continue
                }
                if sp.lowerBound < end { end = sp.lowerBound }
            }

            if Chars.isLetter(c) || Chars.isDigit(c) {
                // Abbreviations and initials.
                if Chars.isLetter(c), let a = abbreviation(u, pos, end, limit) {
                    emit(pos, a.end, .abbreviation, a.flags)
                    pos = a.end
                    continue
                }
                // Extraction glue: "Lapland.Luleå" is two sentences.
                if Chars.isLetter(c), end > firstPeriod, let dot = gluedPeriod(u, pos, end) {
                    emit(pos, dot, .word)
                    emit(dot, dot + 1, .punctuation, .forcedBreak)
                    pos = dot + 1
                    continue
                }
                var e = end
                var merged = false
                while true {
                    if let next = extend(u, pos, e, limit, &segments) { e = next; merged = true } else { break }
                }
                if Chars.isDigit(c) {
                    if let t = thousands(u, pos, e, limit, &segments) { e = t; merged = true }
                    if let p = phone(u, pos, e, limit) { e = p; merged = true }
                }
                // A truncated compound: "kultur-" before "och", "förvaltnings-,".
                if e < limit, u[e] == Chars.hyphen, truncation(u, e + 1, limit) { e += 1; merged = true }
                let kind: Token.Kind
                if merged {
                    kind = Chars.isDigit(c) && (!Tokenizer.hasLetter(u, pos, e) || u[pos..<e].contains(0x3A)) ? .number : .word
                } else {
                    // What ICU's rule status would say: the segment's last
                    // letter or digit decides ("F21" a number, "3D" a word).
                    let last = u[e - 1]
                    kind = Chars.isDigit(last) ? .number : Chars.isLetter(last) ? .word : Chars.isDigit(c) ? .number : .word
                }
                emit(pos, e, kind)
                pos = e
                continue
            }

            // Runs of periods or hyphens are one token ("...", "--").
            if c == Chars.period || c == Chars.hyphen {
                var e = pos + 1
                while e < limit, u[e] == c { e += 1 }
                if e - pos > 1 { emit(pos, e, .punctuation); pos = e; continue }
                // "-kommandon": a suffix written with its hyphen after a space.
                if c == Chars.hyphen, pos > 0, Chars.isWhite(u[pos - 1]), e < limit, Chars.isLower(u[e]) {
                    var w = e
                    while w < limit, Chars.isLetter(u[w]) { w += 1 }
                    emit(pos, w, .word)
                    pos = w
                    continue
                }
            }
            // A segment ICU reads as word-like (a letter or digit after a
            // mark, non-Latin digits) is "other"; the rest is punctuation.
            let kind: Token.Kind = Chars.isSymbol(c) ? .symbol
                : (pos..<end).contains(where: { Chars.isWordLike(u[$0]) }) ? .other : .punctuation
            // ICU keeps a lone non-space segment together; punctuation is one
            // character per token (a surrogate pair stays whole).
            var e = pos + 1
            if c >= 0xD800 && c < 0xDC00, e < limit { e += 1 }
            if kind == .other { e = max(e, end) }
            emit(pos, e, kind)
            pos = e
        }
    }

    // MARK: - rules

    private struct AbbreviationHit { var end: Int; var flags: Flags }

    private func abbreviation(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ segEnd: Int, _ limit: Int) -> AbbreviationHit? {
        guard segEnd < limit else {
            return nil
        }
        let next = u[segEnd]
        let length = segEnd - s
        // Initials: "A. I. Rabin" (two in a row, or after another initial).
        if length == 1, next == Chars.period, Chars.isUpper(u[s]), isInitialChain(u, s, limit) {
            return AbbreviationHit(end: segEnd + 1, flags: .dottedAbbreviation)
        }
        guard length <= 7, next == Chars.period || next == 0x20, abbreviations.mayStart(u, s, segEnd) else { return nil }
        guard let m = abbreviations.match(u, at: s, limit: limit) else { return nil }
        var f: Flags = []
        if m.hasFinalDot { f.insert(.dottedAbbreviation) }
        if m.entry.endsSentence { f.insert(.mayEndSentence) }
        return AbbreviationHit(end: m.end, flags: f)
    }

    /// "A. I. Rabin": an upper-case letter and a dot followed by another such
    /// initial, or preceded by one.
    private func isInitialChain(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ limit: Int) -> Bool {
        func initial(at p: Int) -> Bool {
            p >= 0 && p + 1 < limit && Chars.isUpper(u[p]) && u[p + 1] == Chars.period
                && (p == 0 || !Chars.isLetter(u[p - 1]))
        }
        if s + 4 < limit, u[s + 2] == 0x20, initial(at: s + 3), s + 5 < limit, u[s + 5] == 0x20 || u[s + 5] == Chars.hyphen {
            return true
        }
        if s >= 3, u[s - 1] == 0x20, initial(at: s - 3) { return true }
        return false
    }

    /// In "Lapland.Luleå" (a sentence glued to the next by extraction), the
    /// offset of the dot: a lower-case word, a dot, a capitalised word.
    private func gluedPeriod(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Int? {
        var p = s + 2
        while p + 2 < e {
            if u[p] == Chars.period, Chars.isLower(u[p - 1]), Chars.isLower(u[p - 2]), Chars.isUpper(u[p + 1]), Chars.isLower(u[p + 2]) {
                return p
            }
            p += 1
        }
        return nil
    }

    /// One step of a compound chain after a token ending at `e`: "-" or a
    /// line-end hyphenation to a word, "–" or "/" between numbers, ":" in
    /// "13:75" and "1:a". Returns the new end, or nil.
    private func extend(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int, _ limit: Int, _ segments: inout ICUSegments) -> Int? {
        guard e + 1 < limit else { return nil }
        let c = u[e], n = u[e + 1]
        let before = u[e - 1]
        switch c {
        case Chars.hyphen:
            if Chars.isAlnum(n) { return segments.end(containing: e + 1) }
            // A word hyphenated at a line end: "genomför-\nandet", "EU-\nprojekt".
            if Chars.isNewline(n), Chars.isAlnum(before) {
                var p = e + 1
                var lines = 0
                while p < limit, Chars.isWhite(u[p]) { if u[p] == 0x0A || (u[p] == 0x0D && (p + 1 >= limit || u[p + 1] != 0x0A)) { lines += 1 }; p += 1 }
                if lines == 1, p < limit, Chars.isAlnum(u[p]), !isConjunction(u, p, limit) { return segments.end(containing: p) }
                return nil
            }
            // Extraction left a space in a hyphenated word: "Arbetsgivar- varumärket".
            if n == 0x20, Chars.isLetter(before), e + 2 < limit, Chars.isLower(u[e + 2]), !isConjunction(u, e + 2, limit) {
                var w = e + 2
                while w < limit, Chars.isLetter(u[w]) { w += 1 }
                if w < limit, u[w] == Chars.hyphen { return nil }   // "barn- ungdoms- och"
                return segments.end(containing: e + 2)
            }
            return nil
        case Chars.enDash, 0x2F:   // "2024–2027", "40/60"
            if Chars.isDigit(before), Chars.isDigit(n) { return segments.end(containing: e + 1) }
            return nil
        case 0x3A:   // ":" in "13:75", "1:a", "3:e"
            guard Chars.isDigit(before) else { return nil }
            if Chars.isDigit(n) { return segments.end(containing: e + 1) }
            if Chars.isLower(n) {
                var w = e + 1
                while w < limit, Chars.isLower(u[w]) { w += 1 }
                if w - e - 1 <= 2, w >= limit || !Chars.isAlnum(u[w]) { return w }
            }
            return nil
        default:
            return nil
        }
    }

    /// "10 000", "5 000 000": a first group of one to three digits, then
    /// groups of exactly three after a space. ("2016 2017" stays two.)
    private func thousands(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int, _ limit: Int, _ segments: inout ICUSegments) -> Int? {
        guard e - s <= 3 else { return nil }
        for p in s..<e where !Chars.isDigit(u[p]) { return nil }
        var end = e
        var grew = false
        while end + 3 < limit, Chars.isDigitGroupSpace(u[end]),
              Chars.isDigit(u[end + 1]), Chars.isDigit(u[end + 2]), Chars.isDigit(u[end + 3]) {
            if end + 4 < limit, Chars.isDigit(u[end + 4]) || Chars.isLetter(u[end + 4]) { break }
            end = segments.end(containing: end + 1)
            grew = true
        }
        return grew ? end : nil
    }

    /// "0920-45 30 00", "070-538 35 36": an area code, a hyphen, then groups
    /// of two or three digits after single spaces.
    private func phone(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int, _ limit: Int) -> Int? {
        guard u[s] == 0x30 else { return nil }
        var p = s
        while p < e, Chars.isDigit(u[p]) { p += 1 }
        guard p - s >= 2, p - s <= 4, p < e, u[p] == Chars.hyphen else { return nil }
        p += 1
        let groupStart = p
        while p < e, Chars.isDigit(u[p]) { p += 1 }
        guard p == e, p - groupStart >= 2 else { return nil }
        var end = e
        while end + 2 < limit, u[end] == 0x20 {
            var q = end + 1
            while q < limit, Chars.isDigit(u[q]) { q += 1 }
            let n = q - end - 1
            guard n == 2 || n == 3, q >= limit || !Chars.isAlnum(u[q]) else { break }
            end = q
        }
        return end > e ? end : nil
    }

    /// After "kultur-": is this a truncated compound? (A comma, or spaces
    /// and a word of `compound-conjunctions.tsv`.)
    private func truncation(_ u: UnsafeBufferPointer<UInt16>, _ p: Int, _ limit: Int) -> Bool {
        guard p < limit else { return true }
        if u[p] == 0x2C { return true }
        guard Chars.isWhite(u[p]) else { return false }
        var q = p
        while q < limit, Chars.isWhite(u[q]) { q += 1 }
        return q < limit && isConjunction(u, q, limit)
    }

    private func isConjunction(_ u: UnsafeBufferPointer<UInt16>, _ p: Int, _ limit: Int) -> Bool {
        var q = p
        while q < limit, Chars.isLetter(u[q]) { q += 1 }
        if q == p { q = p + 1 }   // "&"
        let n = q - p
        outer: for w in conjunctions where w.count == n {
            for i in 0..<n where Chars.lower(u[p + i]) != w[i] { continue outer }
            return true
        }
        return false
    }

    static func hasLetter(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        for p in s..<e where Chars.isLetter(u[p]) { return true }
        return false
    }

    // MARK: - e-mail addresses and URLs

    /// The units an e-mail address or URL is found from ("@", the ":" of
    /// "://", the "w" of "www."): a text without any has no `specials`.
    static let specialTriggers: [UInt16] = [0x40, 0x3A, 0x77, 0x57]

    /// E-mail addresses and URLs in `range`, in order. Found by a scan for
    /// "@", "://" and "www.", then grown over the characters they allow.
    static func specials(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var p = range.lowerBound
        let limit = range.upperBound
        while p < limit {
            let c = u[p]
            if c == 0x40 {
                if let r = email(u, p, range) { out.append(r); p = r.upperBound; continue }
            } else if c == 0x3A, p + 2 < limit, u[p + 1] == 0x2F, u[p + 2] == 0x2F {
                var a = p
                while a > range.lowerBound, Chars.isASCIILetter(u[a - 1]) { a -= 1 }
                if a < p, out.last.map({ $0.upperBound <= a }) ?? true {
                    let r = a..<urlEnd(u, p + 3, limit)
                    if r.upperBound > p + 3 { out.append(r); p = r.upperBound; continue }
                }
            } else if c == 0x77 || c == 0x57, p + 4 < limit, (u[p + 1] | 0x20) == 0x77, (u[p + 2] | 0x20) == 0x77, u[p + 3] == Chars.period,
                      p == range.lowerBound || !Chars.isAlnum(u[p - 1]) && u[p - 1] != Chars.period && u[p - 1] != 0x2F, Chars.isAlnum(u[p + 4]) {
                let r = p..<urlEnd(u, p + 4, limit)
                out.append(r)
                p = r.upperBound
                continue
            }
            p += 1
        }
        return out
    }

    private static func isURLChar(_ c: UInt16) -> Bool {
        if c <= 0x20 || c == 0x22 || c == 0x3C || c == 0x3E || c == 0x60 || c == 0x7B || c == 0x7D || c == 0x7C || c == 0x5C { return false }
        if c == 0xA0 || c == 0x201D || c == 0x201C || c == 0xBB || c == 0xAB || Chars.isNewline(c) || Chars.isSpace(c) { return false }
        return true
    }

    private static func urlEnd(_ u: UnsafeBufferPointer<UInt16>, _ from: Int, _ limit: Int) -> Int {
        var e = from
        var parens = 0
        while e < limit, isURLChar(u[e]) {
            if u[e] == 0x28 { parens += 1 }
            if u[e] == 0x29 { if parens == 0 { break }; parens -= 1 }
            e += 1
        }
        // Sentence punctuation after a URL is not part of it.
        while e > from, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27].contains(u[e - 1]) { e -= 1 }
        return e
    }

    private static func email(_ u: UnsafeBufferPointer<UInt16>, _ at: Int, _ range: Range<Int>) -> Range<Int>? {
        func local(_ c: UInt16) -> Bool { Chars.isAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == Chars.hyphen }
        func domain(_ c: UInt16) -> Bool { Chars.isAlnum(c) || c == 0x2E || c == Chars.hyphen }
        var a = at
        while a > range.lowerBound, local(u[a - 1]) { a -= 1 }
        while a < at, !Chars.isAlnum(u[a]) { a += 1 }
        var e = at + 1
        var dots = 0
        while e < range.upperBound, domain(u[e]) { if u[e] == 0x2E { dots += 1 }; e += 1 }
        while e > at + 1, !Chars.isAlnum(u[e - 1]) { if u[e - 1] == 0x2E { dots -= 1 }; e -= 1 }
        guard a < at, dots >= 1, e > at + 3 else { return nil }
        return a..<e
    }
}

/// A cursor over ICU's word boundaries: the end of the segment holding an
/// offset, for offsets that only grow.
struct ICUSegments {
    let bounds: UnsafeBufferPointer<Int32>
    let limit: Int
    /// Segment k ends at bounds[k].
    var k = 0

    init(bounds: UnsafeBufferPointer<Int32>, limit: Int) {
        self.bounds = bounds
        self.limit = limit
    }

    @inline(__always) mutating func end(containing p: Int) -> Int {
        while k < bounds.count, Int(bounds[k]) <= p { k += 1 }
        return k < bounds.count ? Int(bounds[k]) : limit
    }
}
