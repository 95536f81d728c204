import CLibXML2
import Foundation

/// Reads an HTML page with libxml2's HTML parser (no network, no entity
/// loading, errors collected rather than printed): headings h1–h6,
/// paragraphs, list items with their bullet or number, table rows. Page
/// furniture is left out by element, ARIA role and class words first
/// (`html-furniture.tsv`), then by text: boilerplate lines
/// (`furniture.tsv`, shared with the plain-text layout) and short paragraphs repeated on the page become
/// furniture blocks. The tree is walked iteratively, so nesting depth never
/// touches the stack; libxml2 stops at 256 levels, which is an error.
struct HTMLReader {
    let source: String
    let vocabulary: IngestVocabulary

    func read(_ bytes: [UInt8]) throws -> Extracted {
        _ = LibXML.ready
        var input = try HTMLCharset.utf8Input(bytes, source: source)
        if let cut = HTMLReader.internalSubset(input.bytes) {
            // HTML has no DTDs; libxml2 would read the subset's text as page text.
            input.bytes.removeSubrange(cut)
            input.warnings.append("a DOCTYPE with entity declarations was ignored (entities are never expanded)")
        }
        guard let ctxt = htmlNewParserCtxt() else {
            throw MalkollError.internal("cannot create libxml2's HTML parser")
        }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let doc: htmlDocPtr? = input.bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buf.count, 1)) { p in
                htmlCtxtReadMemory(ctxt, p, Int32(clamping: buf.count), nil, "UTF-8", options)
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        if let message = ctxt.pointee.lastError.message, String(cString: message).contains("Excessive depth") {
            throw MalkollError.unreadable(path: source, reason: "HTML nests deeper than \(LibXML.maxDepth) levels")
        }
        var walker = HTMLWalker(vocabulary: vocabulary)
        var title: String?
        if let doc {
            title = HTMLWalker.title(of: doc)
            walker.walk(doc)
        }
        var extracted = Extracted(walker.out.finish(), title: title, encoding: input.encoding, warnings: input.warnings)
        markBoilerplate(&extracted)
        return extracted
    }

    /// The range of a `<!DOCTYPE ... [ ... ]>` with an internal subset at the start.
    static func internalSubset(_ b: [UInt8]) -> Range<Int>? {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        guard b.count - i > 9, b[i] == 0x3C, b[i + 1] == 0x21, b[(i + 2)..<(i + 9)].map({ $0 | 0x20 }) == Array("doctype".utf8) else { return nil }
        var j = i + 9
        while j < b.count, b[j] != 0x3E, b[j] != 0x5B { j += 1 }
        guard j < b.count, b[j] == 0x5B else { return nil }
        while j + 1 < b.count, !(b[j] == 0x5D && b[j + 1] == 0x3E) { j += 1 }
        return i..<min(j + 2, b.count)
    }

    /// Boilerplate by text: listed lines, and short paragraphs that recur.
    private func markBoilerplate(_ e: inout Extracted) {
        var counts: [String: Int] = [:]
        var keys: [String?] = []
        for b in e.blocks {
            guard case .paragraph = b.kind else { keys.append(nil); continue }
            let text = String(decoding: e.utf16[b.range], as: UTF16.self)
            let key = IngestVocabulary.key(text)
            keys.append(key)
            if key.split(separator: " ").count <= 6 { counts[key, default: 0] += 1 }
        }
        for i in e.blocks.indices {
            switch e.blocks[i].kind {
            case .paragraph, .heading:
                let range = e.blocks[i].range
                let phrase = e.utf16.withUnsafeBufferPointer { vocabulary.boilerplate.matches($0, range.lowerBound, range.upperBound) }
                if phrase || (keys[i].map { (counts[$0] ?? 0) >= 3 } ?? false) {
                    e.blocks[i].kind = .furniture
                    e.blocks[i].marker = nil
                }
            default: break
            }
        }
    }
}

