import Foundation

/// What the assessor reads in one goal, computed once and shared by every
/// rule: the goal's words (parenthetical remarks left out: they are asides,
/// not the goal), its head verb, the object of that verb, and the evidence
/// that makes a goal specific or measurable. Ranges are UTF-16 offsets into
/// the document, like everything inside malkoll.
public struct SmartReading {
    public struct Word {
        /// Lower-cased.
        public let text: String
        public let range: Range<Int>
        /// Punctuation stood between this word and the one before.
        public let afterBoundary: Bool
    }

    public struct Head {
        /// Index range into `words`.
        public let words: Range<Int>
        public let lemma: String
        let kind: AssessLexicon.VerbKind
    }

    /// What makes the goal specific and measurable, strongest first.
    public enum Evidence {
        case quantity(Target)
        case measurement(Range<Int>)
        case deliverable(Range<Int>)
    }

    public let doc: Document
    public let goal: Goal
    public let span: Range<Int>
    /// The indicator lines read with the goal ("Indikator: ..."), if any:
    /// they make it measurable, not specific.
    public let indicator: Range<Int>?
    public let words: [Word]
    /// The goal's span without surrounding whitespace and a final period.
    public let core: Range<Int>
    public let head: Head?
    /// The verb that decides the goal (the head, or for an effort head the
    /// first verb of its complement), its kind, and whether its object is abstract.
    let decisive: (words: Range<Int>, kind: AssessLexicon.VerbKind)?
    /// Index of the abstract word in the decisive verb's object, if any.
    public let abstractObject: Int?
    public let evidence: Evidence?
    /// An effort or process verb coordinated with a deliverable head
    /// ("... och stärka samverkan"), which makes the goal vague.
    public let weakCoordinate: Range<Int>?
    /// Index of the first direction word ("ökad"), if any.
    public let trendWord: Int?
    /// The head verb's complement as it stands (word indices), for suggestions.
    let complementWords: Range<Int>?
    /// No head verb and no commitment verb: a bare value phrase ("God service").
    public let isValuePhrase: Bool

