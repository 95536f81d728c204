/// Reads an OpenDocument text (ODT): headings (text:h with its outline
/// level), paragraphs, list items (text:list nesting, with the bullet or
/// number the list style gives), table rows, and notes after the body, kept
/// apart from the sentences that cite them. Tracked changes (the deleted
/// text ODF keeps in text:tracked-changes), comments, indexes and tables of
/// contents are left out.
struct ODTReader {
    let source: String
    let limits: ReadLimits

    func read(_ bytes: [UInt8]) throws -> Extracted {
        var zip = try ZipContainer(bytes: bytes, source: source, kind: "ODT", limits: limits)
        guard let content = try zip.read("content.xml") else {
            throw MalkollError.unreadable(path: source, reason: "ODT without content.xml")
        }
        var listStyles = ODFListStyles()
        if let styles = try zip.read("styles.xml") { try listStyles.parse(styles, source: source, part: "styles.xml") }
        var out = TextBuilder(reserve: content.count / 4)
        let walker = ODFBodyWalker(source: source, listStyles: listStyles)
        try walker.walk(content, into: &out)
        let title = try zip.read("meta.xml").flatMap {
            try XMLPullReader.firstText(of: "title", in: $0, source: source, part: "meta.xml")
        }
        return Extracted(out.finish(), title: title)
    }
}

/// List styles (text:list-style): per level, a bullet or a number format.
struct ODFListStyles {
    struct Level {
        var bullet: Bool
        var format = "1"
        var prefix = ""
        var suffix = ""
        var start = 1
    }

    private(set) var styles: [String: [Int: Level]] = [:]

    mutating func parse(_ bytes: [UInt8], source: String, part: String) throws {
        let r = try XMLPullReader(bytes, source: source, part: part)
        var current: String?
        while try r.next() { read(r, style: &current) }
    }

    /// Takes what the reader's current node says about list styles.
    mutating func read(_ r: XMLPullReader, style current: inout String?) {
        if r.node == .end, r.name == "list-style" { current = nil }
        guard r.node == .start else { return }
        switch r.name {
        case "list-style": current = r.attribute("name")
        case "list-level-style-bullet", "list-level-style-number", "list-level-style-image":
            guard let style = current else { return }
            let level = r.attribute("level").flatMap { Int($0) } ?? 1
            var l = Level(bullet: r.name != "list-level-style-number")
            if !l.bullet {
                l.format = r.attribute("num-format") ?? "1"
                l.prefix = r.attribute("num-prefix") ?? ""
                l.suffix = r.attribute("num-suffix") ?? ""
                l.start = r.attribute("start-value").flatMap { Int($0) } ?? 1
            }
            styles[style, default: [:]][level] = l
        default: break
        }
    }
}

/// Walks office:text of content.xml into blocks.
struct ODFBodyWalker {
    let source: String
    var listStyles: ODFListStyles

    /// Subtrees that are never text of the document.
    static let skipped: Set<String> = ["tracked-changes", "annotation", "table-of-content", "alphabetical-index",
                                       "illustration-index", "table-index", "object-index", "user-index", "bibliography",
                                       "sequence-decls", "variable-decls", "user-field-decls", "dde-connection-decls",
                                       "note-citation", "title", "desc", "forms", "event-listeners", "index-title",
                                       "table-columns", "table-column", "covered-table-cell", "automatic-styles",
                                       "font-face-decls", "scripts", "deletion"]

    private struct ListLevel {
        var style: String?
        var counter = 0
    }

