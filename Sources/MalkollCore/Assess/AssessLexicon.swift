/// The word lists the assess stage reads (`Lexicons/sv/`), as typed views
/// built once per `Assessor`: verb phrases with their generated inflections,
/// abstract nouns matched as compound heads, measurement cues with gaps.
struct AssessLexicon {
    enum VerbKind: String {
        /// The goal proper is the complement ("verka för att ...").
        case effort
        /// The verb itself is the core ("stärka", "utveckla").
        case process
        /// Done or not done, given a concrete object ("starta", "erbjuda").
        case deliverable
        /// A study: done or not whatever its object ("utreda").
        case investigate
        /// Brings a named thing into being: done or not whatever its object
        /// ("starta ett samarbete", "inrätta ett råd").
        case start
        /// A report, account or decision handed over: done or not whatever
        /// its object ("redovisa hur stor andel ...", "rapportera till styrgruppen").
        case report
        /// Concrete but without an end state ("validera").
        case action
        /// "vara", "ha": the complement decides ("vara installerad").
        case copula

        var isVague: Bool { self == .effort || self == .process }
        /// A deliverable that is plainly done or not (given a concrete object, for `deliverable`).
        var isDoneOrNot: Bool { self == .deliverable || self == .investigate || self == .start || self == .report }
        /// Verbs from vague_verbs.tsv.
        var isWeak: Bool { isVague || self == .copula }
    }

    struct VerbEntry {
        let lemma: String
        let kind: VerbKind
        /// A nominalisation ("etablering"): a verb only after an effort verb or at the start.
        var isNoun = false
    }

    let verbs: VerbPhraseIndex<VerbEntry>
    let modals: VerbPhraseIndex<String>
    let measurements: CueMatcher
    /// End states after "vara"/"bli" and after "ha" (`end_states.tsv`).
    let endStatesAfterBe: CueMatcher
    let endStatesAfterHave: CueMatcher
    /// End states after "vara"/"bli" only for a subject that is a thing.
    let endStatesOfThings: CueMatcher
    let abstractNouns: CompoundMatcher
    /// Products that exist or not once built (`made_things.tsv`).
    let madeThings: CompoundMatcher
    let trendWords: [String: String]
    let skipWords: Set<String>
    /// Words that end an object; `clauseWords` is the subset that also ends
    /// the complement of an effort verb.
    let stopWords: Set<String>
    let clauseWords: Set<String>
    let determiners: Set<String>
    /// Determiners of a definite noun phrase: a comparative after one is an
    /// adjective ("de större vägarna"), not a direction.
    let definites: Set<String>
    let reflexives: Set<String>
    let universals: Set<String>
    let evaluative: Set<String>

