/// One SMART rule: its stable id (never reused), the criterion it serves,
/// its default severity, what it checks and why (Swedish and English), and
/// Swedish examples that pass and fail, next to its logic. `malkoll rules`
/// and the rule example test are both generated from these.
public protocol SmartRule: Sendable {
    var description: RuleDescription { get }
    /// A finding on this goal, or nil when the rule is satisfied.
    func check(_ reading: SmartReading) -> RuleHit?
}

public struct RuleDescription: Sendable {
    public let id: String
    public let criterion: Criterion
    public let severity: Severity
    /// One line: what the rule checks.
    public let summary: String
    public let summaryEnglish: String
    /// Why it matters, a few sentences.
    public let rationale: String
    public let rationaleEnglish: String
    public let examples: [RuleExample]
}

/// A Swedish goal with the rule's expected outcome. In a failing example
/// the span the finding must cover is marked with ⟦ ⟧. Fields the analyzer
/// would read elsewhere (actor, program, deadline, targets) are given so that
/// an example isolates its own rule: by default a goal has an actor, a
/// program and a deadline, and no targets.
public struct RuleExample: Sendable {
    public let text: String
    public let passes: Bool
    public var actor: String? = "kommunen"
    public var program: String? = "Programmet"
    public var deadline: String? = "2026"
    /// Phrases of `text` that the target reader would read as targets.
    public var targets: [String] = []

    public static func pass(_ text: String, targets: [String] = []) -> RuleExample {
        RuleExample(text: text, passes: true, targets: targets)
    }

    public static func fail(_ text: String, targets: [String] = []) -> RuleExample {
        RuleExample(text: text, passes: false, targets: targets)
    }

    public func with(actor: String? = "kommunen", program: String? = "Programmet", deadline: String? = "2026") -> RuleExample {
        var e = self
        e.actor = actor
        e.program = program
        e.deadline = deadline
        return e
    }

    /// The text without span markers.
    public var plainText: String { text.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "") }

    /// Marked spans, in Unicode scalars into `plainText`.
    public var markedSpans: [Range<Int>] {
        var out: [Range<Int>] = []
        var offset = 0
        var open: Int? = nil
        for s in text.unicodeScalars {
            if s == "⟦" { open = offset; continue }
            if s == "⟧", let o = open { out.append(o..<offset); open = nil; continue }
            offset += 1
        }
        return out
    }
}

/// What a rule found: the span it rests on (UTF-16, inside the goal) and
/// the words of the message, built from the goal itself.
public struct RuleHit: Sendable {
    public let span: Range<Int>
    public let message: String
    public let messageEnglish: String
    public let suggestion: String?
    public let suggestionEnglish: String?

    public init(span: Range<Int>, message: String, messageEnglish: String, suggestion: String? = nil, suggestionEnglish: String? = nil) {
        self.span = span
        self.message = message
        self.messageEnglish = messageEnglish
        self.suggestion = suggestion
        self.suggestionEnglish = suggestionEnglish
    }
}

/// Every rule, in the order `malkoll rules` lists them. Adding a rule: write
/// its file under Assess/Rules/ and add it here; the example test and the
/// rule list pick it up.
public enum SmartRules {
    public static let all: [any SmartRule] = [
        VagueVerbRule(), AbstractObjectRule(), ValuePhraseRule(), NoConcreteCoreRule(),
        DirectionOnlyRule(), NoQuantityRule(),
        NoActorRule(), NoProgramRule(), NoDeadlineRule(),
    ]

    public static func rule(_ id: String) -> (any SmartRule)? {
        all.first { $0.description.id == id || $0.description.id.hasSuffix("." + id) }
    }

    public static var ids: [String] { all.map(\.description.id) }
}
