/// The document's structure, built from its layout blocks: headings (with a
/// level), lead-ins ("... ska vi:") and the list items under them, prose
/// paragraphs, page furniture and metadata lines. Every goal reads its
/// context (headings above, lead-in, program, direction) from here.
struct StructureNode {
    enum Role: String { case heading, item, paragraph, furniture, metadata }

    var role: Role
    /// For metadata lines: what the value means.
    var metadataRole: AnalysisLexicon.FurnitureRole?
    // Stored compactly (Int32 offsets, -1 for none): a long document has a node per line.
    private var level16: Int16 = 0
    private var block32: Int32
    private var range32: (Int32, Int32)
    private var title32: (Int32, Int32)
    private var leadIn32: (Int32, Int32) = (-1, -1)
    private var body32: (Int32, Int32) = (-1, -1)
    private var number32: Int32 = -1
    private var parentLeadIn32: Int32 = -1
    private var parentHeading32: Int32 = -1

    init(role: Role, block: Int, range: Range<Int>, title: Range<Int>) {
        self.role = role
        block32 = Int32(block)
        range32 = Self.pack(range)
        title32 = Self.pack(title)
    }

    private static func pack(_ r: Range<Int>) -> (Int32, Int32) { (Int32(r.lowerBound), Int32(r.upperBound)) }
    private static func unpack(_ p: (Int32, Int32)) -> Range<Int> { Int(p.0)..<Int(p.1) }
    private static func packOptional(_ r: Range<Int>?) -> (Int32, Int32) { r.map(pack) ?? (-1, -1) }
    private static func unpackOptional(_ p: (Int32, Int32)) -> Range<Int>? { p.0 < 0 ? nil : unpack(p) }

    /// Index into `Document.blocks`.
    var block: Int { Int(block32) }
    /// The content (UTF-16), without a trailing glued-on fragment.
    var range: Range<Int> { get { Self.unpack(range32) } set { range32 = Self.pack(newValue) } }
    /// Heading level (1 top, 0 a plain-text title) or list level (0 outermost).
    var level: Int { get { Int(level16) } set { level16 = Int16(clamping: newValue) } }
    /// The number of a numbered line ("2. Internationalisering").
    var number: Int? { get { number32 < 0 ? nil : Int(number32) } set { number32 = newValue.map { Int32(clamping: $0) } ?? -1 } }
    /// The content after a number prefix (the heading's name).
    var title: Range<Int> { get { Self.unpack(title32) } set { title32 = Self.pack(newValue) } }
    /// The words that open a list ("Det här ska Luleå kommun arbeta för fram till 2020:").
    var leadIn: Range<Int>? { get { Self.unpackOptional(leadIn32) } set { leadIn32 = Self.packOptional(newValue) } }
    /// The text after an inline lead-in ("... ska vi: stå för öppenhet ...").
    var body: Range<Int>? { get { Self.unpackOptional(body32) } set { body32 = Self.packOptional(newValue) } }
    /// For items: the node holding the lead-in they sit under.
    var parentLeadIn: Int? { get { parentLeadIn32 < 0 ? nil : Int(parentLeadIn32) } set { parentLeadIn32 = newValue.map { Int32($0) } ?? -1 } }
    /// The nearest heading above (a node index); each heading points to its
    /// own parent, so the chain is kept without an array per node.
    var parentHeading: Int? { get { parentHeading32 < 0 ? nil : Int(parentHeading32) } set { parentHeading32 = newValue.map { Int32($0) } ?? -1 } }
}

struct DocumentStructure {
    var nodes: [StructureNode] = []

    /// The headings above a node, outermost first (node indices).
    func headings(of node: StructureNode) -> [Int] {
        var out: [Int] = []
        var h = node.parentHeading
        while let i = h { out.append(i); h = nodes[i].parentHeading }
        return out.reversed()
    }

    /// The first heading's text: the document's title when the format gives none.
    func title(_ doc: Document) -> String? {
        nodes.first { $0.role == .heading }.map { doc.string($0.range) }
    }

