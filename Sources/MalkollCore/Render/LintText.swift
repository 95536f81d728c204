/// `lint --format text`: one line per finding, like a compiler:
/// `FILE:LINE:COL: severity: message [rule-id]`.
public enum LintTextRenderer {
    public static func render(_ findings: [LintFinding], lang: LintLanguage) -> [UInt8] {
        var out: [UInt8] = []
        for f in findings {
            let line = "\(f.file):\(f.finding.location.line):\(f.finding.location.column): \(f.severity.rawValue): "
                + "\(oneLine(f.fullMessage(lang))) [\(f.rule)]\n"
            out.append(contentsOf: Array(line.utf8))
        }
        return out
    }

    /// The summary for stderr: "3 fynd (0 fel, 2 varningar, 1 info) i 1 fil".
    public static func summary(_ findings: [LintFinding], files: Int, suppressed: Int, baselined: Int, lang: LintLanguage) -> String {
        let e = findings.filter { $0.severity == .error }.count
        let w = findings.filter { $0.severity == .warning }.count
        let i = findings.filter { $0.severity == .info }.count
        var s: String
        if lang == .en {
            s = "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(i) info) in \(files) file\(files == 1 ? "" : "s")"
            if suppressed > 0 { s += ", \(suppressed) suppressed" }
            if baselined > 0 { s += ", \(baselined) in the baseline" }
        } else {
            s = "\(findings.count) fynd (\(e) fel, \(w) varning\(w == 1 ? "" : "ar"), \(i) info) i \(files) fil\(files == 1 ? "" : "er")"
            if suppressed > 0 { s += ", \(suppressed) undertryckta" }
            if baselined > 0 { s += ", \(baselined) i baslinjen" }
        }
        return s
    }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
    }
}

/// `lint --format json`: every finding with its full location.
public enum LintJSONRenderer {
    public static let format = "malkoll-lint/1"

    public static func render(_ findings: [LintFinding], files: Int, lang: LintLanguage) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("format"); w.string(format)
        w.key("language"); w.string(lang.rawValue)
        w.key("files"); w.int(files)
        w.key("findings"); w.beginArray()
        for f in findings {
            let l = f.finding.location
            w.beginObject()
            w.key("file"); w.string(f.file)
            w.key("line"); w.int(l.line)
            w.key("column"); w.int(l.column)
            w.key("endLine"); w.int(f.endLine)
            w.key("endColumn"); w.int(f.endColumn)
            w.key("start"); w.int(l.start)
            w.key("end"); w.int(l.end)
            w.key("severity"); w.string(f.severity.rawValue)
            w.key("rule"); w.string(f.rule)
            w.key("criterion"); w.string(f.criterion?.rawValue)
            w.key("message"); w.string(f.message(lang))
            w.key("suggestion"); w.string(f.suggestion(lang))
            w.key("goal"); w.string(f.goalText)
            w.key("fingerprint"); w.string(f.fingerprint)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
