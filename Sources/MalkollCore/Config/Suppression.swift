/// Inline suppression written in the document itself.
///
/// In Markdown, HTML and text documents (HTML comments):
///
///     <!-- malkoll-disable specific.vague-verb -->     from here on (no ids: every rule)
///     <!-- malkoll-enable specific.vague-verb -->      from here on again
///     <!-- malkoll-disable-next-line vague-verb -->    the next non-blank line only
///
/// In plain text the same directives also stand alone on a line, optionally
/// after `#`, `//` or `%`:  `# malkoll-disable-next-line no-quantity`.
/// Rule ids may be given in full or by their last part ("vague-verb").
/// Where the extracted text has lost the comments (Markdown, HTML), lint reads
/// them from the raw file and places each goal by finding its text there.
public struct Suppressions: Sendable {
    /// A suppressed stretch of lines (1-based, inclusive) for some rules.
    struct Region: Sendable {
        var rules: Set<String>?  // nil: every rule
        var lines: ClosedRange<Int>
    }

    var regions: [Region] = []

    public init() {}

    public var isEmpty: Bool { regions.isEmpty }

    public func suppresses(rule: String, line: Int) -> Bool {
        regions.contains { r in
            r.lines.contains(line) && (r.rules?.contains(rule) ?? true)
        }
    }

    /// Directives in `text` (the document's text, or its raw source).
    public static func scan(_ text: String) -> Suppressions {
        var out = Suppressions()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let last = max(lines.count, 1)
        var open: [String?: Int] = [:]  // rule (nil: all) -> line it was disabled at
        var openAll: Int? = nil
        for (i, line) in lines.enumerated() where line.contains("malkoll-") {
            let n = i + 1
            for d in directives(in: String(line)) {
                switch d.verb {
                case "disable-next-line":
                    var next = n + 1
                    while next <= lines.count, lines[next - 1].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
                    out.regions.append(Region(rules: d.rules, lines: min(next, last)...min(next, last)))
                case "disable":
                    if let rules = d.rules {
                        for r in rules where open[r] == nil { open[r] = n }
                    } else if openAll == nil {
                        openAll = n
                    }
                case "enable":
                    if let rules = d.rules {
                        for r in rules { if let s = open.removeValue(forKey: r) { out.regions.append(Region(rules: [r], lines: s...n)) } }
                    } else {
                        for (r, s) in open { out.regions.append(Region(rules: r.map { [$0] }, lines: s...n)) }
                        open = [:]
                        if let s = openAll { out.regions.append(Region(rules: nil, lines: s...n)); openAll = nil }
                    }
                default: break
                }
            }
        }
        for (r, s) in open { out.regions.append(Region(rules: r.map { [$0] }, lines: s...last)) }
        if let s = openAll { out.regions.append(Region(rules: nil, lines: s...last)) }
        return out
    }

    /// The 1-based line of `source` where `goalText` stands, searched by its
    /// opening words (up to 40 characters, whitespace-insensitive); nil when
    /// the source does not hold it as plain text.
    public static func line(of goalText: String, in source: String) -> Int? {
        SourceLines(source).line(of: goalText)
    }

    /// A source with its whitespace runs collapsed, each kept character
    /// remembering its line: built once per file, searched once per goal.
    public struct SourceLines {
        private var collapsed: [Character] = []
        private var lines: [Int] = []

        public init(_ source: String) {
            // Whitespace runs, line breaks included, become one space.
            var line = 1
            var lastSpace = true
            for ch in source {
                if ch.isWhitespace {
                    if !lastSpace { collapsed.append(" "); lines.append(line) }
                    lastSpace = true
                    if ch.isNewline { line += 1 }
                } else {
                    collapsed.append(ch)
                    lines.append(line)
                    lastSpace = false
                }
            }
        }

        /// The line where `goalText` stands (see `Suppressions.line(of:in:)`).
        public func line(of goalText: String) -> Int? {
            let words = goalText.split(whereSeparator: { $0.isWhitespace }).prefix(6)
            guard let first = words.first else { return nil }
            var probe = String(first)
            for w in words.dropFirst() where probe.count < 40 { probe += " " + w }
            let needle = Array(probe)
            guard needle.count <= collapsed.count else { return nil }
            for start in 0...(collapsed.count - needle.count) where collapsed[start] == needle[0] {
                if Array(collapsed[start..<start + needle.count]) == needle { return lines[start] }
            }
            return nil
        }
    }

    struct Directive {
        var verb: String
        var rules: Set<String>?
    }

    /// `malkoll-VERB id id` inside `<!-- -->`, or alone on the line after an
    /// optional comment mark.
    static func directives(in line: String) -> [Directive] {
        var bodies: [Substring] = []
        var rest = Substring(line)
        while let open = rest.range(of: "<!--") {
            guard let close = rest[open.upperBound...].range(of: "-->") else { break }
            bodies.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        if bodies.isEmpty {
            let t = line.trimmingCharacters(in: .whitespaces)
            let stripped = t.drop { $0 == "#" || $0 == "/" || $0 == "%" || $0 == " " }
            if stripped.hasPrefix("malkoll-") { bodies.append(stripped) }
        }
        var out: [Directive] = []
        for body in bodies {
            let words = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            guard let first = words.first, first.hasPrefix("malkoll-") else { continue }
            let verb = String(first.dropFirst("malkoll-".count))
            guard ["disable", "enable", "disable-next-line"].contains(verb) else { continue }
            let ids = words.dropFirst().map { id in SmartRules.rule(id)?.description.id ?? id }
            out.append(Directive(verb: verb, rules: ids.isEmpty ? nil : Set(ids)))
        }
        return out
    }
}
