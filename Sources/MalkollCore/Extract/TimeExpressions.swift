/// A calendar point as precise as the text gives it: a year, a month or a day.
struct CalendarDate: Comparable {
    /// Four digits in this span, written plainly, may be a year.
    static let years = 1800...2199

    var year: Int
    var month: Int?
    var day: Int?

    /// ISO text: "2020", "2016-10", "2015-03-31".
    var iso: String {
        var s = String(format: "%04d", year)
        if let m = month { s += String(format: "-%02d", m) }
        if let d = day { s += String(format: "-%02d", d) }
        return s
    }

    /// The last day it covers, for ordering: "2020" ends after "2020-10".
    private var lastDay: (Int, Int, Int) {
        let m = month ?? 12
        return (year, m, day ?? CalendarDate.daysIn(month: m, year: year))
    }

    static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.lastDay < b.lastDay }
    static func == (a: CalendarDate, b: CalendarDate) -> Bool { a.year == b.year && a.month == b.month && a.day == b.day }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func valid(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        (1...12).contains(m) && d >= 1 && d <= daysIn(month: m, year: y)
    }
}

/// A time expression found in scanned tokens, with the cue before it.
struct TimeExpression {
    enum Role { case deadline, start, reference, past, baseline, name, bare }
    /// Token indices of the expression itself ("första kvartalet 2015",
    /// "2016-2018", "30 juni 2026"), end exclusive.
    var tokens: Range<Int>
    /// Where its cue and filler words begin ("fram till år 2020").
    var cueStart: Int
    /// The end of the period it names; nil for a day or part of a year
    /// without a year ("den 30 juni"), which is still no quantity.
    var date: CalendarDate?
    var role: Role
    /// A span of years or a named period ("2016-2018", "planperioden 2024–2027").
    var isPeriod: Bool
}

/// Finds years, dates, periods and parts of years in scanned tokens, and
/// the role the words around each give it (`time_cues.tsv`).
struct TimeFinder {
    let lexicon: ExtractLexicon
    let numbers: NumberReader

    func find(_ t: [ScanToken]) -> [TimeExpression] {
        var found: [TimeExpression] = []
        var i = 0
        while i < t.count {
            if let (range, date, period) = expression(t, at: i) {
                found.append(TimeExpression(tokens: range, cueStart: range.lowerBound, date: date, role: .bare, isPeriod: period))
                i = range.upperBound
            } else {
                i += 1
            }
        }
        let cuesBefore = lexicon.timeCuesBefore.matchesByEnd(t)
        for k in found.indices {
            var start = found[k].tokens.lowerBound
            // Fillers belong to the expression ("år 2020", "planperioden 2024-2027").
            while let c = cuesBefore[start], c.value == .filler { start = c.start; found[k].isPeriod = found[k].isPeriod || t[start].lower.hasSuffix("perioden") }
            if let c = cuesBefore[start], let role = Self.role(c.value) {
                found[k].role = role
                start = c.start
            } else if let c = (max(0, start - 2)..<start).compactMap({ cuesBefore[$0] }).first(where: { $0.value == .baseline }),
                      !(c.start..<start).contains(where: { t[$0].isClauseBreak }) {
                // "jämfört med elevenkäten 2024": a baseline a word or two off.
                found[k].role = .baseline
            } else if start > 1, t[start - 1].isWord, t[start - 1].text.first?.isUppercase == true,
                      let c = cuesBefore[start - 1], c.value == .name {
                // "Vision Luleå 2050": a name with a proper noun inside.
                found[k].role = .name
            }
            found[k].cueStart = start
            if let after = lexicon.timeCuesAfter.match(t, at: found[k].tokens.upperBound), after.value == .baseline {
                found[k].role = .baseline
            }
            // "(SCB 2019)", "(2019)": a citation, not a period.
            if found[k].role == .bare, isCitation(t, found[k].tokens) { found[k].role = .name }
        }
        return found
    }

    /// A bare year closing a parenthesis opened at most three words before.
    private func isCitation(_ t: [ScanToken], _ r: Range<Int>) -> Bool {
        guard r.upperBound < t.count, t[r.upperBound].text == ")" else { return false }
        for k in stride(from: r.lowerBound - 1, through: max(0, r.lowerBound - 4), by: -1) {
            if t[k].text == "(" { return true }
            if t[k].isClauseBreak && t[k].text != "," { return false }
        }
        return false
    }

    private static func role(_ r: ExtractLexicon.TimeRole) -> TimeExpression.Role? {
        switch r {
        case .deadline: return .deadline
        case .start: return .start
        case .reference: return .reference
        case .past: return .past
        case .baseline: return .baseline
        case .name: return .name
        case .filler, .future, .past_verb: return nil
        }
    }

    // MARK: expressions