    func walk(_ bytes: [UInt8], into out: inout TextBuilder) throws {
        var styles = listStyles
        let r = try XMLPullReader(bytes, source: source, part: "content.xml")
        // Automatic list styles live in content.xml itself, before the body.
        var lists: [ListLevel] = []
        /// A list item whose first paragraph has not come yet: level and marker.
        var pendingItem: (level: Int, marker: String?)?
        var paragraphDepth = 0
        var number: String?
        // Notes: their paragraphs are collected and added after the body.
        var noteDepth = 0
        var notes: [TextBuilder.Content] = []
        var inBody = false
        var parsingStyles: String?
        var previousTopList: [ListLevel] = []
        while try r.next() {
            switch r.node {
            case .start:
                let name = r.name
                if !inBody {
                    if name == "body" { inBody = true } else { styles.read(r, style: &parsingStyles) }
                    continue
                }
                if ODFBodyWalker.skipped.contains(name) { try r.skipElement(); continue }
                switch name {
                case "note":
                    noteDepth += 1
                    if !r.isEmpty { notes.append(TextBuilder.Content()) } else { noteDepth -= 1 }
                case "list":
                    let continues = r.attribute("continue-numbering") == "true" || r.attribute("continue-list") != nil
                    var level = ListLevel(style: r.attribute("style-name") ?? lists.last?.style)
                    if lists.isEmpty && continues, let first = previousTopList.first, first.style == level.style {
                        level.counter = first.counter
                    }
                    lists.append(level)
                    if r.isEmpty { lists.removeLast() }
                case "list-item", "list-header":
                    guard !lists.isEmpty else { continue }
                    let depth = lists.count
                    if name == "list-header" {
                        pendingItem = (depth - 1, nil)
                        continue
                    }
                    let style = lists[depth - 1].style.flatMap { styles.styles[$0] }?[depth]
                    if let override = r.attribute("start-value").flatMap({ Int($0) }) {
                        lists[depth - 1].counter = override - 1
                    }
                    if lists[depth - 1].counter == 0, let start = style?.start { lists[depth - 1].counter = start - 1 }
                    lists[depth - 1].counter += 1
                    var marker = "•"
                    if let style, !style.bullet {
                        marker = style.prefix + ListNumber.format(lists[depth - 1].counter, style.format) + style.suffix
                    }
                    pendingItem = (depth - 1, marker)
                case "p", "h":
                    paragraphDepth += 1
                    number = nil
                    if noteDepth > 0 { if r.isEmpty { paragraphDepth -= 1 }; continue }
                    if name == "h" {
                        let level = r.attribute("outline-level").flatMap { Int($0) } ?? 1
                        out.open(.heading(level: min(max(level, 1), 9)))
                        pendingItem = nil
                    } else if let item = pendingItem {
                        out.open(.listItem(level: item.level), marker: item.marker)
                        pendingItem = nil
                    } else {
                        out.open(.paragraph)
                    }
                    if r.isEmpty { paragraphDepth -= 1; out.close() }
                case "number":
                    // The number a word processor drew, cached in the file: the marker.
                    number = try elementText(r)
                case "s":
                    let count = r.attribute("c").flatMap { Int($0) } ?? 1
                    if count > 0 { space(&out, &notes, noteDepth) }
                case "tab", "line-break":
                    space(&out, &notes, noteDepth)
                case "table-row":
                    if noteDepth == 0 { out.beginRow() }
                case "table-cell":
                    if noteDepth == 0 { out.cell() }
                default: break
                }
            case .end:
                guard inBody else { styles.read(r, style: &parsingStyles); continue }
                switch r.name {
                case "note": noteDepth = max(noteDepth - 1, 0)
                case "list":
                    if let last = lists.popLast(), lists.isEmpty { previousTopList = [last] }
                case "p", "h":
                    paragraphDepth = max(paragraphDepth - 1, 0)
                    if noteDepth > 0 {
                        notes[notes.count - 1].append(0x20)
                        continue
                    }
                    // A list item's drawn number is its marker; a heading's is part of its text.
                    let drawn = number.flatMap { $0.isEmpty ? nil : $0 }
                    if r.name == "h" { out.close(prefix: drawn) } else { out.close(marker: drawn) }
                    number = nil
                case "table-row": if noteDepth == 0 { out.endRow() }
                default: break
                }
            case .text:
                guard inBody, paragraphDepth > 0 else { continue }
                if noteDepth > 0 {
                    r.withText { notes[notes.count - 1].appendUTF8($0) }
                } else {
                    r.withText { out.text(utf8: $0) }
                }
            case .other:
                break
            }
        }
        out.closeAll()
        for var note in notes {
            let text = note.trimmed()
            if !text.isEmpty {
                out.open(.paragraph)
                out.text(utf16: text)
                out.close()
            }
        }
    }

    private func space(_ out: inout TextBuilder, _ notes: inout [TextBuilder.Content], _ noteDepth: Int) {
        if noteDepth > 0 { notes[notes.count - 1].append(0x20) } else { out.space() }
    }

    /// The text inside the current element (consumed).
    private func elementText(_ r: XMLPullReader) throws -> String {
        guard !r.isEmpty else { return "" }
        let target = r.depth
        var s = ""
        while try r.next() {
            if r.node == .text { s += r.text }
            if r.node == .end && r.depth == target { break }
        }
        return s.trimmingCharacters(in: .whitespaces)
    }
}