    /// A readable dump: one node a line, `line:column` of its start, role,
    /// level, lead-in and text, indented under its headings.
    func dump(_ doc: Document) -> String {
        var out = ""
        for n in nodes {
            let (line, col) = doc.offsets.lineColumn(n.range.lowerBound)
            var tag = n.role.rawValue
            if n.role == .heading { tag += "(\(n.level))" }
            if n.role == .item { tag += "(\(n.level))" }
            if let m = n.metadataRole { tag += "[\(m.rawValue)]" }
            if n.leadIn != nil { tag += " lead-in" }
            if n.body != nil { tag += "+body" }
            if let p = n.parentLeadIn { tag += " under \(doc.offsets.lineColumn(nodes[p].range.lowerBound).line)" }
            let indent = String(repeating: "  ", count: headings(of: n).count)
            var text = doc.string(n.range).replacingOccurrences(of: "\n", with: " ")
            if text.count > 60 { text = String(text.prefix(57)) + "..." }
            out += "\(line):\(col) \(indent)\(tag) \(text)\n"
        }
        return out
    }
}

/// Builds `DocumentStructure` from `doc.blocks`.
struct StructureBuilder {
    let lexicon: AnalysisLexicon

    func build(_ doc: Document) -> DocumentStructure {
        var s = DocumentStructure()
        let u = doc.utf16
        var headingStack: [(level: Int, node: Int)] = []
        var currentLeadIn: Int? = nil
        var previous: Int? = nil  // previous node that is not furniture
        var seenHeading = false
        for (bi, block) in doc.blocks.enumerated() {
            var range = StructureText.trim(u, block.range)
            guard !range.isEmpty else { continue }
            if case .furniture = block.kind {
                s.nodes.append(StructureNode(role: .furniture, block: bi, range: range, title: range))
                currentLeadIn = nil
                continue
            }
            if let g = StructureText.trailingGlue(u, range) {
                range = StructureText.trim(u, range.lowerBound..<g)
                if range.isEmpty { continue }
            }
            var node = StructureNode(role: .paragraph, block: bi, range: range, title: range)
            if let f = furnitureRole(doc, range) {
                node.role = f == .furniture ? .furniture : .metadata
                node.metadataRole = f == .furniture ? nil : f
                s.nodes.append(node)
                // Metadata ends a list; furniture (a comment, "Läs mer") may sit inside one.
                if f != .furniture { currentLeadIn = nil }
                continue
            }
            let words = StructureText.wordCount(u, range)
            let last = u[range.upperBound - 1]
            let endsColon = last == 0x3A
            var number: Int? = nil
            if let (n, rest) = StructureText.numberPrefix(u, range) { number = n; node.title = rest }
            if let m = block.marker, let n = StructureText.number(u, m) { number = n }
            node.number = number
            // "Perspektiv: Medarbetare", "Målområde 2: Trygghet": a labelled heading on one line.
            let labelled = labelledHeading(doc, range)
            let headingLike = labelled || words <= 12 && !endsColon && !StructureText.isSentenceEnd(last) && last != 0x2C && last != 0x3B
                && StructureText.startsUpperOrDigit(u, node.title) && !StructureText.hasInnerSentenceEnd(u, node.title) && StructureText.inlineColon(u, node.title) == nil
            let prev = previous.map { s.nodes[$0] }
            let continuesRun: Bool = {
                guard let n = number, let p = prev else { return false }
                if n == 1 { return p.leadIn != nil }
                return p.role == .item && p.number == n - 1
            }()
            switch block.kind {
            case .heading(let level):
                node.role = .heading
                // Plain text has no levels of its own: a numbered heading sits under the plain ones.
                node.level = doc.format == .text && number != nil ? level + 1 : level
                // The first heading of a plain-text document is its title, above every other.
                if doc.format == .text && !seenHeading { node.level = 0 }
            case .listItem(let level):
                if number != nil && headingLike && !continuesRun && currentLeadIn == nil {
                    node.role = .heading
                    node.level = 4
                } else {
                    node.role = .item
                    node.level = level
                }
            default:
                // Plain lines right after a lead-in (no bullets) are its items.
                let plainRun = currentLeadIn != nil && prev.map { ($0.leadIn != nil && $0.body == nil) || ($0.role == .item && !doc.blocks[$0.block].isListItem) } == true
                if number != nil && headingLike {
                    // Numbered headings sit under the plain ones (level 3) of a plain-text document.
                    node.role = continuesRun ? .item : .heading
                    node.level = continuesRun ? 0 : 4
                } else if plainRun && words <= 40 && !StructureText.hasInnerSentenceEnd(u, range) && !endsColon {
                    node.role = .item
                } else if headingLike {
                    node.role = .heading
                    node.level = seenHeading ? 3 : 0
                } else {
                    node.role = .paragraph
                }
            }
            // Lead-ins: a block ending with a colon (its last sentence), or an inline "... ska vi: text".
            if endsColon {
                node.leadIn = StructureText.lastSentence(u, range)
            } else if !labelled, let colon = StructureText.inlineColon(u, range) {
                let body = StructureText.trim(u, (colon + 1)..<range.upperBound)
                if !body.isEmpty {
                    node.leadIn = range.lowerBound..<(colon + 1)
                    node.body = body
                }
            }
            let index = s.nodes.count
            // "2025–2035" right under the title: part of the title block, above every other heading.
            let titlePeriod = node.role == .heading && prev?.role == .heading && prev?.level == 0 && !StructureText.hasLetter(u, range)
            if titlePeriod { node.level = 0 }
            if node.role == .heading {
                seenHeading = true
                while !titlePeriod, let top = headingStack.last, top.level >= node.level { headingStack.removeLast() }
                node.parentHeading = headingStack.last?.node
                headingStack.append((node.level, index))
                currentLeadIn = nil
            } else {
                node.parentHeading = headingStack.last?.node
            }
            if node.role == .item {
                node.parentLeadIn = currentLeadIn
            } else if node.role == .paragraph {
                currentLeadIn = nil
            }
            if node.leadIn != nil { currentLeadIn = index }
            s.nodes.append(node)
            previous = index
        }
        return s
    }

