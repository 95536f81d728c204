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
        let lexicon = try ExtractLexicon.shared(lexicons)
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
}
