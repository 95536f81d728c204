/// Reads the commitment of one span: which cue governs it, whether it sits
/// in a subordinate clause, and whether the span is a rule about goals in
/// general. Works on word keys only.
struct CueReading {
    /// The governing cue: its class and kind, and the words that carry it
    /// (word indices into the span, end exclusive).
    var cls: CommitmentClass
    var kind: AnalysisLexicon.CueKind
    var cueWords: [Range<Int>]
    /// The word index where the governing cue starts.
    var start: Int { cueWords[0].lowerBound }
}

struct CueReader {
    let lexicon: AnalysisLexicon
    let doc: Document

    /// Whether the span states a rule about goals in general ("målen ska vara ...").
    func isMeta(_ span: WordSpan) -> Bool {
        for i in 0..<span.count {
            if let m = lexicon.nonGoal.match(span, at: i), m.value == .meta { return true }
        }
        return false
    }

    /// Whether the span tells of the past: a perfect ("har genomförts",
    /// "hade beslutat") with no commitment cue of its own.
    func isPast(_ span: WordSpan) -> Bool {
        for i in 0..<span.count {
            guard let m = lexicon.nonGoal.match(span, at: i), m.value == .pastAuxiliary else { continue }
            var j = m.end
            while j < min(span.count, m.end + 3), !span.breakBefore[j] {
                if isSupine(span, j) { return true }
                j += 1
            }
        }
        return false
    }

    /// A supine by its ending (-at, -it, -tt, -t, with a passive -s), not a
    /// word listed as not-supine ("ett", "allt", "särskilt").
    private func isSupine(_ span: WordSpan, _ j: Int) -> Bool {
        if let m = lexicon.nonGoal.match(span, at: j), m.value == .notSupine { return false }
        let r = span.ranges[j]
        guard r.count >= 4 else { return false }
        let u = doc.utf16
        var end = r.upperBound
        if WordKey.fold(u[end - 1]) == 0x73 { end -= 1 }  // passive -s
        return WordKey.fold(u[end - 1]) == 0x74
    }

    /// Whether another organisation is the subject: an external phrase
    /// before `cueStart`, near the start of the span.
    func hasExternalSubject(_ span: WordSpan, before cueStart: Int) -> Bool {
        var i = 0
        while i < min(cueStart, 4) {
            if let m = lexicon.nonGoal.match(span, at: i), m.value == .external { return true }
            i += 1
        }
        return false
    }

    /// The governing cue of a span. `itemLike`: a list item, heading or the
    /// body after an inline lead-in, where an action verb alone commits
    /// ("Verka för ...", "Utreda ..."); in prose only finite cues do.
    func read(_ span: WordSpan, itemLike: Bool) -> CueReading? {
        var subordinate = false
        var relativeAt: Int? = nil
        var i = 0
        let n = span.count
        while i < n {
            if span.commaBefore[i] || (span.breakBefore[i] && i > 0) { subordinate = false }
            if let s = lexicon.nonGoal.match(span, at: i) {
                if s.value == .notACue { i = s.end; continue }
                if s.value == .subordinate {
                    // A clause fronted at the start of a sentence is followed by the main clause.
                    if i > 0 { subordinate = true; relativeAt = span.keys[i] == Self.som ? i : nil }
                    i = s.end
                    continue
                }
            }
            guard let m = lexicon.cues.match(span, at: i) else { i += 1; continue }
            let cue = m.value
            if m.gapped && i > 3 { i += 1; continue }
            // A restrictive relative clause has no closing comma: a modal three or more
            // words after "som" belongs to the main clause ("Andelen elever som röker dagligen ska ...").
            if subordinate, let r = relativeAt, i - r >= 3, cue.kind == .modal { subordinate = false }
            if subordinate { i = m.end; continue }
            switch cue.kind {
            case .modal, .noun, .requirement:
                return refine(CueReading(cls: cue.class, kind: cue.kind, cueWords: [i..<m.end]), span, after: m.end)
            case .future:
                // "kommer (vi/X) att" + an action: the organisation's plan.
                var j = m.end
                while j < min(n, m.end + 3), !span.breakBefore[j] {
                    if span.keys[j] == WordSpan.att {
                        // "Under året kommer vi att:" ends a lead-in; otherwise a state verb makes a forecast.
                        if j + 1 < n, let f = lexicon.nonGoal.match(span, at: j + 1), f.value == .forecastVerb { break }
                        return refine(CueReading(cls: cue.class, kind: .future, cueWords: [i..<m.end, j..<(j + 1)]), span, after: j + 1)
                    }
                    j += 1
                }
            case .verb:
                if itemLike { return CueReading(cls: cue.class, kind: .verb, cueWords: [i..<m.end]) }
            case .plan:
                if !itemLike { return CueReading(cls: cue.class, kind: .plan, cueWords: [i..<m.end]) }
            case .forecast, .vision:
                return CueReading(cls: cue.class, kind: cue.kind, cueWords: [i..<m.end])
            }
            i = m.end
        }
        return nil
    }

    /// A modal or nominal cue followed closely by an action verb takes the
    /// verb's class ("ska bidra till": effort; "bör analyseras": investigate).
    private func refine(_ r: CueReading, _ span: WordSpan, after end: Int) -> CueReading {
        var j = end
        while j < min(span.count, end + 4) {
            if j > end && span.breakBefore[j] { break }
            if let m = lexicon.cues.match(span, at: j), m.value.kind == .verb, !m.gapped {
                var out = r
                out.cls = m.value.class
                out.cueWords.append(j..<m.end)
                return out
            }
            j += 1
        }
        return r
    }
}

extension WordSpan {
    static let att = WordKey.hash("att")
}

extension CueReader {
    static let som = WordKey.hash("som")
}
