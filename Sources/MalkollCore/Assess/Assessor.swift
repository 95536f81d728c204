/// The assess stage: judges one goal against SMART and fills `smart` (five
/// verdicts with reasons quoting the words they rest on), `vague` (not
/// specific or not measurable), `findings` (one per failing rule, located
/// inside the goal) and `signals` (A and R of SMARTA, as data). The rules
/// live in `Assess/Rules/`, one file each; the word lists in `Lexicons/sv/`.
public final class Assessor: @unchecked Sendable {
    public let lexicons: Lexicons
    public let settings: RuleSettings
    let lexicon: AssessLexicon
    let rules: [any SmartRule]

    public init(lexicons: Lexicons, settings: RuleSettings = RuleSettings()) throws {
        self.lexicons = lexicons
        self.settings = settings
        lexicon = try AssessLexicon(lexicons)
        rules = SmartRules.all
    }

    /// The reading of one goal, for callers that want its parts.
    public func read(_ goal: Goal, span: Range<Int>, indicator: Range<Int>? = nil, in doc: Document) -> SmartReading {
        SmartReading(goal: goal, span: span, indicator: indicator, doc: doc, lexicon: lexicon)
    }

    /// `span` is the goal's UTF-16 range in `doc`; `indicator`, the
    /// indicator lines read with it, if any.
    public func assess(_ goal: inout Goal, span: Range<Int>, indicator: Range<Int>? = nil, in doc: Document) {
        let reading = read(goal, span: span, indicator: indicator, in: doc)
        goal.smart = reading.verdicts
        goal.vague = !(goal.smart[.specific]?.pass ?? false) || !(goal.smart[.measurable]?.pass ?? false)
        goal.findings = findings(reading)
        goal.signals = Self.signals(goal.targets)
    }

    func findings(_ reading: SmartReading) -> [Finding] {
        var out: [Finding] = []
        for rule in rules where settings.enables(rule.description) {
            guard let hit = rule.check(reading) else { continue }
            // A finding always lies inside its goal.
            let span = hit.span.clamped(to: reading.span)
            let start = reading.doc.offsets.scalarOffset(span.lowerBound)
            let lc = reading.doc.offsets.lineColumn(span.lowerBound)
            out.append(Finding(rule: rule.description.id, severity: settings.severity(of: rule.description),
                               message: hit.message, messageEnglish: hit.messageEnglish,
                               suggestion: hit.suggestion, suggestionEnglish: hit.suggestionEnglish,
                               location: Location(line: lc.line, column: lc.column, start: start,
                                                  end: reading.doc.offsets.scalarOffset(span.upperBound))))
        }
        return out.sorted { ($0.location.start, $0.rule) < ($1.location.start, $1.rule) }
    }

    /// Signals for the A and R of SMARTA: is a baseline stated, and how far
    /// above it is the target? Data only, never a verdict.
    static func signals(_ targets: [Target]) -> AchievabilitySignals {
        let withBaseline = targets.first { $0.baseline != nil }
        var ratio: Double? = nil
        if let t = withBaseline, let b = t.baseline, b != 0 { ratio = t.value / b }
        return AchievabilitySignals(baselineStated: withBaseline != nil, ambitionRatio: ratio)
    }
}
