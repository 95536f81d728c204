/// What a goal's text says about time: the deadline (the end of the period
/// it is bound to), how often it recurs, and a baseline year it is measured
/// against. Ranges are UTF-16 offsets into `Document.utf16`.
public struct TimeReading: Sendable, Equatable {
    public var deadline: Deadline?
    public var deadlineRange: Range<Int>?
    /// "yearly", "quarterly", "monthly", "weekly", "daily", "every 4 years", ...
    public var recurrence: String?
    public var recurrenceRange: Range<Int>?
    /// A year compared against ("jämfört med 2010", "2010 års nivå"), ISO text.
    public var baseline: String?
    public var baselineRange: Range<Int>?

    public init(deadline: Deadline? = nil, deadlineRange: Range<Int>? = nil, recurrence: String? = nil,
                recurrenceRange: Range<Int>? = nil, baseline: String? = nil, baselineRange: Range<Int>? = nil) {
        self.deadline = deadline
        self.deadlineRange = deadlineRange
        self.recurrence = recurrence
        self.recurrenceRange = recurrenceRange
        self.baseline = baseline
        self.baselineRange = baselineRange
    }
}

/// Reads deadlines and recurrence in Swedish ("fram till 2020", "senast den
/// 30 juni 2026", "första kvartalet 2015", "planperioden 2024–2027",
/// "varje år", "vart fjärde år").
///
/// Choices: with several time expressions the deadline is the latest one,
/// the end of the whole period; a "start" ("från och med 2025") and a year
/// that names a set of goals ("för att nå målen till 2030") count only when
/// nothing else is given. Baselines ("jämfört med 2010"), the past
/// ("sedan 2013") and names ("Vision 2050", "Agenda 2030") are never
/// deadlines, and when the text has no word of plan (ska, bör, senast, mål...)
/// but a verb in the past ("År 2013 antogs planen"), its years are history.
/// A document name with a period ("HR-strategin 2012-2016") gives that
/// period's end: a goal inside such a strategy is bound to it.
public final class TimeReader: @unchecked Sendable {
    let lexicon: ExtractLexicon
    let finder: TimeFinder

    public init(lexicons: Lexicons) throws {
        let lexicon = try ExtractLexicon.shared(lexicons)
        self.lexicon = lexicon
        finder = TimeFinder(lexicon: lexicon, numbers: NumberReader(lexicon: lexicon))
    }

    public func read(_ doc: Document, _ range: Range<Int>) -> TimeReading {
        let t = TextScan.tokens(doc.utf16, range)
        var reading = TimeReading()
        let found = finder.find(t)
        func span(_ a: Int, _ b: Int) -> Range<Int> { t[a].range.lowerBound..<t[b - 1].range.upperBound }

        if let d = deadline(found, t) {
            let r = span(d.cueStart, d.tokens.upperBound)
            reading.deadline = Deadline(text: doc.string(r), date: d.date!.iso, inherited: false)
            reading.deadlineRange = r
        }
        if let b = found.first(where: { $0.role == .baseline && $0.date != nil }) {
            reading.baseline = b.date!.iso
            reading.baselineRange = span(b.cueStart, b.tokens.upperBound)
        }
        if let (text, tokens) = recurrence(t, found) {
            reading.recurrence = text
            reading.recurrenceRange = span(tokens.lowerBound, tokens.upperBound)
        }
        return reading
    }

    // MARK: deadline

    private func deadline(_ found: [TimeExpression], _ t: [ScanToken]) -> TimeExpression? {
        if readsAsPast(t) { return nil }
        let dated = found.filter { $0.date != nil }
        let bound = dated.filter { $0.role == .deadline || $0.role == .bare }
        let pool = bound.isEmpty ? dated.filter { $0.role == .start || $0.role == .reference } : bound
        var best: TimeExpression?
        for e in pool where best == nil || best!.date! < e.date! { best = e }
        return best
    }

    /// No word of plan, and a verb in the past.
    private func readsAsPast(_ t: [ScanToken]) -> Bool {
        var past = false
        var i = 0
        while i < t.count {
            if let m = lexicon.tenseCues.match(t, at: i) {
                if m.value == .future { return false }
                past = true
                i = m.end
            } else {
                i += 1
            }
        }
        return past
    }

    // MARK: recurrence

    private func recurrence(_ t: [ScanToken], _ found: [TimeExpression]) -> (String, Range<Int>)? {
        var i = 0
        while i < t.count {
            guard let m = lexicon.recurrences.match(t, at: i) else { i += 1; continue }
            var result: (String, Range<Int>)?
            switch m.value.kind {
            case .phrase:
                result = (m.value.text, i..<m.end)
            case .every:
                // "vart fjärde år", "var 14:e dag", "vartannat år".
                var n = Int(m.value.text)
                var j = m.end
                if n == nil, let o = finder.numbers.ordinalMatch(t, at: j) {
                    n = Int(o.value)
                    j = o.end
                }
                if let n, n > 1, let u = lexicon.recurrences.match(t, at: j), u.value.kind == .unit {
                    result = ("every \(n) \(u.value.text)", i..<u.end)
                }
            case .unit:
                break
            }
            if let r = result {
                // "varje år under mandatperioden 2023-2026": spread over the period, which is the deadline.
                let spread = found.contains { $0.isPeriod && $0.role == .deadline && $0.cueStart == r.1.upperBound && t[$0.cueStart].lower == "under" }
                if !spread { return r }
                i = r.1.upperBound
            } else {
                i = m.end
            }
        }
        return nil
    }
}