/// The character set of an HTML page: a byte-order mark, else the declared
/// charset (meta charset, http-equiv, XML prolog), else UTF-8 when the bytes
/// are valid UTF-8 and Windows-1252 otherwise. The common Western sets are
/// decoded here; others are handed to libxml2's iconv.
enum HTMLCharset {
    struct Input {
        var bytes: [UInt8]
        var encoding: String
        var warnings: [String] = []
    }

    static let westernNames: Set<String> = ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
                                            "us-ascii", "ascii", "iso_8859-1", "x-cp1252"]

    static func utf8Input(_ bytes: [UInt8], source: String) throws -> Input {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let decoded = try decodeText(bytes, source: source)
            return Input(bytes: Array(decoded.text.utf8), encoding: decoded.encoding, warnings: decoded.warnings)
        }
        let declared = declaredCharset(bytes)
        if declared == nil || declared == "utf-8" || declared == "utf8" || westernNames.contains(declared!) {
            let decoded = try decodeText(bytes, source: source)
            var warnings: [String] = []
            if decoded.encoding == "windows-1252" {
                warnings.append(declared == nil || declared!.hasPrefix("utf")
                    ? "not valid UTF-8\(declared == nil ? "" : " though declared so"); read as Windows-1252"
                    : "read as Windows-1252 (declared \(declared!))")
            }
            return Input(bytes: decoded.encoding == "utf-8" ? bytes : Array(decoded.text.utf8),
                         encoding: decoded.encoding, warnings: warnings)
        }
        return Input(bytes: try convert(bytes, from: declared!, source: source), encoding: declared!)
    }

    private static func decodeText(_ bytes: [UInt8], source: String) throws -> TextDecoding.Decoded {
        do {
            return try TextDecoding.decode(bytes)
        } catch let TextDecoding.Failure.notText(reason) {
            throw MalkollError.unreadable(path: source, reason: reason)
        }
    }

    /// Another declared charset, through libxml2's encoding handlers (iconv).
    private static func convert(_ bytes: [UInt8], from name: String, source: String) throws -> [UInt8] {
        guard let handler = xmlFindCharEncodingHandler(name) else {
            throw MalkollError.unreadable(path: source, reason: "unsupported character set \"\(name)\"")
        }
        defer { xmlCharEncCloseFunc(handler) }
        guard let input = xmlBufferCreateStatic(UnsafeMutableRawPointer(mutating: bytes), bytes.count),
              let output = xmlBufferCreate() else {
            throw MalkollError.internal("cannot allocate a conversion buffer")
        }
        defer { xmlBufferFree(input); xmlBufferFree(output) }
        let rc = xmlCharEncInFunc(handler, output, input)
        if rc < 0 {
            throw MalkollError.unreadable(path: source, reason: "bytes that are not \(name) as declared")
        }
        guard let content = xmlBufferContent(output) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(output))))
    }

    /// The charset the page declares in its first 2 KB, lower-cased.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let needles = [Array("charset=".utf8), Array("encoding=".utf8)]
        for needle in needles {
            var i = 0
            while i + needle.count < head.count {
                if head[i] == needle[0] && Array(head[i..<(i + needle.count)]) == needle {
                    var j = i + needle.count
                    while j < head.count && (head[j] == 0x22 || head[j] == 0x27 || head[j] == 0x20) { j += 1 }
                    var name: [UInt8] = []
                    while j < head.count, name.count < 40,
                          (head[j] >= 0x61 && head[j] <= 0x7A) || (head[j] >= 0x30 && head[j] <= 0x39) || head[j] == 0x2D || head[j] == 0x5F || head[j] == 0x3A || head[j] == 0x2E {
                        name.append(head[j])
                        j += 1
                    }
                    if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
                }
                i += 1
            }
        }
        return nil
    }
}

/// Walks libxml2's HTML tree without recursion into a TextBuilder.
struct HTMLWalker {
    let vocabulary: IngestVocabulary
    var out = TextBuilder()

