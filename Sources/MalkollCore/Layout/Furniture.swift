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

    /// Whether the text `u[s..<e]` (one logical line, perhaps wrapped) is
    /// furniture by a phrase. White space runs compare as one space;
    /// `scratch` is reused between calls.
    func matches(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int, scratch: inout [UInt16]) -> Bool {
        if cues.isEmpty || e - s > 400 || e <= s { return false }
        scratch.removeAll(keepingCapacity: true)
        var p = s
        while p < e {
            if Chars.isWhite(u[p]) {
                while p < e, Chars.isWhite(u[p]) { p += 1 }
                scratch.append(0x20)
            } else {
                scratch.append(Chars.lower(u[p]))
                p += 1
            }
        }
        while let last = scratch.last, last == Chars.period || last == 0x21 || last == 0x2C { scratch.removeLast() }
        let n = scratch.count
        for (w, position) in cues where w.count <= n && n > 0 {
            switch position {
            case .line: if w.count == n, scratch.elementsEqual(w) { return true }
            case .prefix: if n <= 200, scratch[0..<w.count].elementsEqual(w), w.count == n || !Chars.isLetter(scratch[w.count]) { return true }
            case .suffix: if scratch[(n - w.count)...].elementsEqual(w) { return true }
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
