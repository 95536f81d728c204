extension Document {
    /// The word a token stands for, as a reader sees it: a word hyphenated
    /// at a line end is whole again ("genomför-\nandet" → "genomförandet",
    /// "effektiviserings- åtgärder" → "effektiviseringsåtgärder"), while a
    /// real hyphen stays ("EU-\nprojekt" → "EU-projekt", "2016-\n2018");
    /// any other run of white space inside a token is one space ("t ex").
    public func word(_ token: Token) -> String {
        word(token.range)
    }

    /// `word` for any range: the text of a sentence or block with wrapped
    /// lines read as one line.
    public func word(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<utf16.count)
        var out: [UInt16] = []
        out.reserveCapacity(r.count)
        var p = r.lowerBound
        let e = r.upperBound
        while p < e {
            let c = utf16[p]
            if c == Chars.hyphen, p + 1 < e, Chars.isWhite(utf16[p + 1]), p > r.lowerBound, Chars.isLetter(utf16[p - 1]) {
                var q = p + 1
                var newline = false
                while q < e, Chars.isWhite(utf16[q]) { if Chars.isNewline(utf16[q]) { newline = true }; q += 1 }
                let next = q < e ? utf16[q] : 0
                // Joined by the tokenizer: a line-end hyphen, or a hyphen and
                // one space before a lower-case letter.
                if q < e, Chars.isAlnum(next), newline || (q == p + 2 && Chars.isLower(next)) {
                    let before = utf16[p - 1]
                    let real = Chars.isUpper(before) || Chars.isDigit(before) || Chars.isUpper(next) || Chars.isDigit(next)
                    if real { out.append(Chars.hyphen) }
                    p = q
                    continue
                }
            }
            if Chars.isWhite(c) {
                while p < e, Chars.isWhite(utf16[p]) { p += 1 }
                out.append(0x20)
                continue
            }
            out.append(c)
            p += 1
        }
        return String(decoding: out, as: UTF16.self)
    }
}
