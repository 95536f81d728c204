/// Rule settings from the command line and `.malkoll.toml`: which rules run
/// and at what severity. (Extended by the configuration work.)
public struct RuleSettings: Sendable {
    public var disabled: Set<String> = []
    public var severities: [String: Severity] = [:]
    public init() {}
}

/// The assess stage: judges one goal against SMART and fills `smart`,
/// `vague`, `findings` and `signals`. Each rule lives in its own file under
/// `Assess/Rules/` with its id, messages and examples.
/// (Placeholder until the rules land: every criterion "not assessed".)
public final class Assessor {
    public let lexicons: Lexicons
    public let settings: RuleSettings

    public init(lexicons: Lexicons, settings: RuleSettings = RuleSettings()) throws {
        self.lexicons = lexicons
        self.settings = settings
    }

    /// `span` is the goal's UTF-16 range in `doc`.
    public func assess(_ goal: inout Goal, span: Range<Int>, in doc: Document) {
        for c in Criterion.allCases { goal.smart[c] = Verdict(pass: false, reason: "not assessed yet") }
        goal.vague = true
    }
}
