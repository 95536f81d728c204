/// Reads Swedish numbers in digits and words: "10 000", "1.200.000", "10,5",
/// "100K", "två", "tjugofem", "tvåhundrafemtio", "tjugo tusen",
/// "1,2 miljarder", "ett par", fractions ("hälften", "en tredjedel",
/// "två av tre", "var tredje") and ordinals ("första", "3:e",
/// "trettioförsta"). The words come from `number_words.tsv` and
/// `ordinals.tsv`; this type holds the grammar that composes them.
public final class NumberReader: @unchecked Sendable {
    let lexicon: ExtractLexicon

    public init(lexicons: Lexicons) throws {
        lexicon = try ExtractLexicon.shared(lexicons)
    }

    init(lexicon: ExtractLexicon) {
        self.lexicon = lexicon
    }

    /// The number the whole text is, or nil. A fraction is its value
    /// ("hälften" = 0.5, "två av tre" = 0.667); an ordinal is not a number here.
    public func value(of text: String) -> Double? {
        let t = TextScan.tokens(text)
        guard let m = match(t, at: 0, spacedSign: true), m.end == t.count, m.form != .ordinal, !m.identifier else { return nil }
        return m.value
    }

    /// The ordinal the whole text is ("första" = 1, "3:e" = 3), or nil.
    public func ordinal(of text: String) -> Int? {
        let t = TextScan.tokens(text)
        guard let m = ordinalMatch(t, at: 0), m.end == t.count else { return nil }
        return Int(m.value)
    }

    // MARK: matching on scanned tokens

    /// The number that starts at token `i`, if any.
    /// `spacedSign`: accept "- 5" (a minus sign and a space) as negative;
    /// in running text a hyphen and a space is a dash or a bullet.
    func match(_ t: [ScanToken], at i: Int, limit: Int? = nil, spacedSign: Bool = false) -> NumberMatch? {
        let limit = min(limit ?? t.count, t.count)
        guard i < limit else { return nil }
        // A minus sign: a word ("minus 5") or "-" written before the digits.
        if t[i].isWord, let w = lexicon.numberWords.match(t, at: i, limit: limit), w.value.kind == .sign,
           var m = match(t, at: w.end, limit: limit), m.form != .ordinal, !m.identifier {
            m.value *= w.value.value ?? -1
            m.start = i
            m.yearLike = false
            return m
        }
        if t[i].text == "-" || t[i].text == "\u{2212}", i + 1 < limit,
           t[i + 1].gap == .none || (spacedSign && t[i + 1].gap == .space),
           t[i + 1].isDigits || t[i + 1].text == ",",
           i == 0 || (t[i].gap != .none && !t[i - 1].isDigits),
           var m = digitsMatch(t, at: i + 1, limit: limit, signed: true), m.form != .ordinal, !m.identifier {
            m.value = -m.value
            m.start = i
            m.yearLike = false
            return m
        }
        if let m = ordinalMatch(t, at: i, limit: limit) { return m }
        if let m = digitsMatch(t, at: i, limit: limit, signed: false) { return m.identifier ? m : extend(m, t, limit) }
        if let m = wordMatch(t, at: i, limit: limit) { return m.form == .fraction ? m : extend(m, t, limit) }
        return nil
    }

    /// An ordinal at token `i`: "3:e", "1a", "första", "tjugofemte".
    func ordinalMatch(_ t: [ScanToken], at i: Int, limit: Int? = nil) -> NumberMatch? {
        let limit = min(limit ?? t.count, t.count)
        guard i < limit else { return nil }
        if t[i].isDigits, t[i].text.count <= 4, let v = Int(t[i].text), v > 0 {
            if i + 1 < limit, t[i + 1].gap == .none, t[i + 1].isWord, lexicon.ordinalSuffixes.contains(t[i + 1].lower),
               !(i + 2 < limit && t[i + 2].gap == .none && t[i + 2].isWord) {
                return NumberMatch(value: Double(v), start: i, end: i + 2, form: .ordinal)
            }
            if i + 2 < limit, t[i + 1].text == ":", t[i + 1].gap == .none, t[i + 2].gap == .none, t[i + 2].isWord,
               lexicon.ordinalSuffixes.contains(":" + t[i + 2].lower) {
                return NumberMatch(value: Double(v), start: i, end: i + 3, form: .ordinal)
            }
            return nil
        }
        if t[i].isWord, let v = ordinalValue(t[i].lower) {
            return NumberMatch(value: Double(v), start: i, end: i + 1, form: .ordinal)
        }
        return nil
    }