    private func expression(_ t: [ScanToken], at i: Int) -> (Range<Int>, CalendarDate?, Bool)? {
        if t[i].isDigits { return digitsExpression(t, at: i) }
        if t[i].isWord { return wordExpression(t, at: i) }
        return nil
    }

    private func year(_ t: [ScanToken], _ i: Int) -> Int? {
        guard i < t.count, t[i].isDigits, t[i].text.count == 4, let y = Int(t[i].text), CalendarDate.years.contains(y) else { return nil }
        return y
    }

    private func twoDigits(_ t: [ScanToken], _ i: Int) -> Int? {
        guard i < t.count, t[i].isDigits, t[i].text.count == 2 else { return nil }
        return Int(t[i].text)
    }

    private func isDash(_ tok: ScanToken) -> Bool { ["-", "–", "—", "\u{2011}", "\u{2212}"].contains(tok.text) }

    private func digitsExpression(_ t: [ScanToken], at i: Int) -> (Range<Int>, CalendarDate?, Bool)? {
        // A year glued to letters before it is a code ("F2030"), and so is
        // one glued to a separator after a word ("lulea.se/2030", "dnr 12/2025").
        if i > 0, t[i].gap == .none, t[i - 1].isWord { return nil }
        if i > 1, t[i].gap == .none, ["/", ".", "_", "=", "#", ":"].contains(t[i - 1].text), t[i - 1].gap == .none,
           t[i - 2].kind != .symbol {
            return nil
        }
        if let y = year(t, i) {
            // "2023-09-01", and a range of dates "2023-09-01–2026-08-31".
            if let (d, end) = isoDate(t, at: i) {
                if end < t.count, isDash(t[end]) || t[end].lower == "till", let (d2, end2) = isoDate(t, at: end + 1), d2 > d {
                    return (i..<end2, d2, true)
                }
                return (i..<end, d, false)
            }
            if i + 2 < t.count, isDash(t[i + 1]) || t[i + 1].text == "/", t[i + 1].gap <= .space, t[i + 2].gap <= .space {
                // "2016-2018", "2024–2027", "2025/2026".
                if let y2 = year(t, i + 2), y2 > y, y2 - y <= 50 {
                    return (i..<i + 3, CalendarDate(year: y2), true)
                }
                // "2019-20", "2025/26": a short year range; "2016-10": a month.
                if let n = twoDigits(t, i + 2), t[i + 1].gap == .none, t[i + 2].gap == .none,
                   !(i + 3 < t.count && t[i + 3].gap == .none && (t[i + 3].isDigits || isDash(t[i + 3]))) {
                    if n > y % 100 { return (i..<i + 3, CalendarDate(year: y - y % 100 + n), true) }
                    if (1...12).contains(n), isDash(t[i + 1]) { return (i..<i + 3, CalendarDate(year: y, month: n), false) }
                }
            }
            // "1990-talet": a decade, ending with its ninth year.
            if i + 2 < t.count, isDash(t[i + 1]), t[i + 1].gap == .none, t[i + 2].gap == .none,
               ["talet", "talets", "tal"].contains(t[i + 2].lower) {
                return (i..<i + 3, CalendarDate(year: y + 9), true)
            }
            if !plainYear(t, at: i) { return nil }
            // "mellan 2020 och 2025".
            if i > 0, t[i - 1].lower == "mellan", i + 2 < t.count, t[i + 1].lower == "och", let y2 = year(t, i + 2), y2 > y {
                return (i..<i + 3, CalendarDate(year: y2), true)
            }
            return (i..<i + 1, CalendarDate(year: y), false)
        }
        // "1:a kvartalet 2015".
        if let o = numbers.ordinalMatch(t, at: i), o.end < t.count, lexicon.hasPeriod(t[o.end].lower) {
            return periodExpression(t, from: i, after: o.end + 1, period: lexicon.period(t[o.end].lower, part: Int(o.value)))
        }
        // "31/12 2025", "den 1/7": a day and a month (with a year after, or "den" before).
        if t[i].text.count <= 2, let day = Int(t[i].text), i + 2 < t.count, t[i + 1].text == "/", t[i + 1].gap == .none,
           t[i + 2].gap == .none, t[i + 2].isDigits, t[i + 2].text.count <= 2, let month = Int(t[i + 2].text),
           (1...12).contains(month), (1...31).contains(day) {
            if let y = year(t, i + 3), t[i + 3].gap == .space, CalendarDate.valid(y, month, day) {
                return (i..<i + 4, CalendarDate(year: y, month: month, day: day), false)
            }
            if i > 0, t[i - 1].lower == "den" { return (i..<i + 3, nil, false) }
        }
        // "30 juni 2026", "1:a maj".
        if t[i].text.count <= 2, let day = Int(t[i].text), (1...31).contains(day) {
            var j = i + 1
            if let o = numbers.ordinalMatch(t, at: i), o.end > j { j = o.end }
            guard j < t.count, t[j].gap <= .space, let month = lexicon.months.match(t, at: j) else { return nil }
            if let y = year(t, month.end), t[month.end].gap <= .space, CalendarDate.valid(y, month.value, day) {
                return (i..<month.end + 1, CalendarDate(year: y, month: month.value, day: day), false)
            }
            return (i..<month.end, nil, false)
        }
        return nil
    }

