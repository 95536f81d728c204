import Foundation

/// The analyzer's typed view of its lexicon files (`Lexicons/sv/`): cues,
/// non-goal cues, furniture, actors, lead-in labels and profiles. Built once
/// per `Analyzer`; every malformed row is a `LexiconError` with file:line:col.
final class AnalysisLexicon {
    enum CueKind: String { case modal, future, noun, verb, plan, forecast, requirement, vision }

    struct Cue {
        let `class`: CommitmentClass
        let kind: CueKind
    }

    enum NonGoalKind: String { case meta, subordinate, forecastVerb = "forecast-verb", external, notACue = "not-a-cue", pastAuxiliary = "past-auxiliary", notSupine = "not-supine" }

    enum FurnitureMatch: String { case prefix, contains, exact, label }
    enum FurnitureRole: String { case furniture, metadata, period, owner }
    struct FurniturePattern {
        let pattern: String
        let match: FurnitureMatch
        let role: FurnitureRole
        /// The pattern's UTF-16 units, case-folded like `WordKey.fold`.
        let folded: [UInt16]

        init(pattern: String, match: FurnitureMatch, role: FurnitureRole) {
            self.pattern = pattern
            self.match = match
            self.role = role
            folded = pattern.utf16.map(WordKey.fold)
        }
    }

    enum ActorKind: String { case pronoun, `self`, body, suffix, nameHead = "name-head", determiner, other, preposition, place, othersModifier = "others-modifier", anaphor }

    enum LabelRole: String { case goal, goalArea = "goal-area", area, section, perspective, perspectiveName = "perspective-name", vision }

    var cues = PhraseIndex<Cue>()
    var nonGoal = PhraseIndex<NonGoalKind>()
    var furniture: [FurniturePattern] = []
    /// The patterns matched anywhere in a line.
    private(set) var furnitureContains: [FurniturePattern] = []
    var actorWords = KeyTable<Set<ActorKind>>()
    /// Compound endings that name a body, lower case ("nämnden").
    var actorSuffixes: [[UInt16]] = []
    var labels = PhraseIndex<LabelRole>()
    /// The `perspective` labels ("perspektivet", "perspektiv"), longest first:
    /// the endings a perspective heading's name is read off.
    var perspectiveLabels: [String] = []
    /// Words that show a document speaks of perspectives (`scorecard_words.tsv`).
    var scorecardWords: [[UInt16]] = []
    /// Named planning periods ("mandatperioden"), from `plan_periods.tsv`.
    var planPeriods = WordSet()
    /// Labels of indicator lines ("Indikator:", "Målvärde:"), from `indicator_labels.tsv`.
    var indicatorLabels = WordSet()
    var profiles: [Profile] = []