    init(_ lexicons: Lexicons) throws {
        var verbs = VerbPhraseIndex<VerbEntry>()
        let vague = try lexicons.table("vague_verbs.tsv")
        for row in vague.rows {
            guard let kind = VerbKind(rawValue: row[1]), kind.isWeak else {
                throw vague.error(row, column: 1, "kind must be effort, process or copula, not \"\(row[1])\"")
            }
            verbs.addVerb(row[0], extraForms: row[2], value: VerbEntry(lemma: row[0], kind: kind))
        }
        let deliverable = try lexicons.table("deliverable_verbs.tsv")
        for row in deliverable.rows {
            guard let kind = VerbKind(rawValue: row[1]), !kind.isWeak else {
                throw deliverable.error(row, column: 1, "kind must be deliverable, start, investigate, report or action, not \"\(row[1])\"")
            }
            verbs.addVerb(row[0], extraForms: row[2], value: VerbEntry(lemma: row[0], kind: kind))
            verbs.addVerb("", extraForms: row[3], value: VerbEntry(lemma: row[0], kind: kind, isNoun: true))
        }
        self.verbs = verbs

        var modals = VerbPhraseIndex<String>()
        for row in try lexicons.table("modal_cues.tsv").rows { modals.add(words: Self.words(row[0]), value: row[0]) }
        self.modals = modals

        let cues = try lexicons.table("measurement_cues.tsv")
        measurements = try CueMatcher(table: cues)
        let ends = try lexicons.table("end_states.tsv")
        for row in ends.rows where !["vara", "vara-sak", "ha"].contains(row[1]) {
            throw ends.error(row, column: 1, "after must be vara, vara-sak or ha, not \"\(row[1])\"")
        }
        endStatesAfterBe = try CueMatcher(table: ends) { $0[1] == "vara" }
        endStatesAfterHave = try CueMatcher(table: ends) { $0[1] == "ha" }
        endStatesOfThings = try CueMatcher(table: ends) { $0[1] == "vara-sak" }
        abstractNouns = CompoundMatcher(try lexicons.words("abstract_objects.tsv"))
        madeThings = CompoundMatcher(try lexicons.words("made_things.tsv"))

        let trend = try lexicons.table("trend_words.tsv")
        var trendWords: [String: String] = [:]
        for row in trend.rows {
            guard row[1] == "up" || row[1] == "down" else {
                throw trend.error(row, column: 1, "direction must be up or down, not \"\(row[1])\"")
            }
            trendWords[row[0].lowercased()] = row[1]
        }
        self.trendWords = trendWords

        let function = try lexicons.table("function_words.tsv")
        var skip = Set<String>(), stop = Set<String>(), clause = Set<String>(), determiners = Set<String>(), definites = Set<String>(), reflexives = Set<String>(), universals = Set<String>()
        for row in function.rows {
            let w = row[0].lowercased()
            switch row[1] {
            case "skip": skip.insert(w)
            case "determiner": skip.insert(w); determiners.insert(w)
            case "definite": skip.insert(w); determiners.insert(w); definites.insert(w)
            case "universal": skip.insert(w); universals.insert(w)
            case "reflexive": reflexives.insert(w)
            case "stop": stop.insert(w)
            case "clause": stop.insert(w); clause.insert(w)
            default: throw function.error(row, column: 1, "role must be skip, universal, determiner, definite, reflexive, stop or clause, not \"\(row[1])\"")
            }
        }
        skipWords = skip
        stopWords = stop
        clauseWords = clause
        self.determiners = determiners
        self.definites = definites
        self.universals = universals
        evaluative = Set(try lexicons.words("evaluative_words.tsv").map { $0.lowercased() })
        self.reflexives = reflexives
    }

    static func words(_ phrase: String) -> [String] {
        phrase.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
    }
}

/// Multi-word phrases indexed by their first word; `longestMatch` finds the
/// longest phrase starting at a position of a word sequence.
struct VerbPhraseIndex<Value> {
    private var byFirst: [String: [(words: [String], value: Value)]] = [:]

    mutating func add(words: [String], value: Value) {
        guard let first = words.first else { return }
        byFirst[first, default: []].append((words, value))
    }

    /// A verb lemma with its regular inflections of the first word, plus the
    /// extra whole phrases of `extraForms` (comma-separated).
    mutating func addVerb(_ lemma: String, extraForms: String, value: Value) {
        let words = AssessLexicon.words(lemma)
        if let first = words.first {
            let rest = Array(words.dropFirst())
            for form in SwedishInflection.verbForms(first) { add(words: [form] + rest, value: value) }
        }
        for form in extraForms.split(separator: ",") {
            let w = AssessLexicon.words(String(form).trimmingCharacters(in: .whitespaces))
            if !w.isEmpty { add(words: w, value: value) }
        }
    }

    /// The longest phrase at `start` in `words`: its length and value.
    func longestMatch(_ words: [String], at start: Int) -> (length: Int, value: Value)? {
        guard start < words.count, let candidates = byFirst[words[start]] else { return nil }
        var best: (Int, Value)? = nil
        for c in candidates where c.words.count > (best?.0 ?? 0) && start + c.words.count <= words.count {
            if c.words.indices.allSatisfy({ words[start + $0] == c.words[$0] }) { best = (c.words.count, c.value) }
        }
        return best
    }
}

/// Regular Swedish inflection, generated so the word lists hold lemmas only.
/// Over-generation is harmless here: a non-word never occurs in text.
enum SwedishInflection {
    static func verbForms(_ infinitive: String) -> [String] {
        var forms = [infinitive]
        if infinitive.hasSuffix("a"), infinitive.count > 2 {
            let stem = String(infinitive.dropLast())
            // -ar/-ade (first conjugation), -er/-de/-te (second), -s passive, participles.
            for s in ["ar", "as", "at", "ats", "ad", "ade", "ades", "er", "es", "s", "t", "ts", "te", "tes", "d", "da", "de", "des"] {
                forms.append(stem + s)
            }
        } else {
            // Short verbs ("ge", "se", "nå"): ger, ges, gett, gavs ...
            for s in ["r", "s", "tt", "dde", "ddes"] { forms.append(infinitive + s) }
        }
        return forms
    }

