/// Reads every quantitative target in a stretch of Swedish text: the value,
/// its unit, the comparator, the phrase, what it measures and a baseline
/// ("öka från 70 till 85 procent"). Years, dates, codes, references
/// ("årskurs 7-9", "F21", "0920-45 30 00"), ordinals and a bare "en"/"ett"
/// are not quantities. Words come from `units.tsv`, `comparators.tsv` and
/// `number_contexts.tsv`.
///
/// The unit of a number: an explicit unit ("%", "procentenheter", "mkr",
/// "dagar") wins; a fraction ("hälften", "två av tre") is a percent; a large
/// amount ("2 miljoner") near a money word is kronor; a noun after the
/// number is what it counts ("500 nya bostäder": count); a bare number
/// beside a share ("andelen ... 85") is a percent; anything else ("NKI ska
/// vara minst 75") is `other`. A range "10–15 %" or "mellan 10 och 15 %"
/// gives two targets, >= and <=; "40/60" gives two ratios.
public final class TargetReader: @unchecked Sendable {
    let lexicon: ExtractLexicon
    let numbers: NumberReader
    let finder: TimeFinder

    public init(lexicons: Lexicons) throws {
        let lexicon = try ExtractLexicon(lexicons: lexicons)
        self.lexicon = lexicon
        numbers = NumberReader(lexicon: lexicon)
        finder = TimeFinder(lexicon: lexicon, numbers: numbers)
    }

    /// Every target in `doc.utf16[range]`, in text order, located in scalar offsets.
    public func read(_ doc: Document, _ range: Range<Int>) -> [Target] {
        let t = TextScan.tokens(doc.utf16, range)
        return readings(t).map { r in
            let span = t[r.span.lowerBound].range.lowerBound..<t[r.span.upperBound - 1].range.upperBound
            let (line, column) = doc.offsets.lineColumn(span.lowerBound)
            let location = Location(line: line, column: column, start: doc.offsets.scalarOffset(span.lowerBound),
                                    end: doc.offsets.scalarOffset(span.upperBound))
            let quantity = r.quantity.map { doc.string(t[$0.lowerBound].range.lowerBound..<t[$0.upperBound - 1].range.upperBound) }
            return Target(text: doc.string(span), value: r.value, unit: r.unit, comparator: r.comparator,
                          quantity: quantity, baseline: r.baseline, location: location)
        }
    }

    /// A target in token coordinates.
    struct Reading {
        var value: Double
        var unit: TargetUnit
        var comparator: Comparator
        var baseline: Double?
        var span: Range<Int>
        var quantity: Range<Int>?
    }

    func readings(_ t: [ScanToken]) -> [Reading] {
        let context = Context(t: t, lexicon: lexicon, numbers: numbers, times: finder.find(t))
        var out: [Reading] = []
        var i = 0
        while i < t.count {
            if context.inTime[i] { i += 1; continue }
            if let c = lexicon.comparators.match(t, at: i), c.value.position == .standalone,
               !(c.end < t.count && t[c.end].lower == "med") {
                // "Matsvinnet ska halveras": a target by itself.
                out.append(Reading(value: c.value.value ?? 0, unit: c.value.unit ?? .percent, comparator: c.value.comparator ?? .eq,
                                   span: i..<c.end, quantity: context.subject(before: i)))
                i = c.end
                continue
            }
            guard let m = numbers.match(t, at: i) else { i += 1; continue }
            i = max(m.end, i + 1)
            guard context.isQuantity(m) else {
                i = context.skipRange(after: m)
                continue
            }
            if context.inRelativeClause(m) { continue }
            let (found, next) = read(m, context)
            // "minst 88 procent (utfall 2024: 84 procent)": a stated outcome is the baseline.
            if context.isBaseline(m) {
                if var last = out.popLast() {
                    if last.baseline == nil, let b = found.first { last.baseline = b.value }
                    out.append(last)
                }
            } else {
                out += found
            }
            i = max(i, next)
        }
        return out
    }

    // MARK: one number