    init(_ lexicons: Lexicons) throws {
        let cueTable = try lexicons.table("commitment_cues.tsv")
        for row in cueTable.rows {
            guard let c = CommitmentClass(rawValue: row[1]) else {
                throw cueTable.error(row, column: 1, "unknown class '\(row[1])' (binding, effort, investigate, recommend)")
            }
            guard let k = CueKind(rawValue: row[2]) else {
                throw cueTable.error(row, column: 2, "unknown kind '\(row[2])' (modal, future, noun, verb, plan, forecast, requirement, vision)")
            }
            cues.add(row[0], Cue(class: c, kind: k))
        }
        let ng = try lexicons.table("non_goal_cues.tsv")
        for row in ng.rows {
            guard let k = NonGoalKind(rawValue: row[1]) else {
                throw ng.error(row, column: 1, "unknown kind '\(row[1])' (meta, subordinate, forecast-verb, external, not-a-cue, past-auxiliary, not-supine)")
            }
            nonGoal.add(row[0], k)
        }
        let ft = try lexicons.table("page_lines.tsv")
        for row in ft.rows {
            guard let m = FurnitureMatch(rawValue: row[1]) else {
                throw ft.error(row, column: 1, "unknown match '\(row[1])' (prefix, contains, exact, label)")
            }
            guard let r = FurnitureRole(rawValue: row[2].isEmpty ? "furniture" : row[2]) else {
                throw ft.error(row, column: 2, "unknown role '\(row[2])' (furniture, metadata, period, owner)")
            }
            furniture.append(FurniturePattern(pattern: row[0].lowercased(), match: m, role: r))
        }
        furnitureContains = furniture.filter { $0.match == .contains }
        let at = try lexicons.table("actors.tsv")
        for row in at.rows {
            guard let k = ActorKind(rawValue: row[1]) else {
                throw at.error(row, column: 1, "unknown kind '\(row[1])' (pronoun, self, body, suffix, name-head, determiner, other, preposition, place, others-modifier, anaphor)")
            }
            if k == .suffix { actorSuffixes.append(Array(row[0].lowercased().utf16)) }
            let key = WordKey.hash(row[0])
            var kinds = actorWords[key] ?? []
            kinds.insert(k)
            actorWords[key] = kinds
        }
        planPeriods = WordSet(try lexicons.words("plan_periods.tsv"))
        indicatorLabels = WordSet(try lexicons.words("indicator_labels.tsv"))
        let lt = try lexicons.table("lead_ins.tsv")
        for row in lt.rows {
            guard let r = LabelRole(rawValue: row[1]) else {
                throw lt.error(row, column: 1, "unknown role '\(row[1])' (goal, goal-area, area, section, perspective, perspective-name, vision)")
            }
            labels.add(row[0], r)
            if r == .perspective { perspectiveLabels.append(row[0].lowercased()) }
        }
        perspectiveLabels.sort { $0.count > $1.count }
        scorecardWords = try lexicons.words("scorecard_words.tsv").map { Array($0.lowercased().utf16) }
        profiles = try Profile.loadAll(lexicons)
    }

    func actorKinds(_ key: UInt64) -> Set<ActorKind> { actorWords[key] ?? [] }

    /// Whether a word (its UTF-16 range in `doc`) ends in a body suffix and
    /// is longer than it ("socialnämnden", "Trafikverket").
    func hasBodySuffix(_ doc: Document, _ range: Range<Int>) -> Bool {
        let u = doc.utf16
        for s in actorSuffixes where range.count > s.count + 2 {
            var ok = true
            var j = range.upperBound - s.count
            for c in s { if WordKey.fold(u[j]) != c { ok = false; break }; j += 1 }
            if ok { return true }
        }
        return false
    }
}

/// An organisation's profile (`Lexicons/sv/profiles/*.tsv`): its programs
/// and scorecard directions with the phrases that signal them.
struct Profile {
    let file: String
    /// Lower-case phrases naming the organisation, and its name as output.
    var organisations: [String] = []
    var organisationName: String?
    var programs = PhraseIndex<String>()
    var programNames: [String] = []
    var directionLeadIns = PhraseIndex<String>()
    var directionContent = PhraseIndex<String>()
    var directionLabels: [String: String] = [:]

    static func loadAll(_ lexicons: Lexicons) throws -> [Profile] {
        let dir = lexicons.directory.appendingPathComponent("profiles")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".tsv") }.sorted()
        return try names.map { try load(lexicons, "profiles/" + $0) }
    }

    static func load(_ lexicons: Lexicons, _ name: String) throws -> Profile {
        let t = try lexicons.table(name)
        var p = Profile(file: name)
        for row in t.rows {
            let value = row[1], phrase = row[2].lowercased()
            guard !value.isEmpty else { throw t.error(row, column: 1, "empty name") }
            switch row[0] {
            case "organisation":
                p.organisations.append(phrase.isEmpty ? value.lowercased() : phrase)
                if p.organisationName == nil { p.organisationName = value }
            case "program": p.programs.add(phrase.isEmpty ? value : phrase, value); p.programNames.append(value)
            case "direction-lead-in": p.directionLeadIns.add(phrase, value)
            case "direction-content": p.directionContent.add(phrase, value)
            case "direction-label": p.directionLabels[value] = row[2]
            default:
                throw t.error(row, column: 0, "unknown kind '\(row[0])' (organisation, program, direction-lead-in, direction-content, direction-label)")
            }
        }
        return p
    }

    /// Whether the profile is the given organisation's.
    func applies(toOrganisation org: String?) -> Bool {
        guard let org = org?.lowercased() else { return false }
        return organisations.contains { org.contains($0) }
    }
}
