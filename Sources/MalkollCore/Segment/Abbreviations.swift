/// Swedish abbreviations from `abbreviations.tsv`, matched in the text in
/// every spelling the lexicon header describes ("t.ex.", "t.ex", "t ex",
/// "t. ex.", "T.ex."). Lookup hashes the lower-cased letters of the parts
/// straight from the UTF-16 buffer: no String per candidate.
public struct Abbreviations: Sendable {
    public struct Entry: Sendable, Equatable {
        /// Lower-cased parts joined by "." ("t.ex"), as UTF-16.
        let key: [UInt16]
        let parts: Int
        /// The lexicon spelling ends with a dot ("kl." but "nr"): a one-part
        /// abbreviation then needs its dot in the text ("kl" alone is a word).
        let finalDot: Bool
        /// A capitalised word after it may start a new sentence.
        public let endsSentence: Bool
    }

    /// A match: where it ends in the text and what it is.
    public struct Match {
        public let end: Int
        public let entry: Entry
        /// The text has a final dot, which the token includes ("t.ex.", "nr.").
        public let hasFinalDot: Bool
    }

    private var table: [UInt64: [Entry]] = [:]
    /// A cheap first filter: bit (first letter, last letter, length) of
    /// every first part.
    private var firstParts = [UInt64](repeating: 0, count: 32 * 32)
    /// Hashes of every lower-cased first part, sorted: the second filter.
    private var firstPartHashes: [UInt64] = []
    /// Longest part, in letters: longer letter runs are never looked up.
    private(set) var maxPartLength = 0
    private(set) var maxParts = 0

    public init(lexicons: Lexicons) throws {
        let t = try lexicons.table("abbreviations.tsv")
        let endsColumn = t.column("ends_sentence")
        for row in t.rows {
            let form = row[0]
            var ends = false
            if let c = endsColumn {
                switch row[c] {
                case "yes": ends = true
                case "no", "": ends = false
                default: throw t.error(row, column: c, "ends_sentence must be yes or no, not \"\(row[c])\"")
                }
            }
            let parts = form.split(separator: ".", omittingEmptySubsequences: true)
            guard !parts.isEmpty, parts.allSatisfy({ $0.utf16.allSatisfy(Chars.isLetter) }) else {
                throw t.error(row, "an abbreviation is letters separated by dots, e.g. \"t.ex.\"")
            }
            try add(parts: parts.map { Array($0.utf16) }, finalDot: form.hasSuffix("."), endsSentence: ends) {
                t.error(row, "\(form) is listed twice")
            }
        }
    }

    /// An abbreviation set from spellings ("t.ex.", "nr"), for tests.
    public init(_ forms: [String], endingSentences: Set<String> = []) {
        for form in forms {
            let parts = form.split(separator: ".").map { Array($0.utf16) }
            try? add(parts: parts, finalDot: form.hasSuffix("."), endsSentence: endingSentences.contains(form)) { MalkollError.internal(form) }
        }
    }

    private mutating func add(parts: [[UInt16]], finalDot: Bool, endsSentence: Bool, duplicate: () -> Error) throws {
        var key: [UInt16] = []
        for (i, p) in parts.enumerated() {
            if i > 0 { key.append(Chars.period) }
            key.append(contentsOf: p.map(Chars.lower))
            maxPartLength = max(maxPartLength, p.count)
        }
        maxParts = max(maxParts, parts.count)
        if let f = parts.first, let c = f.first {
            firstParts[Int(Chars.lower(c) & 31) << 5 | Int(Chars.lower(f.last!) & 31)] |= 1 << UInt64(min(f.count, 63))
            let h = Abbreviations.hash(f.map(Chars.lower)[...])
            let at = firstPartHashes.firstIndex { $0 >= h } ?? firstPartHashes.count
            if at == firstPartHashes.count || firstPartHashes[at] != h { firstPartHashes.insert(h, at: at) }
        }
        let entry = Entry(key: key, parts: parts.count, finalDot: finalDot, endsSentence: endsSentence)
        let h = Abbreviations.hash(key[...])
        if let existing = table[h], existing.contains(where: { $0.key == key }) { throw duplicate() }
        table[h, default: []].append(entry)
    }