    private struct List {
        var ordered: Bool
        var next: Int
        var type: String
    }

    /// What to do when leaving an element that was entered.
    private enum Exit {
        case none, space, close, closeAnonymous, endRow, endNestedRow, endList, leaveMain
    }

    private var lists: [List] = []
    private var mainDepth = 0
    /// The blocks this walker has open (outside table rows, parallel to the
    /// builder's): their kind, and whether loose text opened them.
    private var open: [(kind: Block.Kind, anonymous: Bool)] = []

    init(vocabulary: IngestVocabulary) {
        self.vocabulary = vocabulary
    }

    static func title(of doc: htmlDocPtr) -> String? {
        // html > head > title, searched a few levels only.
        var queue: [xmlNodePtr] = []
        var n = doc.pointee.children
        while let c = n { queue.append(c); n = c.pointee.next }
        var seen = 0
        while !queue.isEmpty && seen < 200 {
            let node = queue.removeFirst()
            seen += 1
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let tag = name(node)
            if tag == "title" {
                let title = IngestVocabulary.key(textContent(node.pointee.children)).isEmpty ? nil
                    : textContent(node.pointee.children).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                return title
            }
            if tag == "html" || tag == "head" {
                var c = node.pointee.children
                while let k = c { queue.append(k); c = k.pointee.next }
            }
        }
        return nil
    }

    /// The text of a list of sibling text nodes (a title, an attribute value).
    static func textContent(_ first: xmlNodePtr?) -> String {
        var value = ""
        var c = first
        while let t = c {
            if let content = t.pointee.content { value += String(cString: content) }
            c = t.pointee.next
        }
        return value
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    static func attribute(_ node: xmlNodePtr, _ wanted: String) -> String? {
        var a = node.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, String(cString: n).lowercased() == wanted {
                return textContent(attr.pointee.children)
            }
            a = attr.pointee.next
        }
        return nil
    }

    mutating func walk(_ doc: htmlDocPtr) {
        let top = UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        var node: xmlNodePtr? = doc.pointee.children
        var exits: [Exit] = []
        while let n = node {
            let (descend, exit) = enter(n)
            if descend, let child = n.pointee.children {
                exits.append(exit)
                node = child
                continue
            }
            leave(exit)
            var current: xmlNodePtr? = n
            while let c = current, c.pointee.next == nil {
                current = c.pointee.parent
                if current == nil || current == top { current = nil; break }
                leave(exits.popLast() ?? .none)
            }
            node = current?.pointee.next
        }
        while let e = exits.popLast() { leave(e) }
        out.closeAll()
    }

