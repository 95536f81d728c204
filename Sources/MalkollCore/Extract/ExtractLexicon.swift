import Foundation

/// The typed views of the lexicon files the quantity and time readers use,
/// built once per reader from `Lexicons` and checked row by row (a bad value
/// is a `LexiconError` naming file, line and column).
final class ExtractLexicon {
    enum NumberWordKind: String, CaseIterable {
        case unit, ten, hundred, scale, article, phrase, fraction, half, part, every, sign, digitscale, abbrev
    }
    struct NumberWord { var value: Double?; var kind: NumberWordKind }

    struct Unit { var unit: TargetUnit; var scale: Double; var before: Bool; var after: Bool }

    enum ComparatorPosition: String, CaseIterable { case before, verb, after, standalone, negation }
    struct ComparatorCue {
        var comparator: Comparator?   // nil for a negation
        var position: ComparatorPosition
        var value: Double?
        var unit: TargetUnit?
    }

    enum ContextRole: String, CaseIterable { case label, label_after, vague, stop, boundary, clause, percent_subject, count_subject, person, baseline, money }

    enum TimeRole: String, CaseIterable { case deadline, start, reference, past, baseline, name, filler, future, past_verb }
    struct TimeCue { var role: TimeRole; var after: Bool }

    struct Period { var part: Int?; var month: Int; var day: Int? }

    enum RecurrenceKind: String, CaseIterable { case phrase, every, unit }
    struct RecurrenceCue { var text: String; var kind: RecurrenceKind }

    /// Morphemes that compose inside one word ("tjugo"+"fem"), longest first.
    private(set) var morphemes: [(form: [Unicode.Scalar], word: NumberWord)] = []
    /// The scalars a morpheme starts with: a word starting otherwise is no number.
    private(set) var morphemeStarts: Set<Unicode.Scalar> = []
    /// Every number word and phrase.
    private(set) var numberWords = PhraseTable<NumberWord>()
    /// Digit scale letters, case-sensitive ("M" = 1e6 but "m" is a metre).
    private(set) var digitScales: [String: Double] = [:]
    private(set) var ordinalWords: [(form: String, value: Int)] = []
    private(set) var ordinalByWord: [String: Int] = [:]
    private(set) var ordinalSuffixes: Set<String> = []
    private(set) var units = PhraseTable<Unit>()
    private(set) var comparators = PhraseTable<ComparatorCue>()
    /// Context words by their form without a final full stop ("kl." = "kl").
    private(set) var contextWords: [String: Set<ContextRole>] = [:]
    private(set) var contextEndings: [(ending: String, role: ContextRole)] = []
    private(set) var months = PhraseTable<Int>()
    private(set) var periods: [String: [Period]] = [:]
    private(set) var timeCuesBefore = PhraseTable<TimeRole>()
    private(set) var timeCuesAfter = PhraseTable<TimeRole>()
    /// The future and past_verb rows: what tells a plan from a report.
    private(set) var tenseCues = PhraseTable<TimeRole>()
    private(set) var recurrences = PhraseTable<RecurrenceCue>()

    /// One typed view per lexicon folder, shared by the readers built on it
    /// (the files do not change while the program runs).
    static func shared(_ lexicons: Lexicons) throws -> ExtractLexicon {
        let key = lexicons.directory.standardizedFileURL.path
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let l = sharedByFolder[key] { return l }
        let l = try ExtractLexicon(lexicons: lexicons)
        sharedByFolder[key] = l
        return l
    }
    private static var sharedByFolder: [String: ExtractLexicon] = [:]
    private static let sharedLock = NSLock()

    init(lexicons: Lexicons) throws {
        try loadNumberWords(lexicons.table("number_words.tsv"))
        try loadOrdinals(lexicons.table("ordinals.tsv"))
        try loadUnits(lexicons.table("units.tsv"))
        try loadComparators(lexicons.table("comparators.tsv"))
        let contexts = try lexicons.table("number_contexts.tsv")
        for row in contexts.rows {
            let role = try Self.enumValue(contexts, row, 1, ContextRole.self)
            let form = row[0].lowercased()
            if form.count > 1, form.hasPrefix("-") {
                contextEndings.append((String(form.dropFirst()), role))
            } else {
                contextWords[form.count > 1 && form.hasSuffix(".") ? String(form.dropLast()) : form, default: []].insert(role)
            }
        }
        let months = try lexicons.table("months.tsv")
        for row in months.rows {
            let m = try Self.number(months, row, 1)
            guard let month = m, month == month.rounded(), (1...12).contains(Int(month)) else {
                throw months.error(row, column: 1, "month must be 1-12")
            }
            self.months.add(row[0], Int(month))
        }
        try loadPeriods(lexicons.table("periods.tsv"))
        let cues = try lexicons.table("time_cues.tsv")
        for row in cues.rows {
            let role = try Self.enumValue(cues, row, 1, TimeRole.self)
            switch row[2] {
            case _ where role == .future || role == .past_verb: tenseCues.add(row[0], role)
            case "", "before": timeCuesBefore.add(row[0], role)
            case "after": timeCuesAfter.add(row[0], role)
            default: throw cues.error(row, column: 2, "position must be before or after")
            }
        }
        let rec = try lexicons.table("recurrence.tsv")
        for row in rec.rows {
            let kind = try Self.enumValue(rec, row, 2, RecurrenceKind.self)
            // The output schema allows these recurrences only.
            if kind == .phrase, !["yearly", "quarterly", "monthly", "weekly"].contains(row[1]) {
                throw rec.error(row, column: 1, "a phrase's recurrence must be yearly, quarterly, monthly or weekly")
            }
            if kind == .unit, !["years", "months"].contains(row[1]) {
                throw rec.error(row, column: 1, "a unit must be years or months")
            }
            if kind == .every, !row[1].isEmpty, Int(row[1]) == nil { throw rec.error(row, column: 1, "a count must be a whole number") }
            recurrences.add(row[0], RecurrenceCue(text: row[1], kind: kind))
        }
    }