    private static func hash(_ units: ArraySlice<UInt16>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for u in units { h = (h ^ UInt64(u)) &* 0x100000001b3 }
        return h
    }

    /// Whether an abbreviation may start with the letters at `u[s..<e]` (a
    /// quick test on the first letter run before `match`).
    @inline(__always) func mayStart(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        var p = s
        while p < e, Chars.isLetter(u[p]) { p += 1 }
        let n = p - s
        guard n > 0, n < 64, firstParts[Int(Chars.lower(u[s]) & 31) << 5 | Int(Chars.lower(u[p - 1]) & 31)] & (1 << UInt64(n)) != 0 else { return false }
        var h: UInt64 = 0xcbf29ce484222325
        for k in s..<p { h = (h ^ UInt64(Chars.lower(u[k]))) &* 0x100000001b3 }
        var lo = 0, hi = firstPartHashes.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if firstPartHashes[mid] < h { lo = mid + 1 } else { hi = mid }
        }
        return lo < firstPartHashes.count && firstPartHashes[lo] == h
    }

    /// The longest abbreviation starting at `start` (a letter) in `u`,
    /// not reaching past `limit`.
    public func match(_ u: UnsafeBufferPointer<UInt16>, at start: Int, limit: Int) -> Match? {
        if table.isEmpty { return nil }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * 8) { scratch -> Match? in
            // Per part: its start, its end, and the hash of the key up to it.
            // Parts are maximal letter runs; separators ".", ". " or " ".
            var count = 0
            var h: UInt64 = 0xcbf29ce484222325
            var p = start
            var spaced = false
            while count < min(maxParts, 8) {
                let a = p
                while p < limit, Chars.isLetter(u[p]) { p += 1 }
                let n = p - a
                if n == 0 || n > maxPartLength || (spaced && n > 3) { break }
                if count > 0 { h = (h ^ UInt64(Chars.period)) &* 0x100000001b3 }
                for k in a..<p { h = (h ^ UInt64(Chars.lower(u[k]))) &* 0x100000001b3 }
                scratch[3 * count] = a
                scratch[3 * count + 1] = p
                scratch[3 * count + 2] = Int(bitPattern: UInt(h))
                count += 1
                if p < limit, u[p] == Chars.period {
                    if p + 1 < limit, Chars.isLetter(u[p + 1]) { p += 1; continue }
                    if p + 2 < limit, u[p + 1] == 0x20, Chars.isLetter(u[p + 2]) { p += 2; continue }
                    break
                }
                // A bare space between parts only for short parts ("t ex", "bl a").
                if n <= 3, p + 1 < limit, u[p] == 0x20, Chars.isLetter(u[p + 1]), count == 1 || spaced {
                    spaced = true; p += 1; continue
                }
                break
            }
            var k = count
            while k >= 1 {
                let hk = UInt64(UInt(bitPattern: scratch[3 * (k - 1) + 2]))
                if let candidates = table[hk] {
                    for e in candidates where e.parts == k && sameKey(e.key, u, scratch, k) {
                        let end = scratch[3 * (k - 1) + 1]
                        let dot = end < limit && u[end] == Chars.period
                        // One part with a dot in the lexicon needs its dot ("kl." yes, "kl" is a word).
                        if k == 1 && e.finalDot && !dot { continue }
                        return Match(end: end + (dot ? 1 : 0), entry: e, hasFinalDot: dot)
                    }
                }
                k -= 1
            }
            return nil
        }
    }

    private func sameKey(_ key: [UInt16], _ u: UnsafeBufferPointer<UInt16>, _ parts: UnsafeMutableBufferPointer<Int>, _ k: Int) -> Bool {
        var i = 0
        for part in 0..<k {
            if part > 0 {
                if i >= key.count || key[i] != Chars.period { return false }
                i += 1
            }
            for q in parts[3 * part]..<parts[3 * part + 1] {
                if i >= key.count || key[i] != Chars.lower(u[q]) { return false }
                i += 1
            }
        }
        return i == key.count
    }
}
