/// The report's interface text, in Swedish, in one place: the names of the
/// model's values as a Swedish reviewer reads them, and number formatting.
enum HTMLReportLabels {
    static func criterion(_ c: Criterion) -> String {
        switch c {
        case .specific: return "Specifikt"
        case .measurable: return "Mätbart"
        case .assignable: return "Ansvarsfördelat"
        case .relevant: return "Relevant"
        case .time_bound: return "Tidsatt"
        }
    }

    static func commitment(_ c: CommitmentClass) -> String {
        switch c {
        case .binding: return "bindande"
        case .effort: return "strävan"
        case .investigate: return "utredande"
        case .recommend: return "rekommendation"
        }
    }

    static func severity(_ s: Severity) -> String {
        switch s {
        case .error: return "fel"
        case .warning: return "varning"
        case .info: return "info"
        }
    }

    /// "1 fel", "3 varningar", "2 info".
    static func severityCount(_ n: Int, _ s: Severity) -> String {
        s == .warning ? count(n, "varning", "varningar") : "\(n) \(severity(s))"
    }

    static func kind(_ k: GoalKind) -> String? {
        switch k {
        case .goal: return nil
        case .forecast: return "prognos"
        case .vision: return "vision"
        }
    }

    static func evidence(_ e: LinkEvidence) -> String {
        switch e {
        case .heading: return "rubrik"
        case .leadIn: return "inledning"
        case .lexicon: return "ordlista"
        }
    }

    static func comparator(_ c: Comparator) -> String {
        switch c {
        case .eq: return "="
        case .ge: return "≥"
        case .le: return "≤"
        case .gt: return ">"
        case .lt: return "<"
        case .increase: return "ökning till"
        case .decrease: return "minskning till"
        }
    }

    static func unit(_ u: TargetUnit) -> String {
        switch u {
        case .percent: return " %"
        case .percentage_points: return " procentenheter"
        case .sek: return " kr"
        case .count: return " st."
        case .ratio: return " (andel)"
        case .other: return ""
        }
    }

    /// "yearly" → "varje år", "every 4 years" → "vart 4:e år".
    static func recurrence(_ r: String) -> String {
        switch r {
        case "yearly": return "varje år"
        case "quarterly": return "varje kvartal"
        case "monthly": return "varje månad"
        case "weekly": return "varje vecka"
        default:
            let parts = r.split(separator: " ")
            if parts.count == 3, parts[0] == "every", let n = Int(parts[1]) {
                let ordinal = "\(n):\(n % 10 == 1 || n % 10 == 2 ? "a" : "e")"
                if parts[2] == "years" { return "vart \(ordinal) år" }
                if parts[2] == "months" { return "var \(ordinal) månad" }
            }
            return r
        }
    }

    /// A number the Swedish way: decimal comma, no needless decimals.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(format2(v).map { $0 == "." ? "," : $0 })
    }

    /// At most two decimals, trailing zeros dropped.
    private static func format2(_ v: Double) -> String {
        let scaled = (v * 100).rounded() / 100
        var s = "\(scaled)"
        if s.contains("e") { return "\(v)" }
        while s.hasSuffix("0") && s.contains(".") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// "77 %" of a share, rounded to whole percent.
    static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "–" }
        return "\(Int((Double(part) * 100 / Double(total)).rounded())) %"
    }

    /// "1 mål" / "3 mål", "1 anmärkning" / "3 anmärkningar".
    static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(n) \(n == 1 ? singular : plural)"
    }
}