    /// The value of an ordinal word, composed when needed ("tjugo"+"femte").
    func ordinalValue(_ word: String) -> Int? { facts(word).ordinal }

    /// What one word is as a number: its morphemes, its ordinal value, the
    /// denominator it names. Worked out once per word.
    struct WordFacts {
        var parts: [(value: Double, kind: ExtractLexicon.NumberWordKind)]?
        var ordinal: Int?
        var denominator: Int?
    }
    private let memo = WordMemo<WordFacts>()

    func facts(_ word: String) -> WordFacts {
        memo.value(word) {
            var f = WordFacts()
            let scalars = Array(word.unicodeScalars)
            f.parts = parts(scalars[...])
            f.ordinal = composedOrdinal(word)
            f.denominator = computeDenominator(word)
            return f
        }
    }

    private func composedOrdinal(_ word: String) -> Int? {
        if let v = lexicon.ordinalWord(word) { return v }
        guard let last = word.unicodeScalars.last, last == "a" || last == "e" else { return nil }
        for (form, v) in lexicon.ordinalWords where hasEnding(word, form) {
            let head = Array(word.unicodeScalars.dropLast(form.unicodeScalars.count))
            guard let headParts = parts(head[...]) else { continue }
            var acc = WordNumberAccumulator()
            guard headParts.allSatisfy({ acc.add($0.value, $0.kind) }) else { continue }
            let kind: ExtractLexicon.NumberWordKind = v < 20 ? .unit : v < 100 ? .ten : v < 1000 ? .hundred : .scale
            if acc.add(Double(v), kind), acc.value == acc.value.rounded() { return Int(acc.value) }
        }
        return nil
    }

    /// The morphemes a word splits into, read from a fresh start ("tvåhundrafemtio"
    /// = två hundra femtio), or nil when it is not wholly a number.
    private func parts(_ w: ArraySlice<Unicode.Scalar>) -> [(value: Double, kind: ExtractLexicon.NumberWordKind)]? {
        guard let first = w.first, lexicon.morphemeStarts.contains(first) else { return nil }
        var path: [(value: Double, kind: ExtractLexicon.NumberWordKind)] = []
        func search(_ pos: Int, _ acc: WordNumberAccumulator) -> Bool {
            if pos == w.endIndex { return true }
            for (form, m) in lexicon.morphemes {
                guard pos + form.count <= w.endIndex, w[pos..<pos + form.count].elementsEqual(form) else { continue }
                var next = acc
                guard next.add(m.value ?? 0, m.kind) else { continue }
                path.append((m.value ?? 0, m.kind))
                if search(pos + form.count, next) { return true }
                path.removeLast()
            }
            return false
        }
        return search(w.startIndex, WordNumberAccumulator()) ? path : nil
    }

    // MARK: digits

    private func digitsMatch(_ t: [ScanToken], at i: Int, limit: Int, signed: Bool) -> NumberMatch? {
        var j = i
        var whole = ""
        var fraction = ""
        var grouped = false
        if t[j].text == ",", j + 1 < limit, t[j + 1].isDigits, t[j + 1].gap == .none, signed || j == 0 || t[j].gap != .none {
            whole = "0"
            fraction = t[j + 1].text
            j += 2
        } else {
            guard t[j].isDigits else { return nil }
            whole = t[j].text
            j += 1
            // "+46 920 ...": a telephone number.
            if !signed, i > 0, t[i - 1].text == "+", t[i].gap == .none {
                return identifier(t, from: i - 1, after: j, limit: limit)
            }
            if whole.count <= 3 {
                if j + 1 < limit, t[j].text == ".", t[j].gap == .none, t[j + 1].isDigits, t[j + 1].gap == .none,
                   t[j + 1].text.count == 3 {
                    // "1.200.000": every group after a dot has three digits, or it is a reference ("2.3.1").
                    var k = j
                    var groups = whole
                    while k + 1 < limit, t[k].text == ".", t[k].gap == .none, t[k + 1].isDigits, t[k + 1].gap == .none {
                        guard t[k + 1].text.count == 3 else { return identifier(t, from: i, after: k + 2, limit: limit) }
                        groups += t[k + 1].text
                        k += 2
                    }
                    whole = groups
                    j = k
                    grouped = true
                } else {
                    // "10 000": groups of three after one space on the line.
                    while j < limit, t[j].isDigits, t[j].gap == .space, t[j].text.count == 3 {
                        whole += t[j].text
                        j += 1
                        grouped = true
                    }
                }
            }
            // "2.3", "13.30": a section number or a time of day.
            if !grouped, j + 1 < limit, t[j].text == ".", t[j].gap == .none, t[j + 1].isDigits, t[j + 1].gap == .none {
                var k = j
                while k + 1 < limit, t[k].text == ".", t[k].gap == .none, t[k + 1].isDigits, t[k + 1].gap == .none { k += 2 }
                return identifier(t, from: i, after: k, limit: limit)
            }
            if j + 1 < limit, t[j].text == ",", t[j].gap == .none, t[j + 1].isDigits, t[j + 1].gap == .none {
                fraction = t[j + 1].text
                j += 2
            }
            // "0920-45 30 00", "08": a leading zero makes a code, not a quantity.
            if whole.count >= 2, whole.hasPrefix("0"), fraction.isEmpty, !grouped {
                return identifier(t, from: i, after: j, limit: limit)
            }
        }
        guard var value = Double(fraction.isEmpty ? whole : whole + "." + fraction) else { return nil }
        var m = NumberMatch(value: value, start: i, end: j, form: .digits)
        // "100K", "3M": a scale letter straight after the digits.
        if j < limit, t[j].gap == .none, t[j].isWord, let s = lexicon.digitScales[t[j].text],
           !(j + 1 < limit && t[j + 1].gap == .none && t[j + 1].isWord) {
            value *= s
            m.end = j + 1
            m.scaled = true
        }
        m.value = value
        m.yearLike = whole.count == 4 && !grouped && fraction.isEmpty && !m.scaled && CalendarDate.years.contains(Int(whole) ?? 0)
        return m
    }

