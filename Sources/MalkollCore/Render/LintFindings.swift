import Foundation

/// Message language of `lint` and `rules`.
public enum LintLanguage: String, Sendable, CaseIterable {
    case sv, en
}

/// One finding as lint reports it: located in its file (start and end
/// line:column, Unicode-scalar offsets), with its goal's text and the
/// fingerprint a baseline keys on.
public struct LintFinding: Sendable, Equatable {
    public var file: String
    public var finding: Finding
    public var criterion: Criterion?
    public var endLine: Int
    public var endColumn: Int
    public var goalText: String
    public var fingerprint: String

    public var rule: String { finding.rule }
    public var severity: Severity { finding.severity }

    public func message(_ lang: LintLanguage) -> String {
        lang == .en ? finding.messageEnglish : finding.message
    }

    public func suggestion(_ lang: LintLanguage) -> String? {
        lang == .en ? (finding.suggestionEnglish ?? finding.suggestion) : finding.suggestion
    }

    /// The message with what would fix it.
    public func fullMessage(_ lang: LintLanguage) -> String {
        guard let s = suggestion(lang) else { return message(lang) }
        return message(lang) + (lang == .en ? "; fix: " : "; åtgärd: ") + s
    }
}

/// Turns an analysis into lint findings: applies the rule settings (rules
/// off, severities, criteria profile) and the document's own suppression
/// comments, and sorts by position, then rule id.
public enum LintCollector {
    /// `rawSource`: the file as written, when its directives were lost in
    /// extraction (Markdown, HTML); each goal is then placed in it by its text.
    public static func findings(_ analysis: Analysis, doc: Document, file: String, settings: RuleSettings,
                                suppressions: Suppressions, rawSource: String? = nil) -> (findings: [LintFinding], suppressed: Int) {
        var out: [LintFinding] = []
        var suppressed = 0
        let byId = Dictionary(uniqueKeysWithValues: SmartRules.all.map { ($0.description.id, $0.description) })
        let rawLines = rawSource.map { Suppressions.SourceLines($0) }
        for goal in analysis.goals {
            let rawLine = goal.findings.isEmpty ? nil : rawLines.map { $0.line(of: goal.text) }
            for var f in goal.findings {
                let description = byId[f.rule]
                if let d = description {
                    guard settings.enables(d) else { continue }
                    f.severity = settings.severities[d.id] ?? f.severity
                } else if settings.disabled.contains(f.rule) {
                    continue
                }
                let line: Int? = rawLine.map { $0.map { $0 + f.location.line - goal.location.line } } ?? f.location.line
                if let line, suppressions.suppresses(rule: f.rule, line: line) {
                    suppressed += 1
                    continue
                }
                let end = endPosition(f.location.end, doc: doc)
                out.append(LintFinding(file: file, finding: f, criterion: description?.criterion, endLine: end.line, endColumn: end.column,
                                       goalText: goal.text, fingerprint: Fingerprint.of(rule: f.rule, goalText: goal.text)))
            }
        }
        out.sort(by: order)
        return (out, suppressed)
    }

    /// By file, then position, then rule id: same input, same bytes.
    public static func order(_ a: LintFinding, _ b: LintFinding) -> Bool {
        (a.file, a.finding.location.line, a.finding.location.column, a.finding.location.end, a.rule)
            < (b.file, b.finding.location.line, b.finding.location.column, b.finding.location.end, b.rule)
    }

    /// line:column of a Unicode-scalar offset.
    static func endPosition(_ scalar: Int, doc: Document) -> (line: Int, column: Int) {
        var u = min(scalar, doc.utf16.count)
        while u < doc.utf16.count, doc.offsets.scalarOffset(u) < scalar { u += scalar - doc.offsets.scalarOffset(u) }
        return doc.offsets.lineColumn(u)
    }

    /// Findings not accepted by the baseline (each accepted key is used once).
    public static func filter(_ findings: [LintFinding], baseline: Baseline) -> (new: [LintFinding], accepted: Int) {
        var b = baseline
        var out: [LintFinding] = []
        for f in findings {
            if !b.consume(Baseline.Entry(file: Baseline.fileKey(f.file), rule: f.rule, fingerprint: f.fingerprint)) { out.append(f) }
        }
        return (out, findings.count - out.count)
    }

    public static func baseline(of findings: [LintFinding]) -> Baseline {
        Baseline(entries: findings.map { Baseline.Entry(file: Baseline.fileKey($0.file), rule: $0.rule, fingerprint: $0.fingerprint) })
    }
}