    init(goal: Goal, span: Range<Int>, indicator: Range<Int>? = nil, doc: Document, lexicon: AssessLexicon) {
        self.doc = doc
        self.goal = goal
        self.span = span
        self.indicator = indicator
        let words = Self.words(in: span, doc: doc)
        self.words = words
        core = Self.core(span, doc: doc)
        let lower = words.map(\.text)

        // A verb phrase at `k`, unless a determiner makes it an adjective
        // ("den öppna data") or a reflexive makes it no deliverable ("etablera sig").
        func verb(at k: Int, nouns: Bool) -> (length: Int, value: AssessLexicon.VerbEntry)? {
            if k > 0, lexicon.determiners.contains(lower[k - 1]) { return nil }
            guard let m = lexicon.verbs.longestMatch(lower, at: k) else { return nil }
            if m.value.isNoun && !nouns { return nil }
            if k + m.length < lower.count, lexicon.reflexives.contains(lower[k + m.length]), !m.value.kind.isWeak {
                return (m.length + 1, AssessLexicon.VerbEntry(lemma: m.value.lemma + " sig", kind: .process))
            }
            return m
        }

        // The head: the first known verb phrase outside a subordinate clause
        // ("Barn som är i behov av stöd ska erbjudas ...": the clause opened by
        // "som" has a verb of its own, "är", and ends at the next commitment
        // word, "ska"). Failing that, the first known verb phrase anywhere.
        var head: Head? = nil
        for skipClauses in [true, false] where head == nil {
            var i = 0
            var inClause = false, clauseHasVerb = false
            while i < lower.count, head == nil {
                // "målet är att investera": the commitment words are no head.
                if let modal = lexicon.modals.longestMatch(lower, at: i) {
                    if inClause && !clauseHasVerb { clauseHasVerb = true } else { inClause = false }
                    i += modal.length
                    continue
                }
                if skipClauses, lexicon.clauseWords.contains(lower[i]) { inClause = true; clauseHasVerb = false }
                if let m = verb(at: i, nouns: i == 0), !(i == 0 && Self.isAdjectivalParticiple(lower[0], of: m.value.lemma)) {
                    if inClause { clauseHasVerb = true } else { head = Head(words: i..<i + m.length, lemma: m.value.lemma, kind: m.value.kind) }
                }
                i += 1
            }
        }
        self.head = head

        // An effort verb or a copula hands the decision to its complement. A
        // nominal complement is judged by its first word ("verka för
        // etablering av ...", "vara installerad"; not "bidra till utvecklingen
        // av redan etablerade nätverk"). An effort verb's att-clause ("verka
        // för att företag startas") names what others are to do, so only a
        // quantity or a measurement can make it checkable.
        var decisive: (Range<Int>, AssessLexicon.VerbKind)? = head.map { ($0.words, $0.kind) }
        if let h = head, h.kind == .effort || h.kind == .copula {
            decisive = nil
            var j = h.words.upperBound
            while j < lower.count, lexicon.skipWords.contains(lower[j]), lower[j] != "att" { j += 1 }
            let clause = h.kind == .effort && j < lower.count && lower[j] == "att"
            if !clause, j < lower.count, !(words[j].afterBoundary && j > h.words.upperBound),
               let m = verb(at: j, nouns: h.kind == .effort), m.value.kind != .copula {
                if h.kind == .effort || m.value.kind.isDoneOrNot {
                    decisive = (j..<j + m.length, m.value.kind)
                } else {
                    // "ha tydliggjort sitt arbete och lagt en plan": a deliverable
                    // coordinated with the first verb counts.
                    var k = j + m.length
                    while k + 1 < lower.count, !words[k].afterBoundary, !lexicon.clauseWords.contains(lower[k]), decisive == nil {
                        if lower[k] == "och", let c = verb(at: k + 1, nouns: false), c.value.kind.isDoneOrNot {
                            decisive = (k + 1..<k + 1 + c.length, c.value.kind)
                        }
                        k += 1
                    }
                }
            }
        }

        var abstractObject: Int? = nil
        /// The object of the decisive verb, when it was read below.
        var decisiveObject: [Int]? = nil
        if let d = decisive, d.1 == .deliverable || d.1 == .start {
            let object = Self.objectWords(of: d.0, words: words, lower: lower, lexicon: lexicon)
            // "Vi ska utbilda för framtiden": an active infinitive with no object
            // of its own names nothing that is delivered (its subject is the doer,
            // not the thing, unlike a passive: "ett badhus ska byggas").
            let k = d.0.lowerBound, next = d.0.upperBound
            let activeInfinitive = k > 0 && (lower[k - 1] == "att" || lexicon.modals.longestMatch(lower, at: k - 1)?.length == 1)
                && lower[k].hasSuffix("a")
            let bare = next >= lower.count || words[next].afterBoundary || lexicon.stopWords.contains(lower[next])
            if d.1 == .deliverable && activeInfinitive && bare && object.allSatisfy({ $0 < k }) {
                decisive = nil
            } else {
                if d.1 == .deliverable { abstractObject = object.first { lexicon.abstractNouns.match(lower[$0]) } }
                // "bygga fler bostäder": a concrete act, but how many is not said,
                // so it is no deliverable that is plainly done or not.
                if abstractObject == nil, object.contains(where: { Self.isTrend(at: $0, lower, lexicon) }) { decisive = (d.0, .action) }
                decisiveObject = object
            }
        }
        self.decisive = decisive
        self.abstractObject = abstractObject

        var found: Evidence?
        if let t = goal.targets.first {
            found = .quantity(t)
        } else if let m = lexicon.measurements.matches(lower).first {
            found = .measurement(words[m.lowerBound].range.lowerBound..<words[m.upperBound - 1].range.upperBound)
        } else if let d = decisive, d.1.isDoneOrNot, abstractObject == nil {
            let object = decisiveObject ?? Self.objectWords(of: d.0, words: words, lower: lower, lexicon: lexicon)
            found = .deliverable(Self.phraseRange(d.0, object: object, words: words))
        } else if let h = head, h.kind == .process, let named = Self.namedEndState(after: h.words, words: words, doc: doc) {
            found = .deliverable(named)
        } else if let h = head, h.kind == .process, let made = Self.newMadeThing(after: h.words, words: words, lower: lower, lexicon: lexicon) {
            found = .deliverable(made)
        } else if let h = head, let end = Self.endState(after: h, words: words, lower: lower, lexicon: lexicon, actor: goal.actor?.name) {
            found = .deliverable(end)
        } else if let h = head, let end = Self.universalEndState(head: h, words: words, lower: lower, lexicon: lexicon) {
            found = .deliverable(end)
        } else {
            found = nil
        }
        // "erbjuda praktikplatser och stärka samverkan": a goal is as clear as
        // its weakest verb phrase, so a deliverable does not cover an effort
        // or process verb coordinated with it.
        if case .deliverable? = found, let h = head,
           let weak = Self.coordinatedVagueVerb(after: h.words, words: words, lower: lower, lexicon: lexicon, verb: verb) {
            found = nil
            weakCoordinate = weak
        } else {
            weakCoordinate = nil
        }
        evidence = found
        trendWord = lower.indices.first { Self.isTrend(at: $0, lower, lexicon) }
        complementWords = Self.complementWords(head: head, words: words, determiners: lexicon.determiners)

        var hasModal = false
        for k in lower.indices where lexicon.modals.longestMatch(lower, at: k) != nil { hasModal = true; break }
        // A list item that opens with an unknown infinitive ("Rekrytera ...") is a
        // verb phrase, not a value phrase: Swedish infinitives end in -a.
        let opensWithInfinitive = lower.first.map { $0.hasSuffix("a") && $0.count > 3 } ?? false
        isValuePhrase = head == nil && !hasModal && !opensWithInfinitive
    }

