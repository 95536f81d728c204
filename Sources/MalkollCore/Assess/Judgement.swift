/// The SMART judgement of one reading: which criteria pass, why, and for a
/// failure which defect it is (each defect is one rule's business).
extension SmartReading {
    public enum SpecificDefect: Equatable {
        /// The core is an effort or process verb (word index range).
        case vagueVerb(Range<Int>)
        /// A concrete verb with an abstract object (word index).
        case abstractObject(Int)
        /// No verb at all: a bare value phrase.
        case valuePhrase
        /// A verb the lexicons do not know, with nothing concrete to check.
        case noConcreteCore
    }

    public var specificDefect: SpecificDefect? {
        if evidence != nil { return nil }
        if let w = weakCoordinate { return .vagueVerb(w) }
        if decisive?.kind == .action { return nil }
        if let a = abstractObject { return .abstractObject(a) }
        if let h = head, h.kind.isVague { return .vagueVerb(h.words) }
        if isValuePhrase { return .valuePhrase }
        return .noConcreteCore
    }

    /// Measurable by its own words, or by the indicator line read with it.
    public var isMeasurable: Bool { evidence != nil || indicator != nil }

    /// Five verdicts, each with a reason quoting the words it rests on.
    public var verdicts: [Criterion: Verdict] {
        var v: [Criterion: Verdict] = [:]
        v[.specific] = specificDefect.map { Verdict(pass: false, reason: reason(for: $0)) }
            ?? Verdict(pass: true, reason: evidenceReason ?? "konkret handling: \"\(quoteDecisive)\"")
        if let r = evidenceReason {
            v[.measurable] = Verdict(pass: true, reason: r)
        } else if let i = indicator {
            v[.measurable] = Verdict(pass: true, reason: "mäts med indikatorn på raden efter: \"\(Quote.short(text(range: i)))\"")
        } else if let t = trendPhrase {
            v[.measurable] = Verdict(pass: false, reason: "saknar mätbart mål: \"\(text(range: t))\" anger bara en riktning")
        } else {
            v[.measurable] = Verdict(pass: false, reason: "saknar mätbart mål: inget tal, ingen namngiven mätning och ingen leverans som är klar eller inte i \"\(quotedCore)\"")
        }
        if let a = goal.actor {
            v[.assignable] = Verdict(pass: true, reason: "ansvarig: \"\(a.name)\"" + (a.inherited ? " (ärvd från ingressen eller rubriken)" : ""))
        } else {
            v[.assignable] = Verdict(pass: false, reason: "ingen ansvarig nämns eller ärvs")
        }
        if let p = goal.program {
            v[.relevant] = Verdict(pass: true, reason: "under programmet \"\(p.name)\"" + (p.area.map { ", området \"\($0)\"" } ?? ""))
        } else if let d = goal.direction {
            v[.relevant] = Verdict(pass: true, reason: "under inriktningen \"\(d.label ?? d.name)\"")
        } else {
            v[.relevant] = Verdict(pass: false, reason: "inget program, område eller inriktning anges eller ärvs")
        }
        if let d = goal.deadline {
            v[.time_bound] = Verdict(pass: true, reason: "tidsgräns: \"\(d.text)\"" + (d.inherited ? " (ärvd)" : ""))
        } else if let r = goal.recurrence {
            v[.time_bound] = Verdict(pass: true, reason: "återkommer: \(r)")
        } else {
            v[.time_bound] = Verdict(pass: false, reason: "ingen tidsgräns och ingen återkommande period anges eller ärvs")
        }
        return v
    }

    var evidenceReason: String? {
        switch evidence {
        case let .quantity(t)?: return "kvantifierat mål: \"\(t.text)\""
        case let .measurement(r)?: return "mäts mot en namngiven mätning eller ram: \"\(text(range: r))\""
        case let .deliverable(r)?: return "konkret leverans som är klar eller inte: \"\(Quote.short(text(range: r)))\""
        case nil: return nil
        }
    }

    var quoteDecisive: String {
        guard let d = decisive else { return quotedCore }
        return Quote.short(text(range: SmartReading.phraseRange(d.words, object: [], words: words)))
    }

    func reason(for defect: SpecificDefect) -> String {
        switch defect {
        case let .vagueVerb(w):
            return "kärnan är en insats eller process, inte ett resultat: \"\(text(w))\" utan konkret leverans eller mätbart slutläge"
        case let .abstractObject(a):
            return "abstrakt objekt: \"\(words[a].text)\" går inte att peka på eller räkna"
        case .valuePhrase:
            return "bara en värdeformulering utan handling eller slutläge: \"\(quotedCore)\""
        case .noConcreteCore:
            return "anger ingen konkret leverans eller något slutläge: \"\(quotedCore)\""
        }
    }
}
