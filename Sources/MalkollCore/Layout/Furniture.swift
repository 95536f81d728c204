/// Recognises page furniture lines: web navigation phrases from
/// `furniture.tsv`, and page numbers ("12", "Sida 3 av 10", "- 4 -", "3 (12)")
/// with the page words of the same file.
struct FurnitureCues {
    enum Position: String { case line, prefix, suffix, pageWord = "page-word", pageOf = "page-of" }

    private var cues: [(units: [UInt16], position: Position)] = []
    /// The line and prefix phrases by their first letter, the suffix
    /// phrases by their last: a line is compared with those alone, and most
    /// lines are let go on the bit sets of those letters.
    private var byFirst: [UInt16: [Int]] = [:]
    private var byLast: [UInt16: [Int]] = [:]
    private var firsts = UnitSet()
    private var lasts = UnitSet()
    /// Words before a page number ("sida", "s."), lower case, and their first
    /// letters; words between it and the page count ("av").
    private var pageWords: Set<[UInt16]> = []
    private var pageWordFirsts = UnitSet()
    private var pageOf: [[UInt16]] = []

    init() {}

    init(lexicons: Lexicons) throws {
        let t = try lexicons.table("furniture.tsv")
        let col = t.column("position") ?? 1
        for row in t.rows {
            guard let p = Position(rawValue: row[col]) else {
                throw t.error(row, column: col, "position must be line, prefix, suffix, page-word or page-of, not \"\(row[col])\"")
            }
            let units = Array(row[0].lowercased().utf16)
            if p == .pageWord {
                pageWords.insert(units)
                pageWordFirsts.insert(units[0])
                continue
            }
            if p == .pageOf {
                pageOf.append(units)
                continue
            }
            if p == .suffix {
                byLast[units.last!, default: []].append(cues.count)
                lasts.insert(units.last!)
            } else {
                byFirst[units[0], default: []].append(cues.count)
                firsts.insert(units[0])
            }
            cues.append((units, p))
        }
    }

    /// Whether the text `u[s..<e]` (one logical line, perhaps wrapped) is
    /// furniture by a phrase. A run of white space in the text compares as
    /// one space; case and final punctuation are ignored.
    func matches(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e0: Int) -> Bool {
        if cues.isEmpty || e0 - s > 400 || e0 <= s { return false }
        var e = e0
        while e > s + 1, u[e - 1] == Chars.period || u[e - 1] == 0x21 || u[e - 1] == 0x2C { e -= 1 }
        let first = Chars.lower(u[s]), last = Chars.lower(u[e - 1])
        for k in firsts.contains(first) ? byFirst[first]! : [] {
            let (w, position) = cues[k]
            if position == .line {
                if let end = FurnitureCues.prefix(w, u, s, e), end == e { return true }
            } else if e - s <= 200, let end = FurnitureCues.prefix(w, u, s, e), end == e || !Chars.isLetter(u[end]) {
                return true
            }
        }
        for k in lasts.contains(last) ? byLast[last]! : [] where FurnitureCues.suffix(cues[k].units, u, s, e) { return true }
        return false
    }

    /// Where `w` ends if the text at `s` starts with it, else nil.
    private static func prefix(_ w: [UInt16], _ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Int? {
        var p = s
        for c in w {
            guard p < e else { return nil }
            if c == 0x20 {
                guard Chars.isWhite(u[p]) else { return nil }
                while p < e, Chars.isWhite(u[p]) { p += 1 }
            } else {
                guard Chars.lower(u[p]) == c else { return nil }
                p += 1
            }
        }
        return p
    }

    /// Whether the text ending at `e` ends with `w`.
    private static func suffix(_ w: [UInt16], _ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        var p = e
        for c in w.reversed() {
            guard p > s else { return false }
            if c == 0x20 {
                guard Chars.isWhite(u[p - 1]) else { return false }
                while p > s, Chars.isWhite(u[p - 1]) { p -= 1 }
            } else {
                guard Chars.lower(u[p - 1]) == c else { return false }
                p -= 1
            }
        }
        return true
    }

    /// "12", "Sida 3", "Sida 3 av 10", "s. 4", "- 4 -", "– 4 –", "3 (12)", "3/12".
    func isPageNumber(_ s: String) -> Bool {
        let u = Array(s.utf16)
        return u.withUnsafeBufferPointer { isPageNumber($0, 0, u.count) }
    }

    func isPageNumber(_ u: UnsafeBufferPointer<UInt16>, _ s0: Int, _ e0: Int) -> Bool {
        var s = s0, e = e0
        func trim() {
            while s < e, Chars.isDash(u[s]) || Chars.isSpace(u[s]) || u[s] == 0x7C { s += 1 }
            while e > s, Chars.isDash(u[e - 1]) || Chars.isSpace(u[e - 1]) || u[e - 1] == 0x7C { e -= 1 }
        }
        trim()
        if e - s > 20 || s == e { return false }
        // Only a digit or the first letter of a page word can start one.
        if !Chars.isDigit(u[s]) && !pageWordFirsts.contains(Chars.lower(u[s])) { return false }
        var p = s
        // An optional page word: "sida", "sid", "s.".
        if Chars.isLetter(u[p]) {
            let a = p
            while p < e, Chars.isLetter(u[p]) { p += 1 }
            guard pageWords.contains(u[a..<p].map(Chars.lower)) else { return false }
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
        if let w = pageOf.first(where: { w in p + w.count <= e && zip(w, u[p..<(p + w.count)]).allSatisfy { $0 == Chars.lower($1) } }) {
            p += w.count
        } else if u[p] == 0x2F || u[p] == 0x28 { p += 1 }
        else { return false }
        while p < e, Chars.isSpace(u[p]) { p += 1 }
        guard number() else { return false }
        if p < e, u[p] == 0x29 { p += 1 }
        return p == e
    }
}

/// A set of UTF-16 code units as a bitmap: a membership test costs a load.
struct UnitSet {
    private var bits = [UInt64](repeating: 0, count: 1024)

    mutating func insert(_ u: UInt16) { bits[Int(u >> 6)] |= 1 << UInt64(u & 63) }

    func contains(_ u: UInt16) -> Bool { bits[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0 }
}