    private func read(_ m: NumberMatch, _ c: Context) -> ([Reading], Int) {
        let t = c.t
        // "40/60": a ratio when the two parts make a whole; other slashes are dates or codes.
        if m.form == .digits, m.end + 1 < t.count, t[m.end].text == "/", t[m.end].gap == .none, t[m.end + 1].gap == .none,
           let n = numbers.match(t, at: m.end + 1), n.form == .digits, !n.identifier {
            guard abs(m.value + n.value - 100) < 1e-9 else { return ([], n.end) }
            let comparator = c.comparator(before: m.start)?.comparator ?? .eq
            return ([Reading(value: m.value, unit: .ratio, comparator: comparator, span: m.start..<n.end),
                     Reading(value: n.value, unit: .ratio, comparator: comparator, span: m.start..<n.end)], n.end)
        }
        // "10–15 procent", "mellan 10 och 15 procent": a lower and an upper bound.
        if let n = rangeEnd(after: m, c) {
            if isAgeSpan(m, n, c) { return ([], n.end + 1) }
            let upper = measure(n, c)
            let span = (m.start > 0 && t[m.start - 1].lower == "mellan" ? m.start - 1 : m.start)..<upper.end
            return ([Reading(value: m.value * upper.scale, unit: upper.unit, comparator: .ge, span: span, quantity: upper.quantity),
                     Reading(value: upper.value, unit: upper.unit, comparator: .le, span: span, quantity: upper.quantity)], upper.end)
        }
        // "från 70 till 85 procent", "från dagens 70 procent år 2020 till 85 procent":
        // the target is the second, the first its baseline.
        if let from = (max(0, m.start - 2)..<m.start).last(where: { t[$0].lower == "från" }),
           !(from + 1..<m.start).contains(where: { !t[$0].isWord }) {
            let first = measure(m, c, countNoun: false)
            var j = first.end
            while j < t.count, c.inTime[j] { j += 1 }
            // "till 88", "till minst 88".
            var k = j + 1
            if j < t.count, t[j].lower == "till", let adverb = lexicon.comparators.match(t, at: k), adverb.value.position == .before {
                k = adverb.end
            }
            if j + 1 < t.count, t[j].lower == "till", let n = numbers.match(t, at: k), c.isQuantity(n) {
                var second = measure(n, c)
                if first.explicitUnit, !second.explicitUnit { second = measure(n, c, unit: first) }
                let base = first.explicitUnit || !second.explicitUnit ? first.value : m.value * second.scale
                var r = reading(second, numberStart: n.start, c, comparatorFrom: from)
                if k > j + 1, let adverb = c.comparatorsByEnd[k], let a = adverb.value.comparator, a != .eq { r.comparator = a }
                // No verb says which way: the two values do.
                if r.comparator == .eq, second.value != base { r.comparator = second.value > base ? .increase : .decrease }
                r.baseline = base
                r.span = min(r.span.lowerBound, from)..<r.span.upperBound
                return ([r], second.end)
            }
        }
        if isAge(m, c) { return ([], m.end + 1) }
        let measured = measure(m, c)
        return ([reading(measured, numberStart: m.start, c, comparatorFrom: measured.prefixStart ?? m.start)], measured.end)
    }

    /// The second number of "10–15" or "mellan 10 och 15".
    private func rangeEnd(after m: NumberMatch, _ c: Context) -> NumberMatch? {
        let t = c.t
        let j = m.end
        guard j + 1 < t.count, m.form == .digits || m.form == .words else { return nil }
        let dash = ["-", "–", "—"].contains(t[j].text) && t[j].gap <= .space && t[j + 1].gap <= .space
        let between = t[j].lower == "och" && m.start > 0 && t[m.start - 1].lower == "mellan"
        guard dash || between, let n = numbers.match(t, at: j + 1), c.isQuantity(n), n.form == m.form || between,
              n.value > m.value else { return nil }
        return n
    }

    /// "invånare 16–84 år": an age span describes who is counted, it is no target.
    private func isAgeSpan(_ m: NumberMatch, _ n: NumberMatch, _ c: Context) -> Bool {
        let t = c.t
        guard n.end < t.count, t[n.end].lower == "år" else { return false }
        return c.comparator(before: m.start) == nil
    }