    private mutating func enter(_ node: xmlNodePtr) -> (Bool, Exit) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                if !out.inRow && open.isEmpty {
                    var blank = true
                    var p = content
                    while p.pointee != 0 { if p.pointee > 0x20 { blank = false; break }; p += 1 }
                    if blank { return (false, .none) }
                    out.open(.paragraph)
                    open.append((.paragraph, true))
                }
                out.text(utf8: UnsafeBufferPointer(start: content, count: strlen(content)))
            }
            return (false, .none)
        case XML_ELEMENT_NODE:
            break
        default:
            return (false, .none)
        }
        let tag = HTMLWalker.name(node)
        if isFurniture(node, tag) { return (false, .none) }
        switch tag {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            if out.inRow { out.space(); return (true, .space) }
            closeAnonymous()
            push(.heading(level: Int(String(tag.last!))!), marker: nil)
            return (true, .close)
        case "p", "dt", "dd", "caption", "figcaption", "summary", "legend", "address":
            if out.inRow { out.space(); return (true, .space) }
            closeAnonymous()
            if let top = open.last, !top.anonymous, out.openContent.isEmpty { return (true, .none) }
            push(.paragraph, marker: nil)
            return (true, .close)
        case "li":
            if out.inRow { out.space(); return (true, .space) }
            closeAnonymous()
            var marker = "•"
            var level = 0
            if !lists.isEmpty {
                level = lists.count - 1
                if let v = HTMLWalker.attribute(node, "value").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                    lists[lists.count - 1].next = v
                }
                let l = lists[lists.count - 1]
                if l.ordered {
                    marker = ListNumber.format(l.next, l.type) + "."
                    lists[lists.count - 1].next += 1
                }
            }
            push(.listItem(level: level), marker: marker)
            return (true, .close)
        case "ul", "ol", "menu", "dir":
            closeAnonymous()
            let start = HTMLWalker.attribute(node, "start").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1
            lists.append(List(ordered: tag == "ol", next: start, type: HTMLWalker.attribute(node, "type") ?? "1"))
            return (true, .endList)
        case "tr":
            if out.inRow { out.beginRow(); return (true, .endNestedRow) }
            closeAnonymous()
            out.beginRow()
            open.append((.tableRow, false))
            return (true, .endRow)
        case "td", "th":
            out.cell()
            return (true, .none)
        case "br":
            if out.inRow { out.space(); return (false, .none) }
            guard let top = open.last else { return (false, .none) }
            switch top.kind {
            case .listItem, .heading: out.space()
            default:
                out.close()
                out.open(.paragraph)
            }
            return (false, .none)
        case "main", "article":
            closeAnonymous()
            mainDepth += 1
            return (true, .leaveMain)
        case "div", "section", "table", "tbody", "thead", "tfoot", "blockquote", "figure", "hr", "pre", "center",
             "details", "fieldset", "body", "html", "dl":
            if out.inRow { out.space(); return (true, .space) }
            closeAnonymous()
            return (true, .closeAnonymous)
        case "img":
            return (false, .none)
        default:
            return (true, .none)
        }
    }

    private mutating func leave(_ exit: Exit) {
        switch exit {
        case .none: break
        case .space: out.space()
        case .close:
            closeAnonymous()
            out.close()
            if !open.isEmpty { open.removeLast() }
        case .closeAnonymous: closeAnonymous()
        case .endRow:
            out.endRow()
            if !open.isEmpty { open.removeLast() }
        case .endNestedRow: out.endRow()
        case .endList:
            closeAnonymous()
            if !lists.isEmpty { lists.removeLast() }
        case .leaveMain:
            closeAnonymous()
            mainDepth -= 1
        }
    }

    private mutating func push(_ kind: Block.Kind, marker: String?) {
        out.open(kind, marker: marker)
        open.append((kind, false))
    }

    /// Loose text (outside p, li, ...) is an anonymous paragraph, closed at
    /// the next block boundary.
    private mutating func closeAnonymous() {
        if !out.inRow, let top = open.last, top.anonymous {
            out.close()
            open.removeLast()
        }
    }

    /// Furniture by element, role, class or id words, and hidden elements.
    private func isFurniture(_ node: xmlNodePtr, _ tag: String) -> Bool {
        if vocabulary.furnitureElements.contains(tag) {
            if (tag == "header" || tag == "footer") && mainDepth > 0 { return false }
            return true
        }
        var a = node.pointee.properties
        while let attr = a {
            defer { a = attr.pointee.next }
            guard let n = attr.pointee.name else { continue }
            let name = String(cString: n).lowercased()
            guard ["role", "class", "id", "hidden", "aria-hidden", "style"].contains(name) else { continue }
            let value = HTMLWalker.textContent(attr.pointee.children).lowercased()
            switch name {
            case "hidden": return true
            case "aria-hidden": if value == "true" { return true }
            case "role": if vocabulary.furnitureRoles.contains(value.trimmingCharacters(in: .whitespaces)) { return true }
            case "style":
                let compact = value.replacingOccurrences(of: " ", with: "")
                if compact.contains("display:none") || compact.contains("visibility:hidden") { return true }
            default:
                if vocabulary.furnitureClassWords.contains(where: { value.contains($0) }) { return true }
            }
        }
        return false
    }
}