    /// A line "Label: name" whose label opens a part (lead_ins.tsv) and whose
    /// name is short, without a sentence end.
    private func labelledHeading(_ doc: Document, _ range: Range<Int>) -> Bool {
        let u = doc.utf16
        guard let colon = StructureText.inlineColon(u, range) else { return false }
        let name = StructureText.trim(u, (colon + 1)..<range.upperBound)
        guard !name.isEmpty, StructureText.wordCount(u, name) <= 8, !StructureText.isSentenceEnd(u[name.upperBound - 1]) else { return false }
        let prefix = WordSpan(doc, range: range.lowerBound..<colon)
        guard prefix.count > 0, let m = lexicon.labels.match(prefix, at: 0), m.value != .goal else { return false }
        // "Målområde 2:" — the label and a number or letter.
        return m.end == prefix.count || (m.end == prefix.count - 1 && prefix.ranges[m.end].count <= 2)
    }

    /// The furniture or metadata role of a line, from `page_lines.tsv` and
    /// contact details (e-mail address, telephone number) in a short line.
    /// Compares case-folded UTF-16 units: no strings on the hot path.
    private func furnitureRole(_ doc: Document, _ range: Range<Int>) -> AnalysisLexicon.FurnitureRole? {
        let u = doc.utf16
        let head = range.lowerBound..<min(range.upperBound, range.lowerBound + 600)
        var exactEnd = head.upperBound
        while exactEnd > head.lowerBound, u[exactEnd - 1] == 0x2E || u[exactEnd - 1] == 0x21 || u[exactEnd - 1] == 0x3A { exactEnd -= 1 }
        func at(_ i: Int, _ p: [UInt16]) -> Bool {
            guard i + p.count <= head.upperBound else { return false }
            for k in 0..<p.count where WordKey.fold(u[i + k]) != p[k] { return false }
            return true
        }
        let firstUnit = WordKey.fold(u[head.lowerBound])
        for p in lexicon.furniture {
            let pat = p.folded
            if pat.first != firstUnit { continue }
            switch p.match {
            case .prefix, .contains: if at(head.lowerBound, pat) { return p.role }
            case .exact: if exactEnd - head.lowerBound == pat.count && at(head.lowerBound, pat) { return p.role }
            case .label:
                guard at(head.lowerBound, pat) else { continue }
                var j = head.lowerBound + pat.count
                if j < head.upperBound, u[j] == 0x20 { j += 1 }
                if j < head.upperBound, u[j] == 0x3A { return p.role }
            }
        }
        // "... öppnas i nytt fönster": one pass, patterns tried where their first unit is.
        let contains = lexicon.furnitureContains
        var i = head.lowerBound + 1
        while i < head.upperBound {
            let c = WordKey.fold(u[i])
            for p in contains where p.folded.first == c && at(i, p.folded) { return p.role }
            i += 1
        }
        if StructureText.hasContact(u, range) && StructureText.wordCount(u, range) <= 25 { return .furniture }
        return nil
    }
}

