/// What TargetReader knows about the words around the numbers of one text:
/// time expressions, comparators, labels, shares, counts, clause edges.
extension TargetReader {
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