    /// "Ökat byggande", "Stärkt konkurrenskraft": a participle opening a
    /// goal is an adjective in a value phrase, not the goal's verb.
    static func isAdjectivalParticiple(_ word: String, of lemma: String) -> Bool {
        guard let base = lemma.split(separator: " ").first, word != base else { return false }
        return ["ad", "at", "ade", "t", "d", "da", "de", "ta", "te"].contains { word.hasSuffix($0) }
            && !word.hasSuffix("ar") && !word.hasSuffix("er")
    }

    /// Punctuation that ends a phrase; "%", "/" and hyphens do not.
    static let boundaryMarks: Set<String> = [",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "\"", "”", "“", "—", "–", "…"]

    /// The goal's words outside parentheses, punctuation dropped but remembered.
    static func words(in span: Range<Int>, doc: Document) -> [Word] {
        var out: [Word] = []
        var depth = 0
        var boundary = false
        let tokens = doc.tokens
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens[mid].end) <= span.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var t = lo
        while t < tokens.count, Int(tokens[t].start) < span.upperBound {
            let token = tokens[t]
            t += 1
            guard Int(token.start) >= span.lowerBound else { continue }
            let text = doc.string(token.range)
            switch token.kind {
            case .punctuation, .symbol:
                if text == "(" || text == "[" { depth += 1 }
                if (text == ")" || text == "]") && depth > 0 { depth -= 1 }
                if Self.boundaryMarks.contains(text) { boundary = true }
            default:
                if depth == 0 {
                    out.append(Word(text: text.lowercased(), range: token.range, afterBoundary: boundary))
                }
                boundary = false
            }
        }
        return out
    }

    /// "Alla elever ska ha en egen dator": everyone (alla, samtliga, varje,
    /// ingen) is to have a concrete thing, an end state that is reached or
    /// not. Not when the thing is abstract or judged ("god service").
    static func universalEndState(head: Head, words: [Word], lower: [String], lexicon: AssessLexicon) -> Range<Int>? {
        // A leading label ("Mål: Alla undersköterskor ska ha ...") is not the subject.
        let subject = words.count > 1 && words[1].afterBoundary && !lexicon.universals.contains(lower[0]) ? 1 : 0
        guard head.lemma == "ha", subject < lower.count, lexicon.universals.contains(lower[subject]) else { return nil }
        let object = objectWords(of: head.words, words: words, lower: lower, lexicon: lexicon)
        guard !object.isEmpty, object.allSatisfy({ !lexicon.abstractNouns.match(lower[$0]) && !lexicon.evaluative.contains(lower[$0]) })
        else { return nil }
        // The words between the head and the object must be no evaluative ones
        // either, nor "att": "alla ska ha möjlighet att delta" is an opportunity, no thing.
        if (head.words.upperBound..<object[0]).contains(where: { lexicon.evaluative.contains(lower[$0]) || lower[$0] == "att" }) { return nil }
        return words[subject].range.lowerBound..<words[object.last!].range.upperBound
    }

    /// A direction word, unless a definite determiner makes it an adjective
    /// of a noun phrase ("längs de större vägarna": the main roads).
    static func isTrend(at k: Int, _ lower: [String], _ lexicon: AssessLexicon) -> Bool {
        lexicon.trendWords[lower[k]] != nil && !(k > 0 && lexicon.definites.contains(lower[k - 1]))
    }

    /// "ska vara i drift", "ska bli klimatneutral", "ska ha en aktuell
    /// handlingsplan": an end state (end_states.tsv) in the complement of a
    /// copula head, before its first preposition or clause boundary and
    /// within five words. The range runs from the head to the end state.
    static func endState(after head: Head, words: [Word], lower: [String], lexicon: AssessLexicon, actor: String?) -> Range<Int>? {
        guard head.kind == .copula else { return nil }
        if head.lemma == "finnas" { return existingThing(head: head, words: words, lower: lower, lexicon: lexicon) }
        let cues = head.lemma == "ha" ? lexicon.endStatesAfterHave : lexicon.endStatesAfterBe
        // "Kommunen ska vara tillgänglig": the actor's own conduct, no state of a thing.
        let subject = lower[..<head.words.lowerBound]
        let subjectIsActor = subject.contains("vi")
            || actor.map { a in !a.isEmpty && subject.joined(separator: " ").contains(a.lowercased()) } == true
        let thingCues: CueMatcher? = head.lemma == "ha" || subjectIsActor ? nil : lexicon.endStatesOfThings
        var k = head.words.upperBound
        while k < lower.count, k < head.words.upperBound + 5, !(words[k].afterBoundary && k > head.words.upperBound) {
            if let end = cues.match(lower, at: k) ?? thingCues?.match(lower, at: k) {
                // "vara tillgänglig och lyhörd", "en attraktiv och klimatneutral
                // region": a judged quality beside the end state makes it no
                // more checkable than the quality.
                var clause = head.words.upperBound
                while clause < lower.count, clause < end + 4, !(words[clause].afterBoundary && clause > head.words.upperBound),
                      !lexicon.clauseWords.contains(lower[clause]) {
                    if lexicon.evaluative.contains(lower[clause]) { return nil }
                    clause += 1
                }
                // "vara en klimatneutral organisation": quote the whole noun phrase.
                let quoted = k > 0 && lexicon.determiners.contains(lower[k - 1]) && end < words.count && !words[end].afterBoundary
                    && !lexicon.stopWords.contains(lower[end]) ? end + 1 : end
                return words[head.words.lowerBound].range.lowerBound..<words[quoted - 1].range.upperBound
            }
            if lexicon.stopWords.contains(lower[k]) { break }
            k += 1
        }
        return nil
    }

    /// "Det ska finnas en aktuell krisplan i varje förvaltning", "En krisplan
    /// ska finnas": a thing that exists or not (the "ha" rows of
    /// end_states.tsv) anywhere in the clause of "finnas", judged nowhere.
    static func existingThing(head: Head, words: [Word], lower: [String], lexicon: AssessLexicon) -> Range<Int>? {
        var clauseEnd = head.words.upperBound
        while clauseEnd < lower.count, !lexicon.clauseWords.contains(lower[clauseEnd]) { clauseEnd += 1 }
        let clause = 0..<clauseEnd
        guard !clause.contains(where: { lexicon.evaluative.contains(lower[$0]) }) else { return nil }
        for k in clause where !head.words.contains(k) {
            if let end = lexicon.endStatesAfterHave.match(lower, at: k), end <= clauseEnd {
                return words[min(k, head.words.lowerBound)].range.lowerBound..<words[max(end, head.words.upperBound) - 1].range.upperBound
            }
        }
        return nil
    }

    /// "utveckla en gemensam inloggningstjänst": a process verb whose object
    /// is a new made thing (an indefinite article, then made_things.tsv) brings
    /// it into being, which is done or not. Not with an abstract word in the
    /// object, nor for a made thing that already exists ("utveckla e-tjänsterna").
    static func newMadeThing(after verb: Range<Int>, words: [Word], lower: [String], lexicon: AssessLexicon) -> Range<Int>? {
        let k = verb.upperBound
        guard k < lower.count, !words[k].afterBoundary, lexicon.determiners.contains(lower[k]), !lexicon.definites.contains(lower[k])
        else { return nil }
        let object = objectWords(of: verb, words: words, lower: lower, lexicon: lexicon)
        guard object.contains(where: { lexicon.madeThings.match(lower[$0]) }),
              !object.contains(where: { lexicon.abstractNouns.match(lower[$0]) || lexicon.evaluative.contains(lower[$0]) })
        else { return nil }
        return phraseRange(verb, object: object, words: words)
    }

    /// An effort or process verb coordinated ("och", "samt") with the head
    /// in the same clause: "erbjuda X och främja Y".
    static func coordinatedVagueVerb(after head: Range<Int>, words: [Word], lower: [String], lexicon: AssessLexicon,
                                     verb: (Int, Bool) -> (length: Int, value: AssessLexicon.VerbEntry)?) -> Range<Int>? {
        var k = head.upperBound
        while k + 1 < lower.count, !lexicon.clauseWords.contains(lower[k]) {
            // "och ökad tillgänglighet": a participle there is an adjective.
            if lower[k] == "och" || lower[k] == "samt", let m = verb(k + 1, false), m.value.kind.isVague,
               !isAdjectivalParticiple(lower[k + 1], of: m.value.lemma) {
                return k + 1..<k + 1 + m.length
            }
            k += 1
        }
        return nil
    }

    /// "utveckla Luleå till Sveriges Kvalitetskommun": a process verb whose
    /// end state is a proper name (capitalised words after "till", not at a
    /// sentence start) is reached or not, like a deliverable.
    static func namedEndState(after verb: Range<Int>, words: [Word], doc: Document) -> Range<Int>? {
        var k = verb.upperBound
        while k < words.count, k < verb.upperBound + 4, words[k].text != "till", !words[k].afterBoundary { k += 1 }
        guard k + 1 < words.count, words[k].text == "till", !words[k + 1].afterBoundary else { return nil }
        var end = k + 1
        while end < words.count, !words[end].afterBoundary,
              let first = doc.string(words[end].range).unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first) {
            end += 1
        }
        guard end > k + 1 else { return nil }
        return words[verb.lowerBound].range.lowerBound..<words[end - 1].range.upperBound
    }

    /// The span trimmed of whitespace and a final full stop.
    static func core(_ span: Range<Int>, doc: Document) -> Range<Int> {
        var lo = span.lowerBound, hi = min(span.upperBound, doc.utf16.count)
        func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 }
        while lo < hi, isSpace(doc.utf16[lo]) { lo += 1 }
        while hi > lo, isSpace(doc.utf16[hi - 1]) || doc.utf16[hi - 1] == 0x2E { hi -= 1 }
        return lo..<hi
    }

    /// Up to three content words of the verb's object: after it, up to a
    /// preposition or clause boundary; for a passive or a participle at the
    /// end of its clause ("... etableras i Luleå"), the subject before it.
    static func objectWords(of verb: Range<Int>, words: [Word], lower: [String], lexicon: AssessLexicon) -> [Int] {
        /// `passVerbs`: after the verb, a verb before any object word is
        /// looked through ("ges möjlighet att ha inflytande": the object is "inflytande").
        func collect(_ range: Range<Int>, stopAtBoundary: Bool, passVerbs: Bool) -> [Int] {
            var out: [Int] = []
            var k = range.lowerBound
            while k < range.upperBound {
                let w = lower[k]
                if stopAtBoundary && words[k].afterBoundary && !out.isEmpty { break }
                if lexicon.stopWords.contains(w) { break }
                if lexicon.skipWords.contains(w) || lexicon.modals.longestMatch(lower, at: k) != nil { k += 1; continue }
                if let m = lexicon.verbs.longestMatch(lower, at: k) {
                    guard passVerbs && out.isEmpty else { break }
                    k += m.length
                    continue
                }
                out.append(k)
                if out.count == 3 { break }
                k += 1
            }
            return out
        }
        let after = verb.upperBound < words.count && words[verb.upperBound].afterBoundary
            ? [] : collect(verb.upperBound..<words.count, stopAtBoundary: true, passVerbs: true)
        if !after.isEmpty { return after }
        return collect(0..<verb.lowerBound, stopAtBoundary: false, passVerbs: false)
    }

    static func phraseRange(_ verb: Range<Int>, object: [Int], words: [Word]) -> Range<Int> {
        var lo = words[verb.lowerBound].range.lowerBound, hi = words[verb.upperBound - 1].range.upperBound
        for k in object {
            lo = min(lo, words[k].range.lowerBound)
            hi = max(hi, words[k].range.upperBound)
        }
        return lo..<hi
    }

    // MARK: - Helpers for rules and reasons

    /// The text of a word range, as it stands in the document.
    public func text(_ words: Range<Int>) -> String {
        doc.string(self.words[words.lowerBound].range.lowerBound..<self.words[words.upperBound - 1].range.upperBound)
    }

    public func text(range: Range<Int>) -> String { doc.string(range) }

    public func range(_ words: Range<Int>) -> Range<Int> {
        self.words[words.lowerBound].range.lowerBound..<self.words[words.upperBound - 1].range.upperBound
    }

    /// The head verb with its object: "stärka Luleå som studentstad".
    public var headPhrase: Range<Int>? {
        guard let h = head else { return nil }
        var end = h.words.upperBound
        while end < words.count, end < h.words.upperBound + 3, !words[end].afterBoundary { end += 1 }
        return range(h.words.lowerBound..<end)
    }

    /// The head verb's complement as it stands, up to a clause boundary and
    /// at most six words ("samverkan med näringslivet"), for suggestions.
    /// A noun phrase left open at the cut ("längs de större") is closed with up
    /// to two more words ("längs de större vägarna").
    public var complementPhrase: Range<Int>? { complementWords.map { range($0) } }

    static func complementWords(head: Head?, words: [Word], determiners: Set<String>) -> Range<Int>? {
        guard let h = head, h.words.upperBound < words.count, !words[h.words.upperBound].afterBoundary else { return nil }
        var end = h.words.upperBound + 1
        while end < words.count, end < h.words.upperBound + 6, !words[end].afterBoundary { end += 1 }
        func isOpen(_ end: Int) -> Bool {
            determiners.contains(words[end - 1].text) || (end >= 2 && determiners.contains(words[end - 2].text))
        }
        let limit = end + 2
        while end < min(limit, words.count), !words[end].afterBoundary, isOpen(end) { end += 1 }
        return h.words.upperBound..<end
    }

    /// A direction word with the word it governs ("ökad försäljning").
    public var trendPhrase: Range<Int>? {
        guard let t = trendWord else { return nil }
        let end = t + 1 < words.count && !words[t + 1].afterBoundary ? t + 2 : t + 1
        return range(t..<end)
    }

    /// The goal's text shortened for a quotation.
    public var quotedCore: String { Quote.short(doc.string(core)) }
}

/// Quotations inside reasons and messages: short, on one line.
public enum Quote {
    public static func short(_ s: String, limit: Int = 60) -> String {
        let flat = s.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        if flat.count <= limit { return flat }
        let cut = flat.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }
}