    /// A code (telephone number, section number, time of day): consumed
    /// with the digit groups that belong to it, so none of them is read.
    private func identifier(_ t: [ScanToken], from i: Int, after j: Int, limit: Int) -> NumberMatch {
        var k = j
        while k < limit {
            if (t[k].text == "-" || t[k].text == "–"), k + 1 < limit, t[k].gap <= .space, t[k + 1].isDigits, t[k + 1].gap <= .space {
                k += 2
            } else if t[k].isDigits, t[k].gap <= .space, t[k].text.count <= 4 {
                k += 1
            } else {
                break
            }
        }
        var m = NumberMatch(value: 0, start: i, end: k, form: .digits)
        m.identifier = true
        return m
    }

    // MARK: words

    private func wordMatch(_ t: [ScanToken], at i: Int, limit: Int) -> NumberMatch? {
        guard t[i].isWord else { return nil }
        if let w = lexicon.numberWords.match(t, at: i, limit: limit) {
            switch w.value.kind {
            case .phrase:
                return NumberMatch(value: w.value.value ?? 0, start: i, end: w.end, form: .words)
            case .fraction:
                return NumberMatch(value: w.value.value ?? 0, start: i, end: w.end, form: .fraction)
            case .every:
                // "varannan" = 1/2, "var tredje" = 1/3.
                if let n = w.value.value, n > 0 { return NumberMatch(value: 1 / n, start: i, end: w.end, form: .fraction) }
                // "var tredje" (not "var andra": that is "was other").
                if let o = ordinalMatch(t, at: w.end, limit: limit), o.value > 2 {
                    return NumberMatch(value: 1 / o.value, start: i, end: o.end, form: .fraction)
                }
                return nil
            default:
                break
            }
        }
        var acc = WordNumberAccumulator()
        var j = i
        while j < limit, t[j].isWord, j == i || t[j].gap <= .space {
            guard let next = composeWord(t[j].lower, from: acc) else { break }
            acc = next
            j += 1
        }
        guard j > i else { return nil }
        return NumberMatch(value: acc.value, start: i, end: j, form: acc.isArticleOnly ? .article : .words)
    }

    /// The accumulator after reading one word made of number morphemes, or
    /// nil when the word is not (wholly) a number that fits after `acc`.
    private func composeWord(_ word: String, from acc: WordNumberAccumulator) -> WordNumberAccumulator? {
        guard let parts = facts(word).parts else { return nil }
        var acc = acc
        return parts.allSatisfy({ acc.add($0.value, $0.kind) }) ? acc : nil
    }

    // MARK: what may follow a number