/// Small scans over UTF-16 text used by the structure stage.
enum StructureText {
    @inline(__always) static func isSpace(_ c: UInt16) -> Bool {
        c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x202F
    }
    @inline(__always) static func isSentenceEnd(_ c: UInt16) -> Bool { c == 0x2E || c == 0x21 || c == 0x3F || c == 0x2026 }
    @inline(__always) static func isDigit(_ c: UInt16) -> Bool { c >= 0x30 && c <= 0x39 }

    static func trim(_ u: [UInt16], _ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b, isSpace(u[a]) { a += 1 }
        while b > a, isSpace(u[b - 1]) { b -= 1 }
        return a..<b
    }

    static func wordCount(_ u: [UInt16], _ r: Range<Int>) -> Int {
        var n = 0, inWord = false
        for i in r {
            let sp = isSpace(u[i])
            if !sp && !inWord { n += 1 }
            inWord = !sp
        }
        return n
    }

    static func startsUpperOrDigit(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        guard let c = r.first.map({ u[$0] }) else { return false }
        return WordKey.isUpper(c) || isDigit(c) || (c > 0xFF && !WordKey.isLower(c))
    }

    /// A sentence end inside the range (". " followed by more text).
    static func hasInnerSentenceEnd(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i + 2 < r.upperBound {
            // "Målområde 1. Fossilfria transporter": a number's full stop ends no sentence.
            if isSentenceEnd(u[i]) && isSpace(u[i + 1]) && WordKey.isUpper(u[i + 2]) && !(i > r.lowerBound && isDigit(u[i - 1])) { return true }
            i += 1
        }
        return false
    }

    /// The last sentence of a range (after the last ". " + capital).
    static func lastSentence(_ u: [UInt16], _ r: Range<Int>) -> Range<Int> {
        var i = r.upperBound - 3
        while i >= r.lowerBound {
            if isSentenceEnd(u[i]) && isSpace(u[i + 1]) && WordKey.isUpper(u[i + 2]) { return trim(u, (i + 1)..<r.upperBound) }
            i -= 1
        }
        return r
    }

    /// "12. ", "3) ", "2.1 " or "2 " at the start: the (first) number and the
    /// rest. Components have at most two digits, so a year is no number prefix.
    static func numberPrefix(_ u: [UInt16], _ r: Range<Int>) -> (Int, Range<Int>)? {
        var i = r.lowerBound, n = 0, first = -1, digits = 0
        while i < r.upperBound {
            if isDigit(u[i]) {
                digits += 1
                if digits > 2 { return nil }
                n = n * 10 + Int(u[i] - 0x30)
            } else if u[i] == 0x2E && digits > 0 && i + 1 < r.upperBound && isDigit(u[i + 1]) {
                if first < 0 { first = n }
                n = 0; digits = 0
            } else {
                break
            }
            i += 1
        }
        guard digits > 0, i < r.upperBound else { return nil }
        if u[i] == 0x2E || u[i] == 0x29 { i += 1 }
        guard i < r.upperBound, isSpace(u[i]) else { return nil }
        let rest = trim(u, i..<r.upperBound)
        guard !rest.isEmpty, WordKey.isUpper(u[rest.lowerBound]) else { return nil }
        return (first >= 0 ? first : n, rest)
    }

