/// The result of analysing one document: what `analyze --format json`
/// prints (`spec/analysis.schema.json`, schema "malkoll/analysis/1"), and
/// what lint, report, batch, the database and diff consume.
public struct Analysis: Sendable {
    public static let schema = "malkoll/analysis/1"
    public var document: DocumentInfo
    public var goals: [Goal]

    public init(document: DocumentInfo, goals: [Goal]) {
        self.document = document
        self.goals = goals
    }
}

public struct DocumentInfo: Sendable, Equatable {
    public var source: String
    public var sha256: String
    public var format: SourceFormat
    public var encoding: String
    public var title: String?
    public var organisation: String?
    /// Counted in Unicode scalars.
    public var characters: Int
    public var sentences: Int
    public var tokens: Int
    public var warnings: [String]

    public init(source: String, sha256: String, format: SourceFormat, encoding: String, title: String?,
                organisation: String?, characters: Int, sentences: Int, tokens: Int, warnings: [String] = []) {
        self.source = source
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.title = title
        self.organisation = organisation
        self.characters = characters
        self.sentences = sentences
        self.tokens = tokens
        self.warnings = warnings
    }
}

/// A located span: Unicode-scalar offsets into the decoded source text
/// (end exclusive) and the 1-based line:column of its start.
public struct Location: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var start: Int
    public var end: Int

    public init(line: Int, column: Int, start: Int, end: Int) {
        self.line = line
        self.column = column
        self.start = start
        self.end = end
    }
}

public enum CommitmentClass: String, Sendable, CaseIterable {
    case binding, effort, investigate, recommend
}

public struct Commitment: Sendable, Equatable {
    public var `class`: CommitmentClass
    /// The words that carry it ("verka för"), as they stand.
    public var cue: String
    /// Taken from a lead-in or heading.
    public var inherited: Bool

    public init(class: CommitmentClass, cue: String, inherited: Bool) {
        self.class = `class`
        self.cue = cue
        self.inherited = inherited
    }
}

public struct Actor: Sendable, Equatable {
    public var name: String
    public var inherited: Bool

    public init(name: String, inherited: Bool) {
        self.name = name
        self.inherited = inherited
    }
}

public enum TargetUnit: String, Sendable, CaseIterable {
    case percent, count, sek, ratio, percentage_points, other
}

public enum Comparator: String, Sendable, CaseIterable {
    case eq = "=", ge = ">=", le = "<=", gt = ">", lt = "<", increase, decrease
}

public struct Target: Sendable, Equatable {
    /// The phrase, as it stands ("minst 35 %").
    public var text: String
    public var value: Double
    public var unit: TargetUnit
    public var comparator: Comparator
    /// What is measured, when it can be read ("eleverna på gymnasiet ...").
    public var quantity: String?
    /// A baseline stated beside it ("från 70 till 85 procent": 70).
    public var baseline: Double?
    public var location: Location?

    public init(text: String, value: Double, unit: TargetUnit, comparator: Comparator,
                quantity: String? = nil, baseline: Double? = nil, location: Location? = nil) {
        self.text = text
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.quantity = quantity
        self.baseline = baseline
        self.location = location
    }
}

public struct Deadline: Sendable, Equatable {
    /// The phrase ("fram till 2020").
    public var text: String
    /// ISO: "2020", "2016-10", "2015-03-31".
    public var date: String
    public var inherited: Bool

    public init(text: String, date: String, inherited: Bool) {
        self.text = text
        self.date = date
        self.inherited = inherited
    }
}

public enum LinkEvidence: String, Sendable {
    case heading, leadIn = "lead-in", lexicon
}

/// A program (with its strategy area) or a scorecard direction.
public struct Link: Sendable, Equatable {
    public var name: String
    /// The strategy area under a program; unused for directions.
    public var area: String?
    /// The label as it stands in the document, for directions.
    public var label: String?
    public var evidence: LinkEvidence
    public var confidence: Double

    public init(name: String, area: String? = nil, label: String? = nil, evidence: LinkEvidence, confidence: Double) {
        self.name = name
        self.area = area
        self.label = label
        self.evidence = evidence
        self.confidence = confidence
    }
}

public enum Criterion: String, Sendable, CaseIterable {
    case specific, measurable, assignable, relevant, time_bound
}

public struct Verdict: Sendable, Equatable {
    public var pass: Bool
    /// Why, quoting the words it rests on.
    public var reason: String

    public init(pass: Bool, reason: String) {
        self.pass = pass
        self.reason = reason
    }
}

public enum Severity: String, Sendable, CaseIterable, Comparable {
    case info, warning, error

    var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

public struct Finding: Sendable, Equatable {
    /// Stable rule id, never reused ("vague-verb").
    public var rule: String
    public var severity: Severity
    /// Swedish message (the default).
    public var message: String
    public var messageEnglish: String
    /// What would fix it, drawn from the goal where possible.
    public var suggestion: String?
    public var suggestionEnglish: String?
    /// The span the finding rests on.
    public var location: Location

    public init(rule: String, severity: Severity, message: String, messageEnglish: String,
                suggestion: String? = nil, suggestionEnglish: String? = nil, location: Location) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.messageEnglish = messageEnglish
        self.suggestion = suggestion
        self.suggestionEnglish = suggestionEnglish
        self.location = location
    }
}

/// What kind of statement the goal is: a goal proper, or something reported
/// but marked (a forecast, a vision).
public enum GoalKind: String, Sendable {
    case goal, forecast, vision
}

/// Signals for the A and R of SMARTA: data, never a verdict.
public struct AchievabilitySignals: Sendable, Equatable {
    public var baselineStated: Bool
    /// Target value over baseline, when both are stated.
    public var ambitionRatio: Double?

    public init(baselineStated: Bool, ambitionRatio: Double?) {
        self.baselineStated = baselineStated
        self.ambitionRatio = ambitionRatio
    }
}

public struct Goal: Sendable {
    public var id: String
    public var text: String
    public var location: Location
    public var kind: GoalKind
    public var commitment: Commitment
    public var actor: Actor?
    public var targets: [Target]
    public var deadline: Deadline?
    /// "yearly", "quarterly", "monthly", "weekly", "every 4 years", or nil.
    public var recurrence: String?
    public var program: Link?
    public var direction: Link?
    /// Headings above the goal, outermost first.
    public var headings: [String]
    /// The lead-in the goal sits under, if any.
    public var leadIn: String?
    public var smart: [Criterion: Verdict]
    public var vague: Bool
    public var findings: [Finding]
    public var signals: AchievabilitySignals?

    public init(id: String, text: String, location: Location, kind: GoalKind = .goal, commitment: Commitment,
                actor: Actor? = nil, targets: [Target] = [], deadline: Deadline? = nil, recurrence: String? = nil,
                program: Link? = nil, direction: Link? = nil, headings: [String] = [], leadIn: String? = nil,
                smart: [Criterion: Verdict] = [:], vague: Bool = false, findings: [Finding] = [],
                signals: AchievabilitySignals? = nil) {
        self.id = id
        self.text = text
        self.location = location
        self.kind = kind
        self.commitment = commitment
        self.actor = actor
        self.targets = targets
        self.deadline = deadline
        self.recurrence = recurrence
        self.program = program
        self.direction = direction
        self.headings = headings
        self.leadIn = leadIn
        self.smart = smart
        self.vague = vague
        self.findings = findings
        self.signals = signals
    }
}