    /// Scale words, fractions and "X av Y" after a number.
    private func extend(_ m: NumberMatch, _ t: [ScanToken], _ limit: Int) -> NumberMatch {
        var m = m
        guard m.form != .ordinal else { return m }
        let j = m.end
        // "1,2 miljarder", "5 tusen", "3 mn".
        if m.form == .digits, !m.scaled, let s = scaleWord(t, at: j, limit: limit) {
            m.value *= s.value
            m.end = s.end
            m.scaled = true
            m.yearLike = false
            return m
        }
        guard m.value == m.value.rounded(), m.value > 0, !m.yearLike, j < limit, t[j].gap <= .space, t[j].isWord else { return m }
        // "en tredjedel", "två tredjedelar", "en halv (miljon)".
        if let d = denominator(t[j].lower) {
            m.value /= Double(d)
            m.end = j + 1
            m.form = .fraction
            // "en halv timme": half of a thing, not a share ("en halv av" is rare).
            if lexicon.numberWords.value(word: t[j].lower)?.kind == .half, j + 1 < limit, t[j + 1].isWord,
               t[j + 1].lower != "av", t[j + 1].gap <= .space, scaleWord(t, at: j + 1, limit: limit) == nil {
                m.form = .words
            }
            if let s = scaleWord(t, at: j + 1, limit: limit) {
                m.value *= s.value
                m.end = s.end
                m.form = .words
                m.scaled = true
            }
            return m
        }
        // "två av tre", "9 av 10".
        if t[j].lower == "av", j + 1 < limit, t[j + 1].gap <= .space,
           let y = match(t, at: j + 1, limit: limit), y.form == .digits || y.form == .words,
           !y.identifier, !y.yearLike, !y.scaled, y.value == y.value.rounded(), y.value > m.value {
            m.value /= y.value
            m.end = y.end
            m.form = .fraction
        }
        return m
    }

    private func scaleWord(_ t: [ScanToken], at j: Int, limit: Int) -> (value: Double, end: Int)? {
        guard j < limit, t[j].gap <= .space, t[j].isWord, let w = lexicon.numberWords.match(t, at: j, limit: limit),
              w.value.kind == .scale || w.value.kind == .abbrev, let v = w.value.value else { return nil }
        return (v, w.end)
    }

    /// The denominator a word names: "halv" = 2, "tredjedel(ar)" = 3, "tiondel" = 10.
    func denominator(_ word: String) -> Int? { facts(word).denominator }

    private func computeDenominator(_ word: String) -> Int? {
        if let w = lexicon.numberWords.value(word: word), w.kind == .half, let v = w.value { return Int(v) }
        for ending in ["delarna", "delar", "delen", "del"] where hasEnding(word, ending) {
            guard lexicon.numberWords.value(word: ending)?.kind == .part else { continue }
            let stem = String(word.dropLast(ending.count))
            if let v = composedOrdinal(stem) ?? composedOrdinal(stem + "de"), v > 1 { return v }
        }
        return nil
    }
}

/// A number found in scanned tokens.
struct NumberMatch {
    enum Form {
        case digits, words, ordinal
        /// A share: "hälften", "en tredjedel", "två av tre", "var tredje".
        case fraction
        /// A bare "en"/"ett": an article, never a quantity by itself.
        case article
    }
    var value: Double
    /// Token indices, end exclusive.
    var start: Int
    var end: Int
    var form: Form
    /// Four digits written plainly in `CalendarDate.years`: a year unless its context says otherwise.
    var yearLike = false
    /// A code, reference or telephone number: no quantity.
    var identifier = false
    /// A scale word or letter multiplied it ("2 miljoner", "3M").
    var scaled = false
}

/// Composes number morphemes the Swedish way: a unit or a ten and a unit
/// make a group below a hundred, "hundra" multiplies the group before it,
/// a scale word (tusen, miljon) closes the group. Anything else ("fem fem",
/// "tjugo tjugo") is refused so that two numbers never fuse into one.
struct WordNumberAccumulator {
    private var total: Double = 0
    private var current: Double = 0
    private var last: ExtractLexicon.NumberWordKind?
    private var lastScale = Double.infinity
    private var count = 0
    private var article = false

    var value: Double { total + current }
    var isArticleOnly: Bool { count == 1 && article }

    mutating func add(_ v: Double, _ kind: ExtractLexicon.NumberWordKind) -> Bool {
        switch kind {
        case .article:
            guard last == nil else { return false }
            current = 1
            article = true
        case .unit:
            if last == .article || last == .unit { return false }
            if last == .ten, v == 0 || v >= 10 { return false }
            if v == 0, last != nil { return false }
            current += v
        case .ten:
            if last == .article || last == .unit || last == .ten { return false }
            current += v
        case .hundred:
            if last == .hundred || last == .ten { return false }
            if current == 0 { current = v } else if current < 100 { current *= v } else { return false }
        case .scale:
            if v >= lastScale { return false }
            total += (current == 0 ? 1 : current) * v
            current = 0
            lastScale = v
        default:
            return false
        }
        last = kind
        count += 1
        return true
    }
}
