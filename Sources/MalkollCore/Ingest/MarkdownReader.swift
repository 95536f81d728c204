/// Reads Markdown (CommonMark and GitHub tables, the parts documents use):
/// ATX and setext headings, bullet and ordered list items with their
/// nesting, block quotes, pipe tables as rows, paragraphs with their wrapped
/// lines rejoined. The extracted text has the markup stripped: emphasis,
/// code spans, links (their text is kept), images (their alt text), inline
/// HTML tags, backslash escapes and entities. Fenced code and YAML front
/// matter are left out (a front-matter title becomes the title).
struct MarkdownReader {
    let source: String

    func read(_ bytes: [UInt8]) throws -> Extracted {
        let decoded: TextDecoding.Decoded
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch let TextDecoding.Failure.notText(reason) {
            throw MalkollError.unreadable(path: source, reason: reason)
        }
        var parser = MarkdownBlocks()
        parser.parse(decoded.text)
        return Extracted(parser.out.finish(), title: parser.title, encoding: decoded.encoding, warnings: decoded.warnings)
    }

    /// Markdown by its look: ATX or setext headings (two, or one opening the
    /// text), fences, links, strong emphasis and pipe tables, weighed so that
    /// plain text with a stray "#" stays text.
    static func looksLikeMarkdown(_ bytes: [UInt8]) -> Bool {
        // Byte by byte over the first 64 KB: this runs on every plain-text
        // input, so only lines that may be headings become Strings.
        let sample = bytes.prefix(65536)
        var headings = 0, other = 0
        var previousEmpty = true, previousDash = false
        var firstIsHeading: Bool?
        var start = sample.startIndex
        var lineCount = 0
        while start < sample.endIndex, lineCount < 2000 {
            let newline = sample[start...].firstIndex(of: 0x0A) ?? sample.endIndex
            var a = start, b = newline
            while a < b, sample[a] == 0x20 || sample[a] == 0x0D { a += 1 }
            while b > a, sample[b - 1] == 0x20 || sample[b - 1] == 0x0D { b -= 1 }
            let l = sample[a..<b]
            let first = l.first
            let atx = first == 0x23 ? MarkdownBlocks.atxHeading(String(decoding: l, as: UTF8.self)).map { !$0.text.isEmpty } ?? false : false
            if firstIsHeading == nil && !l.isEmpty { firstIsHeading = atx }
            if atx { headings += 1 }
            else if !previousEmpty, !previousDash, let c = first, c == 0x3D || c == 0x2D, l.allSatisfy({ $0 == c }) { headings += 1 }
            if l.starts(with: [0x60, 0x60, 0x60]) || l.starts(with: [0x7E, 0x7E, 0x7E]) { other += 1 }
            if FormatDetector.contains(l, "](") { other += 1 }
            if FormatDetector.contains(l, "**") { other += 1 }
            if first == 0x7C && l.last == 0x7C { other += 1 }
            previousEmpty = l.isEmpty
            previousDash = first == 0x2D
            lineCount += 1
            start = newline == sample.endIndex ? newline : newline + 1
        }
        return headings >= 2 || (headings >= 1 && (other >= 1 || firstIsHeading == true)) || other >= 6
    }
}

/// The block structure of a Markdown text, built line by line.
struct MarkdownBlocks {
    var out = TextBuilder()
    var title: String?

    /// Lines of the paragraph being read.
    private var paragraph: [String] = []
    /// The open list item: level, marker, content column, lines.
    private var item: (level: Int, marker: String, column: Int, lines: [String])?
    /// Content columns of the open lists, outermost first.
    private var listColumns: [Int] = []
    private var table: [[String]]?