    /// "personer över 75 år", "barn under 3 år": an age after a word for people.
    private func isAge(_ m: NumberMatch, _ c: Context) -> Bool {
        let t = c.t
        guard m.end < t.count, ["år", "års"].contains(t[m.end].lower) else { return false }
        var k = m.start
        if let cmp = c.comparatorsByEnd[k], cmp.value.position == .before { k = cmp.start }
        return k > 0 && lexicon.context(t[k - 1], is: .person)
    }

    private func reading(_ q: Measured, numberStart: Int, _ c: Context, comparatorFrom: Int) -> Reading {
        var comparator = Comparator.eq
        var start = min(q.prefixStart ?? numberStart, numberStart)
        if let found = c.comparator(before: comparatorFrom) {
            comparator = found.comparator
            start = min(start, found.start)
        }
        var end = q.end
        if let after = lexicon.comparators.match(c.t, at: q.end), after.value.position == .after, let a = after.value.comparator {
            comparator = a
            end = after.end
        }
        return Reading(value: q.value, unit: q.unit, comparator: comparator, span: start..<end, quantity: q.quantity)
    }

    // MARK: unit and value

    struct Measured {
        var value: Double
        var unit: TargetUnit
        var scale: Double
        /// The token after the number, its unit and a counted noun.
        var end: Int
        var quantity: Range<Int>?
        var explicitUnit: Bool
        var isFraction: Bool
        /// A currency written before the number ("$10", "SEK 500").
        var prefixStart: Int?
    }

    /// The unit and scaled value of a number. `countNoun`: may a noun after
    /// it make it a count. `unit`: take this unit instead of reading one.
    private func measure(_ m: NumberMatch, _ c: Context, countNoun: Bool = true, unit given: Measured? = nil) -> Measured {
        let t = c.t
        var q = Measured(value: m.value, unit: .other, scale: 1, end: m.end, quantity: nil, explicitUnit: false,
                         isFraction: m.form == .fraction, prefixStart: nil)
        if let g = given {
            q.unit = g.unit
            q.scale = g.scale
            q.value = g.isFraction ? Self.round2(m.value * 100) : m.value * g.scale
            return q
        }
        if m.form == .fraction {
            q.unit = .percent
            q.value = Self.round2(m.value * 100)
            q.quantity = c.ofPhrase(at: m.end) ?? c.countedNoun(at: m.end) ?? c.subject(before: m.start)
            return q
        }
        if m.end < t.count, t[m.end].gap <= .space, let u = lexicon.units.match(t, at: m.end), u.value.after {
            q.unit = u.value.unit
            q.scale = u.value.scale
            q.value = m.value * u.value.scale
            q.end = u.end
            q.explicitUnit = true
            // "2 kronor och 23 öre".
            if u.value.unit == .sek, u.value.scale == 1, let (ore, end) = c.subunit(after: u.end) {
                q.value += ore
                q.end = end
            }
        } else if let (u, start) = c.prefixUnit(before: m.start) {
            q.unit = u.unit
            q.scale = u.scale
            q.value = m.value * u.scale
            q.explicitUnit = true
            q.prefixStart = start
        }
        if q.explicitUnit {
            // "lägst 2,0 gånger": a multiple, not a number of times ("två gånger per år").
            if q.unit == .count, t[m.end].lower.hasPrefix("gång"), c.isMultiple(m, unitEnd: q.end) { q.unit = .ratio }
            q.quantity = q.unit == .count ? nil : (c.ofPhrase(at: q.end) ?? c.subject(before: q.prefixStart ?? m.start))
            return q
        }
        if m.scaled, m.value >= 1e6, c.mentionsMoney {
            q.unit = .sek
            return q
        }
        if countNoun, let noun = c.countedNoun(at: m.end) {
            q.unit = .count
            q.end = noun.upperBound
            q.quantity = noun
            return q
        }
        q.unit = c.isShare(before: m.start) ? .percent : c.isCount(before: m.start) ? .count : .other
        q.quantity = c.subject(before: m.start)
        return q
    }

