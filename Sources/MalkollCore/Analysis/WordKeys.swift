/// Words as hashed, lower-cased keys: the analyzer compares words by key
/// (a 64-bit FNV-1a hash of the case-folded UTF-16 units), so the hot path
/// builds no strings and runs no regular expressions.
enum WordKey {
    /// Lower-cases ASCII and Latin-1 capitals (Å, Ä, Ö, É, Ü ...); other
    /// units are kept, which is enough for Swedish cue words.
    @inline(__always) static func fold(_ u: UInt16) -> UInt16 {
        if u >= 0x41 && u <= 0x5A { return u + 0x20 }
        if u >= 0xC0 && u <= 0xDE && u != 0xD7 { return u + 0x20 }
        return u
    }

    @inline(__always) static func isUpper(_ u: UInt16) -> Bool {
        (u >= 0x41 && u <= 0x5A) || (u >= 0xC0 && u <= 0xDE && u != 0xD7)
    }

    @inline(__always) static func isLower(_ u: UInt16) -> Bool {
        (u >= 0x61 && u <= 0x7A) || (u >= 0xDF && u <= 0xFF && u != 0xF7)
    }

    @inline(__always) static func isLetterOrDigit(_ u: UInt16) -> Bool {
        isUpper(u) || isLower(u) || (u >= 0x30 && u <= 0x39) || (u > 0xFF && u != 0x2013 && u != 0x2014 && u != 0x2026 && u != 0x2022 && !(u >= 0x2018 && u <= 0x201F))
    }

    static func hash<C: Collection>(_ units: C) -> UInt64 where C.Element == UInt16 {
        var h: UInt64 = 0xcbf29ce484222325
        for u in units {
            h = (h ^ UInt64(fold(u))) &* 0x100000001b3
        }
        return h
    }

    static func hash(_ s: String) -> UInt64 { hash(Array(s.utf16)) }

