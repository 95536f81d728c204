/// Finds who is responsible for a goal: a body named in its words
/// ("nämnden", "de kommunala bolagen", "Luleå kommun"), "vi" and the words
/// that mean the issuing organisation itself ("kommunen", "projektet")
/// resolved to its name. Word lists: `actors.tsv`.
struct ActorReader {
    let lexicon: AnalysisLexicon
    private let and = WordKey.hash("och")

    /// The actor named in `span`, or nil. `organisation` resolves "vi" and
    /// self words; `previous` resolves a subject pronoun ("De vill ...").
    /// `weak`: the only body named follows a preposition ("i förskolan").
    func read(_ doc: Document, _ span: WordSpan, organisation: String?, previous: Actor?, cueStart: Int?) -> (actor: Actor, weak: Bool)? {
        let n = span.count
        if n > 1, lexicon.actorKinds(span.keys[0]).contains(.anaphor), let c = cueStart, c == 1, let p = previous {
            return (Actor(name: p.name, inherited: false), false)
        }
        var weakHit: Actor? = nil
        var i = 0
        while i < n {
            let kinds = lexicon.actorKinds(span.keys[i])
            let excluded = i > 0 && lexicon.actorKinds(span.keys[i - 1]).contains(.othersModifier)
            var hit: Actor? = nil
            var named = false
            if kinds.contains(.pronoun) {
                // "vi" is the organisation; the words before it are never its name ("… besöker Luleå ska vi").
                hit = Actor(name: organisation ?? doc.string(span.ranges[i]), inherited: false)
            } else if kinds.contains(.self) {
                hit = Actor(name: properName(doc, span, headAt: i) ?? organisation ?? doc.string(span.ranges[i]), inherited: false)
            } else if kinds.contains(.nameHead), let name = properName(doc, span, headAt: i) {
                hit = Actor(name: name, inherited: false)
                named = true
            } else if !excluded && (kinds.contains(.body) || (kinds.isEmpty && lexicon.hasBodySuffix(doc, span.ranges[i]))),
                      !(kinds.contains(.other) && !span.capitalised[i]) {
                hit = Actor(name: phrase(doc, span, headAt: i), inherited: false)
            }
            if let hit {
                switch phraseOpening(span, i) {
                // "i kommunen" is a place; "i Luleå kommun" may be the body acting there.
                case .place: if named && weakHit == nil { weakHit = hit }
                case .preposition: if weakHit == nil { weakHit = hit }
                case .none: return (hit, false)
                }
            }
            i += 1
        }
        return weakHit.map { ($0, true) }
    }

    private enum Opening { case none, preposition, place }

    /// What opens the noun phrase holding word `i`: nothing (a subject), a
    /// preposition (a partner) or a place preposition ("i skolan").
    private func phraseOpening(_ span: WordSpan, _ i: Int) -> Opening {
        var k = i - 1
        while k >= 0, !span.breakBefore[k + 1] {
            let kinds = lexicon.actorKinds(span.keys[k])
            if kinds.contains(.place) { return .place }
            if kinds.contains(.preposition) { return .preposition }
            if kinds.contains(.determiner) || kinds.contains(.self) || span.capitalised[k] { k -= 1; continue }
            return .none
        }
        return .none
    }

    /// "Luleå kommun", "Luleå tekniska universitet", "Norrbottens Kommuner",
    /// "Region Norrbotten": a capitalised name before (or after) a name head.
    /// A plural head ("kommuner") names a body only when capitalised itself.
    func properName(_ doc: Document, _ span: WordSpan, headAt i: Int) -> String? {
        let headKinds = lexicon.actorKinds(span.keys[i])
        if headKinds.contains(.other) && !span.capitalised[i] { return nil }
        func isName(_ k: Int) -> Bool { span.capitalised[k] && lexicon.actorKinds(span.keys[k]).isEmpty }
        var start: Int? = nil
        if i >= 1, !span.breakBefore[i], isName(i - 1) {
            start = i - 1
        } else if i >= 2, !span.breakBefore[i], !span.breakBefore[i - 1], !span.capitalised[i - 1], isName(i - 2),
                  lexicon.actorKinds(span.keys[i - 1]).isEmpty {
            start = i - 2  // "Luleå tekniska universitet"
        }
        if let start {
            return normaliseGenitive(doc.string(span.ranges[start].lowerBound..<span.ranges[i].upperBound))
        }
        if span.capitalised[i], i + 1 < span.count, isName(i + 1), !span.breakBefore[i + 1] {
            return doc.string(span.ranges[i].lowerBound..<span.ranges[i + 1].upperBound)
        }
        return nil
    }

    /// The body with the determiners before it and a coordinated body after
    /// it ("alla nämnder", "nämnder och bolag").
    private func phrase(_ doc: Document, _ span: WordSpan, headAt i: Int) -> String {
        var start = i
        while start > 0, !span.breakBefore[start], lexicon.actorKinds(span.keys[start - 1]).contains(.determiner) { start -= 1 }
        var end = i + 1
        if end + 1 < span.count, span.keys[end] == and, !lexicon.actorKinds(span.keys[end + 1]).intersection([.body, .nameHead]).isEmpty {
            end += 2
        }
        return doc.string(span.ranges[start].lowerBound..<span.ranges[end - 1].upperBound)
    }

    /// A body's name without a genitive ending ("byggnämndens" → "byggnämnden").
    static func baseForm(_ name: String) -> String {
        for end in ["ns", "ts"] where name.hasSuffix(end) && name.count > 5 { return String(name.dropLast()) }
        return name
    }

    private func normaliseGenitive(_ s: String) -> String {
        if s.hasSuffix("kommuns") || s.hasSuffix("regions") || s.hasSuffix("kommunkoncerns") { return String(s.dropLast()) }
        return s
    }

    /// The organisation behind a document: the proper body its text names
    /// most often ("Luleå kommun"), counting owner metadata twice.
    func organisation<S: Sequence>(_ doc: Document, ranges: S, owners: [String]) -> String? where S.Element == Range<Int> {
        var counts: [String: Int] = [:]
        var order: [String] = []
        func add(_ name: String, _ weight: Int) {
            if counts[name] == nil { order.append(name) }
            counts[name, default: 0] += weight
        }
        for o in owners { add(o, 2) }
        for range in ranges {
            let span = WordSpan(doc, range: range)
            for i in 0..<span.count where lexicon.actorKinds(span.keys[i]).contains(.nameHead) {
                if let name = properName(doc, span, headAt: i) { add(name, 1) }
            }
        }
        var best: String? = nil
        for name in order where best == nil || counts[name]! > counts[best!]! { best = name }
        return best
    }
}