    /// Rounded to two decimals, as shares are written ("två av tre" = 66.67).
    static func round2(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    // MARK: the words around the numbers

    /// The scanned tokens with what the readers know about them.
    struct Context {
        let t: [ScanToken]
        let lexicon: ExtractLexicon
        let numbers: NumberReader
        /// Tokens inside a time expression or its cue ("fram till år 2020"): never a quantity.
        let inTime: [Bool]
        let comparatorsByEnd: [Int: (value: ExtractLexicon.ComparatorCue, start: Int)]
        let mentionsMoney: Bool

        init(t: [ScanToken], lexicon: ExtractLexicon, numbers: NumberReader, times: [TimeExpression]) {
            self.t = t
            self.lexicon = lexicon
            self.numbers = numbers
            var inTime = [Bool](repeating: false, count: t.count)
            for e in times { for k in e.cueStart..<e.tokens.upperBound { inTime[k] = true } }
            self.inTime = inTime
            comparatorsByEnd = lexicon.comparators.matchesByEnd(t)
            mentionsMoney = t.contains { lexicon.context($0, is: .money) }
        }

        /// Is this number a quantity, or a year, code, label, ordinal or article?
        func isQuantity(_ m: NumberMatch) -> Bool {
            if m.identifier || m.form == .ordinal { return false }
            // A bare "en"/"ett" is an article, unless a measure follows ("inom ett år").
            if m.form == .article, !(m.end < t.count && lexicon.units.match(t, at: m.end)?.value.unit == .other) { return false }
            if (m.start..<m.end).contains(where: { inTime[$0] }) { return false }
            let first = t[m.start]
            // Glued to letters: "F21", "E4", "5-årig", "sex- och" (but "EUR29,99").
            let currencyBefore = prefixUnit(before: m.start) != nil
            if m.start > 0, first.gap == .none, t[m.start - 1].isWord, !currencyBefore { return false }
            if m.end < t.count, t[m.end].gap == .none, t[m.end].isWord, lexicon.units.match(t, at: m.end) == nil { return false }
            if m.end < t.count, t[m.end].text == "-", t[m.end].gap == .none,
               m.end + 1 >= t.count || t[m.end + 1].gap != .none || t[m.end + 1].isWord { return false }
            // "100K" is Duckling's, not a steering document's: a letter scale needs a unit.
            if m.scaled, m.end > 0, t[m.end - 1].gap == .none, t[m.end - 1].isWord,
               lexicon.digitScales[t[m.end - 1].text] != nil, lexicon.units.match(t, at: m.end) == nil, !currencyBefore {
                return false
            }
            // After a code's separator: "SFS 2010:800", "dnr 2023/123", "lulea.se/2030".
            if m.start > 1, first.gap == .none, [":", "/", ".", "_", "=", "#"].contains(t[m.start - 1].text),
               t[m.start - 1].gap == .none, t[m.start - 2].kind != .symbol { return false }
            // A reference after it: "2 kap.", "3 §".
            if m.end < t.count, t[m.end].gap <= .space, lexicon.context(t[m.end], is: .label_after) { return false }
            // "flera hundra", "några tusen": no number is stated.
            if m.form == .words, m.start > 0, lexicon.context(t[m.start - 1], is: .vague) { return false }
            // "3–5-åringar": the first number of a range whose end is part of a word.
            if m.end + 2 < t.count, ["-", "–"].contains(t[m.end].text), t[m.end].gap == .none, t[m.end + 1].isDigits,
               t[m.end + 2].text == "-", t[m.end + 2].gap == .none, m.end + 3 < t.count, t[m.end + 3].isWord, t[m.end + 3].gap == .none {
                return false
            }
            // A label before it: "årskurs 7", "kl. 13", "mål 3".
            var p = m.start - 1
            if p > 0, t[p].text == ".", t[p].gap == .none, t[p - 1].isWord { p -= 1 }
            if p >= 0, t[p].isWord, lexicon.context(t[p], is: .label) { return false }
            // A list number: "1." or "2)" opening the text.
            if m.start == 0, m.form == .digits, m.end < t.count, [".", ")"].contains(t[m.end].text), t[m.end].gap == .none {
                return false
            }
            // Bare digit groups side by side: a postcode or a code ("971 85").
            if m.form == .digits, m.end < t.count, t[m.end].isDigits, t[m.end].gap == .space, !inTime[m.end] { return false }
            if m.form == .digits, m.start > 0, t[m.start - 1].isDigits, first.gap == .space, !inTime[m.start - 1] { return false }
            // "vart fjärde år", "varannan vecka": a recurrence, not a share.
            if m.form == .fraction, m.end < t.count, let r = lexicon.recurrences.match(t, at: m.end), r.value.kind == .unit {
                return false
            }
            return true
        }

        /// After a skipped label, the rest of its range ("årskurs 7-9").
        func skipRange(after m: NumberMatch) -> Int {
            let j = max(m.end, m.start + 1)
            if j + 1 < t.count, ["-", "–"].contains(t[j].text), t[j + 1].isDigits, t[j].gap <= .space { return j + 2 }
            return j
        }

        /// The nearest comparator before token `k`: an adverb right before
        /// it ("minst"), else a verb a few words back in the clause ("minska
        /// utsläppen med"); an approximation ("cirka") gives way to a verb.
        func comparator(before k: Int) -> (comparator: Comparator, start: Int)? {
            var k = k
            var approximate: Int?
            if let c = comparatorsByEnd[k], c.value.position == .before, let cmp = c.value.comparator {
                if cmp != .eq { return negated(cmp, at: c.start) }
                approximate = c.start
                k = c.start
            }
            // "minska antalet blanketter som finns i pappersform med hälften": after
            // "med", the verb of change may stand further back, past a relative clause.
            let reach = k > 0 && t[k - 1].lower == "med" ? 15 : 7
            var j = k
            while j > max(0, k - reach) {
                if t[j - 1].isClauseBreak || t[j - 1].isDigits || (reach == 7 && lexicon.context(t[j - 1], is: .boundary)) { break }
                if let c = comparatorsByEnd[j], c.value.position == .verb, let cmp = c.value.comparator, c.start < k {
                    return negated(cmp, at: c.start)
                }
                j -= 1
            }
            if let a = approximate { return (.eq, a) }
            return nil
        }

        /// "inte överstiga", "ingen chef ska ha fler än": a negation up to
        /// four words before the comparator turns it round.
        private func negated(_ c: Comparator, at start: Int) -> (comparator: Comparator, start: Int) {
            var j = start - 1
            while j >= max(0, start - 4) {
                if t[j].isClauseBreak { break }
                if let n = lexicon.comparators.match(t, at: j), n.value.position == .negation, n.end <= start {
                    let flipped: Comparator
                    switch c {
                    case .gt: flipped = .le
                    case .lt: flipped = .ge
                    case .ge: flipped = .lt
                    case .le: flipped = .gt
                    default: flipped = c
                    }
                    return (flipped, j)
                }
                j -= 1
            }
            return (c, start)
        }

        /// A currency written before the number: "$10", "EUR 20", "Rs. 20".
        func prefixUnit(before k: Int) -> (ExtractLexicon.Unit, Int)? {
            guard k > 0, k < t.count, t[k].gap <= .space else { return nil }
            for s in max(0, k - 3)..<k {
                if let u = lexicon.units.match(t, at: s, limit: k), u.end == k, u.value.before { return (u.value, s) }
            }
            return nil
        }

        /// "och 23 öre" after "kronor": the öre as kronor.
        func subunit(after j: Int) -> (Double, Int)? {
            var k = j
            if k < t.count, t[k].lower == "och" { k += 1 }
            guard k + 1 < t.count, t[k].isDigits, t[k].text.count <= 2, let v = Double(t[k].text),
                  let u = lexicon.units.match(t, at: k + 1), u.value.unit == .sek, u.value.scale < 1 else { return nil }
            return (v * u.value.scale, u.end)
        }

        /// The noun phrase a number counts: words up to a function word, a
        /// verb of the clause, punctuation or a time expression ("nya bostäder").
        func countedNoun(at j: Int) -> Range<Int>? {
            var k = j
            while k < t.count, k - j < 4, t[k].isWord, t[k].gap <= .space, !inTime[k], !ends(at: k) { k += 1 }
            return k > j ? j..<k : nil
        }

        /// "(av) eleverna på gymnasiet": what a share is a share of.
        func ofPhrase(at j: Int) -> Range<Int>? {
            guard j < t.count, t[j].lower == "av" else { return nil }
            var k = j + 1
            // One preposition and its word stay inside ("eleverna på gymnasiet",
            // "alla resor i kommunen"); a conjunction, a verb of the clause or a
            // time cue ends it.
            let inside: Set<String> = ["på", "i", "inom", "vid", "för", "med"]
            var preposition: Int?
            while k < t.count, k - j <= 5, t[k].isWord, !inTime[k], !lexicon.context(t[k], is: .clause) {
                if let p = preposition, k > p + 1 { break }
                if inside.contains(t[k].lower), preposition == nil, k > j + 1 {
                    preposition = k
                } else if ends(at: k) {
                    break
                }
                k += 1
            }
            if let p = preposition, k == p + 1 { k = p }
            return k > j + 1 ? j + 1..<k : nil
        }

        /// The subject before the clause's verb, when the number stands after
        /// it: "Sjukfrånvaron", "Andelen behöriga lärare".
        func subject(before k: Int) -> Range<Int>? {
            guard let verb = (0..<min(k, 9)).first(where: { lexicon.context(t[$0], is: .clause) }), verb > 0 else { return nil }
            guard !(0..<verb).contains(where: { t[$0].isDigits || t[$0].isClauseBreak }) else { return nil }
            return 0..<verb
        }

        /// "lägst 2,0 gånger", "högst 3 gånger intäkterna": a multiple. Times
        /// ("två gånger per år", "tre gånger under 2025") are counted.
        func isMultiple(_ m: NumberMatch, unitEnd: Int) -> Bool {
            if m.value != m.value.rounded() { return true }
            guard let c = comparatorsByEnd[m.start], c.value.position == .before, c.value.comparator != .eq else { return false }
            var k = unitEnd
            while k < t.count, k < unitEnd + 3, !t[k].isClauseBreak {
                if inTime[k] || lexicon.recurrences.match(t, at: k) != nil { return false }
                k += 1
            }
            return true
        }

        /// A number in a relative clause that qualifies a noun: "investeringar som
        /// överstiger 50 miljoner kronor", "Antalet personer som får hjälp av fler än
        /// 15 olika personal ska minska" (the goal's own verb comes after).
        func inRelativeClause(_ m: NumberMatch) -> Bool {
            var k = m.start - 1
            var som: Int?
            while k >= 0, !t[k].isClauseBreak {
                if lexicon.tenseCues.match(t, at: k)?.value == .future { return false }
                if t[k].lower == "som" { som = k; break }
                k -= 1
            }
            guard let s = som, lexicon.comparators.match(t, at: s) == nil else { return false }
            if let c = lexicon.comparators.match(t, at: s + 1), c.end <= m.start,
               c.value.position == .verb || c.value.position == .before { return true }
            var j = m.end
            while j < t.count, !t[j].isClauseBreak {
                if lexicon.tenseCues.match(t, at: j)?.value == .future { return true }
                j += 1
            }
            return false
        }

        /// A stated outcome or present level just before the number ("utfall 2024: 84").
        func isBaseline(_ m: NumberMatch) -> Bool {
            // "(2023: 8,4 procent)": a year's outcome.
            if m.start > 1, t[m.start - 1].text == ":", inTime[m.start - 2] { return true }
            let window = max(0, m.start - 5)..<m.start
            if window.contains(where: { t[$0].lower == "från" }) { return false }   // "från dagens 70 till 85": a change
            var k = m.start - 1
            while k >= window.lowerBound {
                if lexicon.context(t[k], is: .baseline) { return true }
                if t[k].isClauseBreak && t[k].text != ":" { return false }
                k -= 1
            }
            return false
        }

        /// A count stands before the number ("utöka antalet familjehem med fem").
        func isCount(before k: Int) -> Bool {
            (max(0, k - 8)..<k).contains { lexicon.context(t[$0], is: .count_subject) }
        }

        /// A share stands before the number ("Andelen ... ska vara 85").
        func isShare(before k: Int) -> Bool {
            (0..<k).contains { lexicon.context(t[$0], is: .percent_subject) }
        }

        /// A word that ends a noun phrase after a number.
        private func ends(at k: Int) -> Bool {
            lexicon.context(t[k], is: .stop) || lexicon.context(t[k], is: .clause)
                || numbers.match(t, at: k).map { $0.form != .article } == true
                || lexicon.comparators.match(t, at: k) != nil || lexicon.recurrences.match(t, at: k) != nil
                || lexicon.timeCuesBefore.match(t, at: k) != nil
        }
    }
}