    // MARK: loading

    private func loadNumberWords(_ t: LexiconTable) throws {
        for row in t.rows {
            let kind = try Self.enumValue(t, row, 2, NumberWordKind.self)
            let value = try Self.number(t, row, 1)
            if value == nil, kind != .every, kind != .part { throw t.error(row, column: 1, "value missing") }
            let w = NumberWord(value: value, kind: kind)
            switch kind {
            case .digitscale: digitScales[row[0]] = value
            case .unit, .ten, .hundred, .scale, .article:
                morphemes.append((Array(row[0].lowercased().unicodeScalars), w))
                if let first = row[0].lowercased().unicodeScalars.first { morphemeStarts.insert(first) }
                numberWords.add(row[0], w)
            default: numberWords.add(row[0], w)
            }
        }
        morphemes.sort { $0.form.count > $1.form.count }
    }

    private func loadOrdinals(_ t: LexiconTable) throws {
        for row in t.rows {
            switch row[2] {
            case "word":
                guard let v = Int(row[1]), v > 0 else { throw t.error(row, column: 1, "value must be a whole number above 0") }
                ordinalWords.append((row[0].lowercased(), v))
                if ordinalByWord[row[0].lowercased()] == nil { ordinalByWord[row[0].lowercased()] = v }
            case "suffix": ordinalSuffixes.insert(row[0].lowercased())
            default: throw t.error(row, column: 2, "kind must be word or suffix")
            }
        }
        ordinalWords.sort { $0.form.count > $1.form.count }
    }

    private func loadUnits(_ t: LexiconTable) throws {
        for row in t.rows {
            guard let unit = TargetUnit(rawValue: row[1]) else {
                throw t.error(row, column: 1, "unit must be one of \(TargetUnit.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let scale = try Self.number(t, row, 2) ?? 1
            let pos = row[3].isEmpty ? "after" : row[3]
            guard ["after", "before", "either"].contains(pos) else { throw t.error(row, column: 3, "position must be after, before or either") }
            units.add(row[0], Unit(unit: unit, scale: scale, before: pos != "after", after: pos != "before"))
        }
    }

    private func loadComparators(_ t: LexiconTable) throws {
        for row in t.rows {
            let position = try Self.enumValue(t, row, 2, ComparatorPosition.self)
            var cue = ComparatorCue(comparator: nil, position: position)
            if position != .negation {
                guard let c = Comparator(rawValue: row[1]) else {
                    throw t.error(row, column: 1, "comparator must be one of \(Comparator.allCases.map(\.rawValue).joined(separator: " "))")
                }
                cue.comparator = c
            }
            if position == .standalone {
                guard let v = try Self.number(t, row, 3) else { throw t.error(row, column: 3, "a standalone row needs a value") }
                guard let u = TargetUnit(rawValue: row[4]) else { throw t.error(row, column: 4, "a standalone row needs a unit") }
                cue.value = v
                cue.unit = u
            }
            comparators.add(row[0], cue)
        }
    }

    private func loadPeriods(_ t: LexiconTable) throws {
        for row in t.rows {
            let part: Int?
            if row[1].isEmpty { part = nil } else {
                guard let p = Int(row[1]), p > 0 else { throw t.error(row, column: 1, "part must be a whole number above 0") }
                part = p
            }
            let bits = row[2].split(separator: "-").map { Int($0) }
            guard (1...2).contains(bits.count), let m = bits[0], (1...12).contains(m),
                  bits.count == 1 || (bits[1].map { (1...31).contains($0) } ?? false) else {
                throw t.error(row, column: 2, "end must be MM or MM-DD")
            }
            periods[row[0].lowercased(), default: []].append(Period(part: part, month: m, day: bits.count == 2 ? bits[1] : nil))
        }
    }

    private static func number(_ t: LexiconTable, _ row: LexiconTable.Row, _ column: Int) throws -> Double? {
        let s = row[column]
        if s.isEmpty { return nil }
        guard let v = Double(s) else { throw t.error(row, column: column, "not a number: \(s)") }
        return v
    }

    private static func enumValue<E: RawRepresentable & CaseIterable>(_ t: LexiconTable, _ row: LexiconTable.Row, _ column: Int,
                                                                       _: E.Type) throws -> E where E.RawValue == String {
        guard let v = E(rawValue: row[column]) else {
            throw t.error(row, column: column, "must be one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    // MARK: look-ups

    func ordinalWord(_ lower: String) -> Int? { ordinalByWord[lower] }

    func period(_ lower: String, part: Int?) -> Period? {
        periods[lower]?.first { $0.part == part }
    }
    func hasPeriod(_ lower: String) -> Bool { periods[lower] != nil }

    func context(_ token: ScanToken, is role: ContextRole) -> Bool {
        guard token.kind != .digits else { return false }
        return contextMemo.value(token.lower) {
            var roles = contextWords[token.lower] ?? []
            if token.isWord { for e in contextEndings where hasEnding(token.lower, e.ending) { roles.insert(e.role) } }
            return roles
        }.contains(role)
    }
    private let contextMemo = WordMemo<Set<ContextRole>>()
}
