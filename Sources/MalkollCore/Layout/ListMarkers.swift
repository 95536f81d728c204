/// A list marker at the start of a line: a bullet ("•", "-", "*", "–",
/// Word's private-use U+F0B7), a number ("1.", "2.1", "3)") or a letter
/// ("a)", "(b)", "iv)").
struct ListMarker {
    enum Style: Equatable {
        /// Bullets that only ever mark list items.
        case bullet
        /// "-", "–", "—": also opens a reply in news text ("– Det är ...").
        case dash
        /// "1.", "1.2", "1)"; `depth` counts the numbers ("2.1" is 2).
        case number(depth: Int)
        case letter
    }

    var style: Style
    /// The marker's own units ("•", "2.", "a)").
    var range: Range<Int>
    /// Where the item's text starts (after the spaces).
    var contentStart: Int

    /// Symbols that are bullets wherever a line starts with them ("*" too).
    @inline(__always) static func isBullet(_ c: UInt16) -> Bool {
        if c < 0xB7 { return c == 0x2A }
        switch c {
        case 0xB7, 0x2022, 0x2023, 0x2043, 0x2219, 0x25A0, 0x25A1, 0x25AA, 0x25B6, 0x25BA, 0x25C6, 0x25CF, 0x25E6,
             0x2666, 0x2713, 0x2714, 0x27A2, 0xF076, 0xF0A7, 0xF0B7, 0xF0D8:
            return true
        default:
            return false
        }
    }

    private static let romans: [[UInt16]] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].map { Array($0.utf16) }

    /// The marker at `p` (the line's first non-space unit), if any. A marker
    /// needs a space after it and some text on the line.
    static func at(_ u: UnsafeBufferPointer<UInt16>, _ p: Int, _ end: Int) -> ListMarker? {
        guard p < end else { return nil }
        let c = u[p]
        func after(_ q: Int) -> Int? {
            guard q < end, Chars.isSpace(u[q]) else { return nil }
            var r = q
            while r < end, Chars.isSpace(u[r]) { r += 1 }
            return r < end ? r : nil
        }
        if isBullet(c) {
            guard let s = after(p + 1) else { return nil }
            return ListMarker(style: .bullet, range: p..<(p + 1), contentStart: s)
        }
        if c == Chars.hyphen || c == Chars.enDash || c == Chars.emDash {
            guard let s = after(p + 1) else { return nil }
            return ListMarker(style: .dash, range: p..<(p + 1), contentStart: s)
        }
        // "(a)", "(1)"
        if c == 0x28 {
            var q = p + 1
            while q < end, q - p <= 4, Chars.isAlnum(u[q]) { q += 1 }
            guard q > p + 1, q < end, u[q] == 0x29, let s = after(q + 1) else { return nil }
            return ListMarker(style: Chars.isDigit(u[p + 1]) ? .number(depth: 1) : .letter, range: p..<(q + 1), contentStart: s)
        }
        if Chars.isDigit(c) {
            // 1-3 digits, optionally ".digits" groups; then "." or ")" (or a
            // bare "2.1" before a capital).
            var q = p
            var depth = 0
            while true {
                let a = q
                while q < end, Chars.isDigit(u[q]) { q += 1 }
                let digits = q - a
                guard digits >= 1, digits <= 3 else { return nil }
                depth += 1
                if q + 1 < end, u[q] == Chars.period, Chars.isDigit(u[q + 1]) { q += 1; continue }
                break
            }
            guard q < end else { return nil }
            if u[q] == Chars.period || u[q] == 0x29 {
                guard let s = after(q + 1), !Chars.isLower(u[s]) else { return nil }
                return ListMarker(style: .number(depth: depth), range: p..<(q + 1), contentStart: s)
            }
            if depth >= 2, let s = after(q), Chars.isUpper(u[s]) {
                return ListMarker(style: .number(depth: depth), range: p..<q, contentStart: s)
            }
            return nil
        }
        if Chars.isLower(c) {
            var q = p
            while q < end, q - p < 4, Chars.isLower(u[q]) { q += 1 }
            guard q < end, u[q] == 0x29, let s = after(q + 1) else { return nil }
            let word = Array(UnsafeBufferPointer(rebasing: u[p..<q]))
            guard q - p == 1 || romans.contains(word) else { return nil }
            return ListMarker(style: .letter, range: p..<(q + 1), contentStart: s)
        }
        return nil
    }
}
