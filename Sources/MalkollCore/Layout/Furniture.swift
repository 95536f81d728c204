/// Recognises page furniture lines: web navigation phrases from
/// `furniture.tsv`, and page numbers ("12", "Sida 3 av 10", "- 4 -", "3 (12)").
struct FurnitureCues {
    enum Position: String { case line, prefix, suffix }

    private var cues: [(units: [UInt16], position: Position)] = []

    init() {}

    init(lexicons: Lexicons) throws {
        let t = try lexicons.table("furniture.tsv")
        let col = t.column("position") ?? 1
        for row in t.rows {
            guard let p = Position(rawValue: row[col]) else {
                throw t.error(row, column: col, "position must be line, prefix or suffix, not \"\(row[col])\"")
            }
            cues.append((Array(row[0].lowercased().utf16), p))
        }
    }

    /// Whether the line content `u[s..<e]` is furniture by a phrase.
    func matches(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e0: Int) -> Bool {
        var e = e0
        while e > s, u[e - 1] == Chars.period || u[e - 1] == 0x21 || u[e - 1] == 0x2C { e -= 1 }
        let n = e - s
        if n == 0 || n > 400 { return false }
        func equal(_ w: [UInt16], at p: Int) -> Bool {
            for i in 0..<w.count where Chars.lower(u[p + i]) != w[i] { return false }
            return true
        }
        for (w, position) in cues where w.count <= n {
            switch position {
            case .line: if w.count == n, equal(w, at: s) { return true }
            case .prefix: if n <= 200, equal(w, at: s), w.count == n || !Chars.isLetter(u[s + w.count]) { return true }
            case .suffix: if equal(w, at: e - w.count) { return true }
            }
        }
        return false
    }

    /// "12", "Sida 3", "Sida 3 av 10", "s. 4", "- 4 -", "– 4 –", "3 (12)", "3/12".
    static func isPageNumber(_ u: UnsafeBufferPointer<UInt16>, _ s0: Int, _ e0: Int) -> Bool {
        var s = s0, e = e0
        func trim() {
            while s < e, Chars.isDash(u[s]) || Chars.isSpace(u[s]) || u[s] == 0x7C { s += 1 }
            while e > s, Chars.isDash(u[e - 1]) || Chars.isSpace(u[e - 1]) || u[e - 1] == 0x7C { e -= 1 }
        }
        trim()
        if e - s > 20 || s == e { return false }
        var p = s
        // An optional word: "sida", "sid", "s.", "page".
        if Chars.isLetter(u[p]) {
            let a = p
            while p < e, Chars.isLetter(u[p]) { p += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: u[a..<p]), as: UTF16.self).lowercased()
            guard ["sida", "sid", "s", "page", "p"].contains(word) else { return false }
            if p < e, u[p] == Chars.period { p += 1 }
            while p < e, Chars.isSpace(u[p]) { p += 1 }
        }
        func number() -> Bool {
            let a = p
            while p < e, Chars.isDigit(u[p]) { p += 1 }
            return p - a >= 1 && p - a <= 3
        }
        guard number() else { return false }
        while p < e, Chars.isSpace(u[p]) { p += 1 }
        if p == e { return true }
        // "av 10", "/ 10", "(10)"
        if p + 1 < e, (u[p] | 0x20) == 0x61, (u[p + 1] | 0x20) == 0x76 { p += 2 }
        else if u[p] == 0x2F || u[p] == 0x28 { p += 1 }
        else { return false }
        while p < e, Chars.isSpace(u[p]) { p += 1 }
        guard number() else { return false }
        if p < e, u[p] == 0x29 { p += 1 }
        return p == e
    }
}