    mutating func parse(_ text: String) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { String($0) }
        lines = frontMatter(lines)
        var i = 0
        var fence: String?
        while i < lines.count {
            let raw = lines[i].replacingOccurrences(of: "\t", with: "    ")
            i += 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if let f = fence {
                if trimmed.hasPrefix(f) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushAll()
                fence = String(trimmed.prefix(3))
                continue
            }
            var line = raw
            var indent = MarkdownBlocks.indent(line)
            // Block quotes: their content is read as if unquoted.
            while line.dropFirst(min(indent, 3)).hasPrefix(">") {
                line = String(line.dropFirst(indent).dropFirst())
                if line.hasPrefix(" ") { line.removeFirst() }
                indent = MarkdownBlocks.indent(line)
            }
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty {
                flushParagraph()
                flushItem()
                flushTable()
                continue
            }
            if var rows = table {
                if content.contains("|") { rows.append(MarkdownBlocks.cells(content)); table = rows; continue }
                flushTable()
            }
            if i < lines.count, content.contains("|"), MarkdownBlocks.isTableSeparator(lines[i]), paragraph.isEmpty {
                flushAll()
                table = [MarkdownBlocks.cells(content)]
                i += 1
                continue
            }
            if !paragraph.isEmpty, indent < 4, let level = MarkdownBlocks.setextLevel(content) {
                let text = paragraph.joined(separator: " ")
                paragraph = []
                out.add(.heading(level: level), MarkdownInline.strip(text))
                continue
            }
            if indent < 4, MarkdownBlocks.isThematicBreak(content) {
                flushAll()
                continue
            }
            if indent < 4, let h = MarkdownBlocks.atxHeading(content) {
                flushAll()
                out.add(.heading(level: h.level), MarkdownInline.strip(h.text))
                continue
            }
            if let li = MarkdownBlocks.listMarker(line) {
                flushParagraph()
                flushItem()
                // Close the lists this item is not nested in.
                while let last = listColumns.last, li.indent < last { listColumns.removeLast() }
                let level = listColumns.count
                listColumns.append(li.column)
                item = (level, li.marker, li.column, [li.text])
                continue
            }
            if item != nil, paragraph.isEmpty {
                // A continuation line of the item (indented or lazy).
                item!.lines.append(content)
                continue
            }
            if content.hasSuffix("  ") || content.hasSuffix("\\") {
                paragraph.append(String(content.dropLast(content.hasSuffix("\\") ? 1 : 0)))
                flushParagraph()
                continue
            }
            paragraph.append(content)
        }
        flushAll()
    }

    private mutating func flushAll() {
        flushParagraph()
        flushItem()
        flushTable()
        listColumns = []
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        out.add(.paragraph, MarkdownInline.strip(paragraph.joined(separator: " ")))
        paragraph = []
    }

    private mutating func flushItem() {
        guard let it = item else { return }
        out.add(.listItem(level: it.level), MarkdownInline.strip(it.lines.joined(separator: " ")), marker: it.marker)
        item = nil
    }

    private mutating func flushTable() {
        guard let rows = table else { return }
        for row in rows {
            out.beginRow()
            for (k, cell) in row.enumerated() {
                if k > 0 { out.cell() }
                out.text(MarkdownInline.strip(cell))
            }
            out.endRow()
        }
        table = nil
    }

    /// YAML front matter at the very start: skipped, its title kept.
    private mutating func frontMatter(_ lines: [String]) -> [String] {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }),
              end < 200 else { return lines }
        for l in lines[1..<end] where l.lowercased().hasPrefix("title:") {
            let t = l.dropFirst(6).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: .init(charactersIn: "\"'"))
            if !t.isEmpty { title = t }
        }
        return Array(lines[(end + 1)...])
    }

    static func indent(_ s: String) -> Int {
        var n = 0
        for c in s { if c == " " { n += 1 } else { break } }
        return n
    }

    static func atxHeading(_ s: String) -> (level: Int, text: String)? {
        var level = 0
        var idx = s.startIndex
        while idx < s.endIndex, s[idx] == "#", level < 7 { level += 1; idx = s.index(after: idx) }
        guard (1...6).contains(level), idx == s.endIndex || s[idx] == " " else { return nil }
        var text = s[idx...].trimmingCharacters(in: .whitespaces)
        // A closing sequence of #s.
        while text.hasSuffix("#") { text.removeLast() }
        return (level, text.trimmingCharacters(in: .whitespaces))
    }

    static func setextLevel(_ s: String) -> Int? {
        guard let first = s.first, first == "=" || first == "-" else { return nil }
        return s.allSatisfy({ $0 == first }) ? (first == "=" ? 1 : 2) : nil
    }

    static func isThematicBreak(_ s: String) -> Bool {
        let chars = s.filter { $0 != " " }
        guard chars.count >= 3, let c = chars.first, "-*_".contains(c) else { return false }
        return chars.allSatisfy { $0 == c }
    }

    /// A list item line: its indent, marker ("•" or "3."), content column and text.
    static func listMarker(_ line: String) -> (indent: Int, marker: String, column: Int, text: String)? {
        let ind = indent(line)
        let rest = Array(line.dropFirst(ind))
        guard let c = rest.first else { return nil }
        var markerLength = 0
        var marker = "•"
        if c == "-" || c == "*" || c == "+" {
            markerLength = 1
        } else if c.isASCII && c.isNumber {
            var k = 0
            while k < rest.count, k < 9, rest[k].isASCII, rest[k].isNumber { k += 1 }
            guard k < rest.count, rest[k] == "." || rest[k] == ")" else { return nil }
            markerLength = k + 1
            marker = String(rest[0...k])
        } else {
            return nil
        }
        guard markerLength < rest.count, rest[markerLength] == " " else { return nil }
        var spaces = 0
        while markerLength + spaces < rest.count, rest[markerLength + spaces] == " " { spaces += 1 }
        let text = String(rest[(markerLength + spaces)...])
        if text.isEmpty { return nil }
        return (ind, marker, ind + markerLength + min(spaces, 4), text)
    }

    static func isTableSeparator(_ line: String) -> Bool {
        let s = line.trimmingCharacters(in: .whitespaces)
        guard s.contains("-") else { return false }
        return s.allSatisfy { "|-: ".contains($0) } && s.contains("|") || (s.allSatisfy { "-: ".contains($0) } && s.contains(" "))
    }

    static func cells(_ line: String) -> [String] {
        var s = line.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("|") { s.removeFirst() }
        if s.hasSuffix("|") && !s.hasSuffix("\\|") { s.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in s {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(ch)
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }
}

/// Strips inline Markdown from a block's text.
enum MarkdownInline {
    static func strip(_ s: String) -> String {
        let chars = Array(s)
        var out = ""
        out.reserveCapacity(s.count)
        var i = 0
        func isPunct(_ c: Character) -> Bool { c.isASCII && (c.isPunctuation || c.isSymbol) }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && isPunct(chars[i + 1]):
                out.append(chars[i + 1])
                i += 2
            case "`":
                var run = 0
                while i + run < chars.count, chars[i + run] == "`" { run += 1 }
                if let close = find(chars, from: i + run, run: run, of: "`") {
                    out += String(chars[(i + run)..<close]).trimmingCharacters(in: .whitespaces)
                    i = close + run
                } else {
                    out += String(repeating: "`", count: run)
                    i += run
                }
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                if let (text, next) = link(chars, at: i + 1) { out += strip(text); i = next } else { out.append(c); i += 1 }
            case "[":
                if let (text, next) = link(chars, at: i) { out += strip(text); i = next } else { out.append(c); i += 1 }
            case "<":
                if let close = chars[i...].firstIndex(of: ">"), close - i < 300 {
                    let inner = String(chars[(i + 1)..<close])
                    if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") || (inner.contains("@") && !inner.contains(" ")) {
                        out += inner
                        i = close + 1
                        continue
                    }
                    if let f = inner.first, f.isLetter || f == "/" || f == "!" {
                        i = close + 1
                        continue
                    }
                }
                out.append(c)
                i += 1
            case "*", "_", "~":
                var run = 0
                while i + run < chars.count, chars[i + run] == c { run += 1 }
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + run < chars.count ? chars[i + run] : nil
                let spaceBefore = before == nil || before!.isWhitespace
                let spaceAfter = after == nil || after!.isWhitespace
                var delimiter = !(spaceBefore && spaceAfter)
                if c == "_", let b = before, let a = after, b.isLetter || b.isNumber, a.isLetter || a.isNumber { delimiter = false }
                if c == "~" && run < 2 { delimiter = false }
                if !delimiter { out += String(repeating: c, count: run) }
                i += run
            case "&":
                if let semi = chars[i...].prefix(12).firstIndex(of: ";"), let decoded = entity(String(chars[(i + 1)..<semi])) {
                    out += decoded
                    i = semi + 1
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// The closing run of `run` copies of `ch` at or after `from`.
    private static func find(_ chars: [Character], from: Int, run: Int, of ch: Character) -> Int? {
        var j = from
        while j < chars.count {
            if chars[j] == ch {
                var r = 0
                while j + r < chars.count, chars[j + r] == ch { r += 1 }
                if r == run { return j }
                j += r
            } else {
                j += 1
            }
        }
        return nil
    }

    /// "[text](url)" or "[text][ref]" at `at`: the text and the index after it.
    private static func link(_ chars: [Character], at: Int) -> (String, Int)? {
        var depth = 0
        var j = at
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j < chars.count, j + 1 < chars.count else { return nil }
        let text = String(chars[(at + 1)..<j])
        if chars[j + 1] == "(" {
            var k = j + 2
            var paren = 1
            while k < chars.count {
                if chars[k] == "(" { paren += 1 }
                if chars[k] == ")" { paren -= 1; if paren == 0 { return (text, k + 1) } }
                k += 1
            }
            return nil
        }
        if chars[j + 1] == "[", let close = chars[(j + 1)...].firstIndex(of: "]") { return (text, close + 1) }
        return nil
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "shy": "", "auml": "ä", "ouml": "ö", "aring": "å", "Auml": "Ä", "Ouml": "Ö", "Aring": "Å",
        "eacute": "é", "Eacute": "É", "uuml": "ü", "laquo": "«", "raquo": "»", "rsquo": "’", "lsquo": "‘",
        "rdquo": "”", "ldquo": "“", "bull": "•", "euro": "€", "sect": "§", "deg": "°", "times": "×",
    ]

    static func entity(_ name: String) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) } }
        return named[name]
    }
}