    /// Definite and plural forms of a noun.
    static func nounForms(_ noun: String) -> [String] {
        var forms = [noun]
        let endsInVowel = noun.last.map { "aeiouyåäö".contains($0) } ?? false
        let suffixes = endsInVowel ? ["n", "t", "r", "rna", "na", "ns", "ts"]
                                   : ["en", "et", "er", "erna", "ar", "arna", "ens", "ets", "s", "na"]
        for s in suffixes { forms.append(noun + s) }
        if noun.hasSuffix("a") { forms.append(String(noun.dropLast()) + "or") }
        return forms
    }
}

/// Nouns matched as they stand or as the head (last part) of a compound:
/// "yrkesmedvetenhet" ends in "medvetenhet".
struct CompoundMatcher {
    private let forms: Set<String>
    private let byLength: [Int]

    init(_ nouns: [String]) {
        var forms = Set<String>()
        for n in nouns { forms.formUnion(SwedishInflection.nounForms(n.lowercased())) }
        self.forms = forms
        byLength = Array(Set(forms.map(\.count))).sorted()
    }

    /// The matched noun form, when `word` is one or ends in one (with at
    /// least three letters of modifier in front, so "kvalitet" is not found
    /// inside an unrelated short word).
    func match(_ word: String) -> Bool {
        if forms.contains(word) { return true }
        let chars = Array(word)
        for len in byLength where len + 3 <= chars.count {
            if forms.contains(String(chars[(chars.count - len)...])) { return true }
        }
        return false
    }
}

/// Measurement cues: words or phrases, where "*" stands for up to two words
/// and a word ending in "-" matches any word beginning with it.
struct CueMatcher {
    struct Cue {
        enum Part { case word(String), prefix(String), suffix(String), infix(String), gap }
        let text: String
        let parts: [Part]
    }

    let cues: [Cue]

    /// The cues of `table`'s rows that `keep` accepts (all by default).
    init(table: LexiconTable, keep: (LexiconTable.Row) -> Bool = { _ in true }) throws {
        var cues: [Cue] = []
        for row in table.rows where keep(row) {
            let parts: [Cue.Part] = AssessLexicon.words(row[0]).map { w in
                if w == "*" { return .gap }
                let open = w.hasPrefix("-") && w.count > 1, close = w.hasSuffix("-") && w.count > 1
                if open && close && w.count > 2 { return .infix(String(w.dropFirst().dropLast())) }
                if close { return .prefix(String(w.dropLast())) }
                if open { return .suffix(String(w.dropFirst())) }
                return .word(w)
            }
            if case .gap = parts.first! { throw table.error(row, "a cue cannot begin with \"*\"") }
            cues.append(Cue(text: row[0], parts: parts))
        }
        self.cues = cues
    }

    /// The end of the first cue matching at `start`, if any.
    func match(_ words: [String], at start: Int) -> Int? {
        for cue in cues { if let end = Self.match(cue.parts[...], words, start) { return end } }
        return nil
    }

    /// Every match in `words`: the word index range it covers.
    func matches(_ words: [String]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for start in words.indices {
            for cue in cues {
                if let end = Self.match(cue.parts[...], words, start) { out.append(start..<end) }
            }
        }
        return out
    }

    private static func match(_ parts: ArraySlice<Cue.Part>, _ words: [String], _ i: Int) -> Int? {
        guard let part = parts.first else { return i }
        switch part {
        case .gap:
            for skip in 0...2 where i + skip <= words.count {
                if let end = match(parts.dropFirst(), words, i + skip) { return end }
            }
            return nil
        case let .word(w):
            guard i < words.count, words[i] == w else { return nil }
            return match(parts.dropFirst(), words, i + 1)
        case let .prefix(p):
            guard i < words.count, words[i].hasPrefix(p) else { return nil }
            return match(parts.dropFirst(), words, i + 1)
        case let .suffix(p):
            guard i < words.count, words[i].hasSuffix(p) else { return nil }
            return match(parts.dropFirst(), words, i + 1)
        case let .infix(p):
            guard i < words.count, words[i].contains(p) else { return nil }
            return match(parts.dropFirst(), words, i + 1)
        }
    }
}