    /// The words of a lexicon phrase: split on everything that is not a
    /// letter or digit ("kunder/brukare" is two words), "…" kept as a gap.
    static func phraseWords(_ phrase: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for ch in phrase {
            if ch == "…" {
                if !cur.isEmpty { out.append(cur); cur = "" }
                out.append("…")
            } else if ch.isLetter || ch.isNumber {
                cur.append(ch)
            } else if !cur.isEmpty {
                out.append(cur)
                cur = ""
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }
}

/// The words of one span (a sentence, a list item, a heading) with what the
/// stages ask of them: key, range, capitalisation, and whether punctuation
/// stands between a word and the one before it.
struct WordSpan {
    var keys: [UInt64] = []
    var ranges: [Range<Int>] = []
    /// Punctuation (comma, colon, parenthesis, dash ...) precedes the word.
    var breakBefore: [Bool] = []
    /// The punctuation before the word is a comma or semicolon.
    var commaBefore: [Bool] = []
    var capitalised: [Bool] = []
    var count: Int { keys.count }

    /// Builds the words of `range` from the document's tokens.
    init(_ doc: Document, range: Range<Int>) {
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if Int(tokens[mid].end) <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var pendingBreak = false, pendingComma = false
        let estimate = range.count / 5 + 4
        keys.reserveCapacity(estimate); ranges.reserveCapacity(estimate); breakBefore.reserveCapacity(estimate)
        commaBefore.reserveCapacity(estimate); capitalised.reserveCapacity(estimate)
        doc.utf16.withUnsafeBufferPointer { u in
            var i = lo
            while i < tokens.count, Int(tokens[i].start) < range.upperBound {
                let t = tokens[i]
                i += 1
                let a = max(Int(t.start), range.lowerBound), b = min(Int(t.end), range.upperBound)
                guard a < b else { continue }
                if t.kind == .punctuation || t.kind == .symbol {
                    let c = u[a]
                    // A slash or hyphen joins words ("kunder/brukare"); the rest break a phrase.
                    if c != 0x2F && c != 0x2D { pendingBreak = true }
                    if c == 0x2C || c == 0x3B { pendingComma = true }
                    continue
                }
                keys.append(WordKey.hash(UnsafeBufferPointer(rebasing: u[a..<b])))
                ranges.append(a..<b)
                breakBefore.append(pendingBreak)
                commaBefore.append(pendingComma)
                capitalised.append(WordKey.isUpper(u[a]))
                pendingBreak = false
                pendingComma = false
            }
        }
    }

    init() {}

    /// The words of a string outside any document (a heading name to look up).
    init(words text: String) {
        var offset = 0
        for w in WordKey.phraseWords(text) where w != "…" {
            keys.append(WordKey.hash(w))
            ranges.append(offset..<(offset + w.utf16.count))
            offset += w.utf16.count + 1
            breakBefore.append(false)
            commaBefore.append(false)
            capitalised.append(w.first?.isUppercase ?? false)
        }
    }
}

/// Phrases of one or more words looked up by the key of their first word;
/// "…" in a phrase is a gap of up to `maxGap` words.
struct PhraseIndex<Value> {
    struct Entry {
        /// The phrase's parts: words that must follow each other, gaps between parts.
        let parts: [[UInt64]]
        let value: Value
        var length: Int { parts.reduce(0) { $0 + $1.count } }
    }

    private(set) var byFirst = KeyTable<[Entry]>()
    var maxGap = 20

    mutating func add(_ phrase: String, _ value: Value) {
        var parts: [[UInt64]] = [[]]
        for w in WordKey.phraseWords(phrase) {
            if w == "…" { parts.append([]) } else { parts[parts.count - 1].append(WordKey.hash(w)) }
        }
        parts.removeAll { $0.isEmpty }
        guard let first = parts.first?.first else { return }
        var list = byFirst[first] ?? []
        list.append(Entry(parts: parts, value: value))
        byFirst[first] = list
    }

    func contains(first key: UInt64) -> Bool { byFirst[key] != nil }

    /// The longest phrase starting at word `i`: its value and the index just
    /// past its last word. Contiguous parts may not cross punctuation.
    func match(_ span: WordSpan, at i: Int) -> (value: Value, end: Int, gapped: Bool)? {
        guard let entries = byFirst[span.keys[i]] else { return nil }
        var best: (value: Value, end: Int, gapped: Bool)? = nil
        var bestLength = 0
        for e in entries {
            guard let end = matchEntry(e, span, i) else { continue }
            if e.length > bestLength { best = (e.value, end, e.parts.count > 1); bestLength = e.length }
        }
        return best
    }

    private func matchEntry(_ e: Entry, _ span: WordSpan, _ start: Int) -> Int? {
        var pos = start
        for (pi, part) in e.parts.enumerated() {
            if pi == 0 {
                guard contiguous(part, span, pos) else { return nil }
                pos += part.count
            } else {
                var found = false
                var p = pos
                while p < span.count && p - pos <= maxGap {
                    if contiguous(part, span, p) { pos = p + part.count; found = true; break }
                    p += 1
                }
                if !found { return nil }
            }
        }
        return pos
    }

    private func contiguous(_ part: [UInt64], _ span: WordSpan, _ at: Int) -> Bool {
        guard at + part.count <= span.count else { return false }
        for k in 0..<part.count {
            if span.keys[at + k] != part[k] { return false }
            if k > 0 && span.breakBefore[at + k] { return false }
        }
        return true
    }
}

/// A set of single words by key.
struct WordSet {
    private var table = KeyTable<Bool>()
    init(_ words: [String]) { for w in words { table[WordKey.hash(w)] = true } }
    init() {}
    func contains(_ key: UInt64) -> Bool { table[key] != nil }
}

/// A small open-addressing hash table keyed by word keys, which are hashes
/// already: no second hashing on the hot path (a Dictionary would SipHash).
struct KeyTable<Value> {
    private var keys: [UInt64] = Array(repeating: 0, count: 64)
    private var values: [Value?] = Array(repeating: nil, count: 64)
    private var count = 0

    subscript(_ key: UInt64) -> Value? {
        get {
            let k = key == 0 ? 1 : key
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: k) & mask
            while true {
                let here = keys[i]
                if here == k { return values[i] }
                if here == 0 { return nil }
                i = (i + 1) & mask
            }
        }
        set {
            let k = key == 0 ? 1 : key
            if (count + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var i = Int(truncatingIfNeeded: k) & mask
            while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
            if keys[i] == 0 { keys[i] = k; count += 1 }
            values[i] = newValue
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: nil, count: oldKeys.count * 2)
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 { self[k] = oldValues[i] }
    }
}