    static func number(_ u: [UInt16], _ r: Range<Int>) -> Int? {
        var n = 0, any = false
        for i in r { if isDigit(u[i]) { n = n * 10 + Int(u[i] - 0x30); any = true } else if any { break } }
        return any ? n : nil
    }

    /// The offset of a colon that ends an inline lead-in: ": " after at most
    /// 15 words of one sentence, with text after it.
    static func inlineColon(_ u: [UInt16], _ r: Range<Int>) -> Int? {
        var words = 0, inWord = false
        var i = r.lowerBound
        while i + 1 < r.upperBound {
            let c = u[i]
            if c == 0x3A && isSpace(u[i + 1]) { return words >= 1 ? i : nil }
            if isSentenceEnd(c) && isSpace(u[i + 1]) { return nil }
            let sp = isSpace(c)
            if !sp && !inWord { words += 1; if words > 15 { return nil } }
            inWord = !sp
            i += 1
        }
        return nil
    }

    /// Where text glued to the end of a block starts: a lower-case letter,
    /// digit or full stop directly followed by a capital, leaving a tail of at
    /// most four words without a sentence end ("åtgärderInriktning",
    /// "verksamhetenLuleå kommun").
    static func trailingGlue(_ u: [UInt16], _ r: Range<Int>) -> Int? {
        guard r.count > 4 else { return nil }
        var words = 1
        var i = r.upperBound - 1
        if isSentenceEnd(u[i]) || u[i] == 0x3A { return nil }
        while i > r.lowerBound + 2 {
            let c = u[i]
            if isSpace(c) { words += 1; if words > 4 { return nil } }
            if WordKey.isUpper(c) {
                let p = u[i - 1], pp = u[i - 2]
                if (WordKey.isLower(p) && WordKey.isLower(pp)) || (isDigit(p) && isDigit(pp)) { return i }
                if p == 0x2E && WordKey.isLower(pp) { return i }
            }
            i -= 1
        }
        return nil
    }

    static func hasLetter(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        r.contains { WordKey.isUpper(u[$0]) || WordKey.isLower(u[$0]) }
    }

    /// Whether `pattern` (lower case) occurs in the range, case-folded.
    static func contains(_ u: [UInt16], _ r: Range<Int>, _ pattern: [UInt16]) -> Bool {
        guard let first = pattern.first, r.count >= pattern.count else { return false }
        var i = r.lowerBound
        while i + pattern.count <= r.upperBound {
            if WordKey.fold(u[i]) == first {
                var k = 1
                while k < pattern.count, WordKey.fold(u[i + k]) == pattern[k] { k += 1 }
                if k == pattern.count { return true }
            }
            i += 1
        }
        return false
    }

    /// An e-mail address or a telephone number ("076-770 73 76").
    static func hasContact(_ u: [UInt16], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            let c = u[i]
            if c == 0x40, i > r.lowerBound, i + 3 < r.upperBound, !isSpace(u[i - 1]) {
                var j = i + 1
                while j < r.upperBound, !isSpace(u[j]) { if u[j] == 0x2E { return true }; j += 1 }
            }
            if (c == 0x30 || c == 0x2B), i == r.lowerBound || !isDigit(u[i - 1]) {
                var digits = 0, j = i
                while j < r.upperBound, isDigit(u[j]) || u[j] == 0x20 || u[j] == 0x2D || u[j] == 0x2B {
                    if isDigit(u[j]) { digits += 1 }
                    j += 1
                }
                if digits >= 8 { return true }
            }
            i += 1
        }
        return false
    }
}
