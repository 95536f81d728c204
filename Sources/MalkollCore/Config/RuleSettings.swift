/// Rule settings from the command line and `.malkoll.toml`: which rules run,
/// at what severity, and under which criteria profile.
public struct RuleSettings: Sendable, Equatable {
    /// Rule ids switched off.
    public var disabled: Set<String> = []
    /// Severity overrides by rule id.
    public var severities: [String: Severity] = [:]
    /// The criteria that the chosen profile maps to; nil runs every criterion.
    public var criteria: Set<Criterion>? = nil
    /// The profile's name, as configured ("smart", "lulea").
    public var profile: String = "smart"

    public init() {}

    /// Whether a rule runs under these settings.
    public func enables(_ rule: RuleDescription) -> Bool {
        !disabled.contains(rule.id) && (criteria?.contains(rule.criterion) ?? true)
    }

    public func severity(of rule: RuleDescription) -> Severity { severities[rule.id] ?? rule.severity }
}