    /// A plain four-digit year is no year when a unit or a digit group says
    /// it is a quantity ("2000 kronor", "över 2000 personer" is left to the
    /// target reader: it sees the comparator).
    private func plainYear(_ t: [ScanToken], at i: Int) -> Bool {
        let next = i + 1
        if next < t.count {
            if t[next].gap == .none, t[next].isWord || t[next].text == "%" { return false }
            if t[next].gap == .none, t[next].text == ",", next + 1 < t.count, t[next + 1].isDigits, t[next + 1].gap == .none {
                return false
            }
            // "2010:800", "2023/123": a reference; "fram till 2020:" ends a lead-in.
            if t[next].gap == .none, t[next].text == ":" || t[next].text == "/", next + 1 < t.count, t[next + 1].isDigits,
               t[next + 1].gap == .none {
                return false
            }
            if t[next].gap <= .space, let u = lexicon.units.match(t, at: next), u.value.unit != .other || t[next].lower != "år" {
                return false
            }
        }
        if i > 0 {
            let before = lexicon.comparators.matchesByEnd(Array(t[max(0, i - 3)..<i]))
            if let c = before[min(i, 3)], c.value.position == .before, c.value.comparator != .lt,
               lexicon.timeCuesBefore.match(t, at: i - 1) == nil {
                return false
            }
            if i > 1, t[i - 1].text == ":", t[i - 1].gap == .none, t[i - 2].isDigits { return false }
        }
        return true
    }

    /// "2023-09-01" at token i: the date and the token after it.
    private func isoDate(_ t: [ScanToken], at i: Int) -> (CalendarDate, Int)? {
        guard let y = year(t, i), i + 4 < t.count, isDash(t[i + 1]), isDash(t[i + 3]),
              t[i + 1].gap == .none, t[i + 2].gap == .none, t[i + 3].gap == .none, t[i + 4].gap == .none,
              let m = twoDigits(t, i + 2), let d = twoDigits(t, i + 4), CalendarDate.valid(y, m, d) else { return nil }
        return (CalendarDate(year: y, month: m, day: d), i + 5)
    }

    private func wordExpression(_ t: [ScanToken], at i: Int) -> (Range<Int>, CalendarDate?, Bool)? {
        // "oktober 2016", "januari–mars 2025".
        if let m = lexicon.months.match(t, at: i) {
            var month = m.value
            var j = m.end
            if j + 1 < t.count, isDash(t[j]) || t[j].lower == "till", let m2 = lexicon.months.match(t, at: j + 1) {
                month = m2.value
                j = m2.end
            }
            if let y = year(t, j), t[j].gap <= .space, !(j + 1 < t.count && t[j + 1].gap == .none && t[j + 1].isWord) {
                return (i..<j + 1, CalendarDate(year: y, month: month), false)
            }
            return nil
        }
        // "första kvartalet 2015", "andra halvåret".
        if let o = numbers.ordinalMatch(t, at: i), o.end < t.count, lexicon.hasPeriod(t[o.end].lower) {
            let p = lexicon.period(t[o.end].lower, part: Int(o.value))
            return periodExpression(t, from: i, after: o.end + 1, period: p)
        }
        if lexicon.hasPeriod(t[i].lower) {
            // "kvartal 2 2025", "Q1 2026", "våren 2025".
            if i + 1 < t.count, t[i + 1].isDigits, t[i + 1].text.count == 1, let part = Int(t[i + 1].text),
               let p = lexicon.period(t[i].lower, part: part) {
                return periodExpression(t, from: i, after: i + 2, period: p)
            }
            if let p = lexicon.period(t[i].lower, part: nil), let y = year(t, i + 1), t[i + 1].gap <= .space {
                return (i..<i + 2, CalendarDate(year: y, month: p.month, day: p.day), false)
            }
        }
        return nil
    }

    private func periodExpression(_ t: [ScanToken], from i: Int, after j: Int,
                                  period: ExtractLexicon.Period?) -> (Range<Int>, CalendarDate?, Bool) {
        // "kvartalet 2015", "kvartalet år 2015".
        var k = j
        if k < t.count, ["år", "året"].contains(t[k].lower) { k += 1 }
        if let p = period, let y = year(t, k), t[k].gap <= .space {
            return (i..<k + 1, CalendarDate(year: y, month: p.month, day: p.day), false)
        }
        return (i..<j, nil, false)
    }
}
