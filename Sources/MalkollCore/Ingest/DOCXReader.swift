/// Reads a Word document (DOCX, WordprocessingML): paragraphs with their
/// heading level (a "Heading N" / "Rubrik N" style or an outline level,
/// through the style's basedOn chain), list items with the marker Word
/// would draw (from numbering.xml), table rows, footnotes and endnotes
/// after the body, kept apart from the sentences that cite them. Tracked
/// deletions, moved-from text, field codes, hidden runs and the fallback
/// copy of drawings are left out; running headers and footers are never
/// read.
struct DOCXReader {
    let source: String
    let limits: ReadLimits

    func read(_ bytes: [UInt8]) throws -> Extracted {
        var zip = try ZipContainer(bytes: bytes, source: source, kind: "DOCX", limits: limits)
        let mainPath = try mainDocumentPath(&zip)
        let folder = mainPath.split(separator: "/").dropLast().joined(separator: "/")
        let rels = try relationships(&zip, of: mainPath)
        func part(_ type: String, _ fallback: String) -> String {
            if let t = rels[type] { return t.hasPrefix("/") ? String(t.dropFirst()) : (folder.isEmpty ? t : folder + "/" + t) }
            return fallback
        }
        guard let main = try zip.read(mainPath) else {
            throw MalkollError.unreadable(path: source, reason: "DOCX without its main part (\(mainPath))")
        }
        let styles = try zip.read(part("styles", "word/styles.xml")).map { try WordStyles(parse: $0, source: source, part: "styles.xml") } ?? WordStyles()
        var numbering = try zip.read(part("numbering", "word/numbering.xml")).map { try WordNumbering(parse: $0, source: source) } ?? WordNumbering()

        var out = TextBuilder(reserve: main.count / 4)
        let walker = WordBodyWalker(styles: styles, source: source)
        try walker.walk(main, part: mainPath, into: &out, numbering: &numbering)
        for (type, file) in [("footnotes", "word/footnotes.xml"), ("endnotes", "word/endnotes.xml")] {
            if let notes = try zip.read(part(type, file)) {
                try walker.walk(notes, part: file, into: &out, numbering: &numbering)
            }
        }
        let title = try zip.read("docProps/core.xml").flatMap {
            try XMLPullReader.firstText(of: "title", in: $0, source: source, part: "docProps/core.xml")
        }
        return Extracted(out.finish(), title: title)
    }

    /// The main part named by the package relationships (word/document.xml
    /// nearly always).
    private func mainDocumentPath(_ zip: inout ZipContainer) throws -> String {
        guard let rels = try zip.read("_rels/.rels") else { return "word/document.xml" }
        let r = try XMLPullReader(rels, source: source, part: "_rels/.rels")
        while try r.next() {
            if r.node == .start, r.name == "Relationship", let type = r.attribute("Type"), type.hasSuffix("/officeDocument"),
               let target = r.attribute("Target") {
                let path = target.hasPrefix("/") ? String(target.dropFirst()) : target
                if zip.has(path) { return path }
            }
        }
        return "word/document.xml"
    }

    /// Relationship type (last path component: "styles") → target of a part.
    private func relationships(_ zip: inout ZipContainer, of part: String) throws -> [String: String] {
        var components = part.split(separator: "/").map(String.init)
        let file = components.popLast() ?? part
        let relsPath = (components + ["_rels", file + ".rels"]).joined(separator: "/")
        guard let bytes = try zip.read(relsPath) else { return [:] }
        let r = try XMLPullReader(bytes, source: source, part: relsPath)
        var out: [String: String] = [:]
        while try r.next() {
            if r.node == .start, r.name == "Relationship", let type = r.attribute("Type"), let target = r.attribute("Target"),
               r.attribute("TargetMode") != "External" {
                let key = String(type.split(separator: "/").last ?? "")
                if out[key] == nil { out[key] = target }
            }
        }
        return out
    }
}

/// Paragraph styles of styles.xml, with what a paragraph needs from them:
/// heading level, list numbering, table-of-contents furniture.
struct WordStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numId: String?
        var ilvl: Int?
    }

    private(set) var styles: [String: Style] = [:]

    init() {}

    init(parse bytes: [UInt8], source: String, part: String) throws {
        let r = try XMLPullReader(bytes, source: source, part: part)
        var id: String?
        var current = Style()
        var isParagraph = false
        while try r.next() {
            if r.node == .start {
                switch r.name {
                case "style":
                    isParagraph = (r.attribute("type") ?? "paragraph") == "paragraph"
                    id = r.attribute("styleId")
                    current = Style()
                case "name" where isParagraph: current.name = r.attribute("val") ?? ""
                case "basedOn" where isParagraph: current.basedOn = r.attribute("val")
                case "outlineLvl" where isParagraph: current.outlineLevel = r.attribute("val").flatMap { Int($0) }
                case "numId" where isParagraph: current.numId = r.attribute("val")
                case "ilvl" where isParagraph: current.ilvl = r.attribute("val").flatMap { Int($0) }
                case "rPr", "tblPr", "trPr", "tcPr", "tblStylePr", "pPrChange", "rPrChange": try r.skipElement()
                default: break
                }
            } else if r.node == .end, r.name == "style" {
                if isParagraph, let id { styles[id] = current }
                id = nil
            }
        }
    }

    /// Follows basedOn (at most 20 steps: a cycle must not hang us).
    private func chain(_ id: String) -> [(String, Style)] {
        var out: [(String, Style)] = []
        var next: String? = id
        while let n = next, let s = styles[n], out.count < 20 {
            out.append((n, s))
            next = s.basedOn
        }
        return out
    }

    /// The heading level of a style: "heading N" by name or id (Word stores
    /// built-in names in English and ids in the user's language: "Rubrik1"),
    /// the title style as level 1, or an outline level 0–8.
    func headingLevel(_ id: String) -> Int? {
        for (sid, s) in chain(id) {
            if let n = WordStyles.numberedHeading(s.name) ?? WordStyles.numberedHeading(sid) { return n }
            let name = s.name.lowercased()
            if name == "title" || sid == "Title" || sid == "Rubrik" { return 1 }
            if let o = s.outlineLevel { return o <= 8 ? o + 1 : nil }
        }
        return nil
    }

    /// A table-of-contents entry style ("toc 1", id "TOC1" or Swedish "Innehll1").
    func isTableOfContents(_ id: String) -> Bool {
        guard let (sid, s) = chain(id).first else { return false }
        let name = s.name.lowercased()
        return name.hasPrefix("toc ") || name == "toc heading" || sid.hasPrefix("TOC") || sid.hasPrefix("Innehll")
    }

    func numbering(_ id: String) -> (numId: String, ilvl: Int)? {
        for (_, s) in chain(id) {
            if let n = s.numId { return (n, s.ilvl ?? 0) }
        }
        return nil
    }

    /// "heading 2" / "Heading2" / "Rubrik 3" / "Rubrik3" → the number.
    static func numberedHeading(_ s: String) -> Int? {
        let lower = s.lowercased()
        for prefix in ["heading", "rubrik", "überschrift", "overskrift", "otsikko"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if let n = Int(rest), (1...9).contains(n) { return n }
        }
        return nil
    }
}

/// numbering.xml: what marker a numbered paragraph shows, with the
/// counters Word keeps per abstract list.
struct WordNumbering {
    struct Level {
        var format = "bullet"
        var text = ""
        var start = 1
    }

    private var abstract: [String: [Int: Level]] = [:]
    /// numId → (abstractNumId, start overrides per level)
    private var nums: [String: (abstract: String, starts: [Int: Int])] = [:]
    private var counters: [String: [Int]] = [:]
    private var started: Set<String> = []

    init() {}

    init(parse bytes: [UInt8], source: String) throws {
        let r = try XMLPullReader(bytes, source: source, part: "numbering.xml")
        var abstractId: String?
        var numId: String?
        var level = -1
        var overrideLevel = -1
        while try r.next() {
            guard r.node == .start else {
                if r.node == .end {
                    switch r.name {
                    case "abstractNum": abstractId = nil
                    case "num": numId = nil
                    case "lvl": level = -1
                    case "lvlOverride": overrideLevel = -1
                    default: break
                    }
                }
                continue
            }
            switch r.name {
            case "abstractNum":
                abstractId = r.attribute("abstractNumId")
                if let a = abstractId, abstract[a] == nil { abstract[a] = [:] }
            case "lvl" where abstractId != nil:
                level = r.attribute("ilvl").flatMap { Int($0) } ?? 0
                abstract[abstractId!]![level] = Level()
            case "numFmt" where abstractId != nil && level >= 0:
                abstract[abstractId!]![level]!.format = r.attribute("val") ?? "decimal"
            case "lvlText" where abstractId != nil && level >= 0:
                abstract[abstractId!]![level]!.text = r.attribute("val") ?? ""
            case "start" where abstractId != nil && level >= 0:
                abstract[abstractId!]![level]!.start = r.attribute("val").flatMap { Int($0) } ?? 1
            case "num":
                numId = r.attribute("numId")
            case "abstractNumId" where numId != nil:
                nums[numId!] = (r.attribute("val") ?? "", nums[numId!]?.starts ?? [:])
            case "lvlOverride" where numId != nil:
                overrideLevel = r.attribute("ilvl").flatMap { Int($0) } ?? 0
            case "startOverride" where numId != nil && overrideLevel >= 0:
                if let v = r.attribute("val").flatMap({ Int($0) }) {
                    let a = nums[numId!]?.abstract ?? ""
                    var s = nums[numId!]?.starts ?? [:]
                    s[overrideLevel] = v
                    nums[numId!] = (a, s)
                }
            case "rPr", "pPr": try r.skipElement()
            default: break
            }
        }
    }

    /// The marker of the next paragraph numbered (numId, ilvl), advancing
    /// the counters; nil for "no list" (numId 0 or unknown).
    mutating func marker(numId: String, ilvl: Int) -> String? {
        guard numId != "0", let num = nums[numId], let levels = abstract[num.abstract] else { return nil }
        let lvl = min(max(ilvl, 0), 8)
        let level = levels[lvl] ?? Level()
        var c = counters[num.abstract] ?? Array(repeating: 0, count: 9)
        if !started.contains(numId) {
            started.insert(numId)
            for (l, v) in num.starts where l < 9 { c[l] = v - 1 }
        }
        c[lvl] = (c[lvl] == 0 && num.starts[lvl] == nil) ? level.start : c[lvl] + 1
        for deeper in (lvl + 1)..<9 { c[deeper] = 0 }
        counters[num.abstract] = c
        if level.format == "bullet" { return "•" }
        if level.format == "none" { return "" }
        var text = level.text.isEmpty ? "%\(lvl + 1)." : level.text
        for l in 0...lvl {
            let fmt = levels[l]?.format ?? "decimal"
            let value = c[l] == 0 ? (levels[l]?.start ?? 1) : c[l]
            text = text.replacingOccurrences(of: "%\(l + 1)", with: ListNumber.format(value, fmt))
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

/// Formats a list counter the way word processors do.
enum ListNumber {
    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter", "a": return letters(n, upper: false)
        case "upperLetter", "A": return letters(n, upper: true)
        case "lowerRoman", "i": return roman(n).lowercased()
        case "upperRoman", "I": return roman(n)
        case "decimalZero": return n < 10 ? "0\(n)" : "\(n)"
        default: return "\(n)"
        }
    }

    static func letters(_ n: Int, upper: Bool) -> String {
        guard n > 0 else { return "\(n)" }
        let base = upper ? 65 : 97
        let ch = Character(UnicodeScalar(UInt8(base + (n - 1) % 26)))
        return String(repeating: ch, count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0 && n < 4000 else { return "\(n)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (v, s) in table { while rest >= v { out += s; rest -= v } }
        return out
    }
}

/// Walks the body (or the footnotes) of a WordprocessingML part into blocks.
struct WordBodyWalker {
    let styles: WordStyles
    let source: String

    /// What the paragraph being read said about itself in its w:pPr.
    private struct Paragraph {
        var style: String?
        var numId: String?
        var ilvl: Int?
        var outlineLevel: Int?
    }

    static let mainNS: Set<String> = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                      "http://purl.oclc.org/ooxml/wordprocessingml/main"]
    /// Elements whose whole subtree is never text of the document.
    static let skipped: Set<String> = ["del", "moveFrom", "instrText", "delInstrText", "rPr", "sectPr", "pPrChange",
                                       "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "commentRangeStart",
                                       "footnotePr", "endnotePr", "tblPrEx", "customXmlPr", "smartTagPr"]

    func walk(_ bytes: [UInt8], part: String, into out: inout TextBuilder, numbering: inout WordNumbering) throws {
        let r = try XMLPullReader(bytes, source: source, part: part)
        var paragraphs: [Paragraph] = []
        var inPPr = 0
        var hiddenRun = false
        var tableDepth = 0
        while try r.next() {
            switch r.node {
            case .start:
                let name = r.name
                guard WordBodyWalker.mainNS.contains(r.namespace) else {
                    if name == "Fallback" { try r.skipElement() }
                    continue
                }
                if WordBodyWalker.skipped.contains(name) {
                    if name == "rPr" { hiddenRun = try runIsHidden(r) } else { try r.skipElement() }
                    continue
                }
                switch name {
                case "footnote", "endnote":
                    // Separator "notes" draw the line above the notes.
                    if (r.attribute("type") ?? "normal") != "normal" { try r.skipElement() }
                case "p":
                    paragraphs.append(Paragraph())
                    out.open(.paragraph)
                    if r.isEmpty { try finishParagraph(&paragraphs, &out, &numbering) }
                case "pPr": if !r.isEmpty { inPPr += 1 }
                case "pStyle" where inPPr > 0: paragraphs.indices.last.map { paragraphs[$0].style = r.attribute("val") }
                case "ilvl" where inPPr > 0: paragraphs.indices.last.map { paragraphs[$0].ilvl = r.attribute("val").flatMap { Int($0) } }
                case "numId" where inPPr > 0: paragraphs.indices.last.map { paragraphs[$0].numId = r.attribute("val") }
                case "outlineLvl" where inPPr > 0: paragraphs.indices.last.map { paragraphs[$0].outlineLevel = r.attribute("val").flatMap { Int($0) } }
                case "r": hiddenRun = false
                case "t": if !hiddenRun { try readText(r, &out) }
                case "tab", "ptab": if inPPr == 0 { out.space() }
                case "br", "cr": out.space()
                case "noBreakHyphen": if !hiddenRun { out.text("-") }
                case "sym":
                    if !hiddenRun, let code = r.attribute("char"), let v = UInt16(code, radix: 16) {
                        out.text(utf16: [TextBuilder.normalisedBullet(v)])
                    }
                case "tbl": tableDepth += 1
                case "tr": out.beginRow()
                case "tc": if tableDepth > 0 { out.cell() }
                default: break
                }
            case .end:
                guard WordBodyWalker.mainNS.contains(r.namespace) else { continue }
                switch r.name {
                case "p": try finishParagraph(&paragraphs, &out, &numbering)
                case "pPr": inPPr = max(inPPr - 1, 0)
                case "tr": out.endRow()
                case "tbl": tableDepth = max(tableDepth - 1, 0)
                case "r": hiddenRun = false
                default: break
                }
            case .text, .other:
                break
            }
        }
        out.closeAll()
    }

    private func readText(_ r: XMLPullReader, _ out: inout TextBuilder) throws {
        guard !r.isEmpty else { return }
        while try r.next() {
            switch r.node {
            case .text: r.withText { out.text(utf8: $0) }
            case .end: return
            default: break
            }
        }
    }

    /// Reads a run's w:rPr and says whether it hides the run (w:vanish).
    private func runIsHidden(_ r: XMLPullReader) throws -> Bool {
        guard !r.isEmpty else { return false }
        let target = r.depth
        var hidden = false
        while try r.next() {
            if r.node == .start && r.depth == target + 1 && r.name == "vanish" {
                let v = r.attribute("val") ?? "true"
                hidden = !(v == "0" || v == "false" || v == "off")
            }
            if r.node == .end && r.depth == target { break }
        }
        return hidden
    }

    private func finishParagraph(_ paragraphs: inout [Paragraph], _ out: inout TextBuilder, _ numbering: inout WordNumbering) throws {
        guard let p = paragraphs.popLast() else { return }
        var kind: Block.Kind = .paragraph
        var marker: String?
        var number: String?
        let styleId = p.style ?? "Normal"
        if styles.isTableOfContents(styleId) {
            kind = .furniture
        } else if let o = p.outlineLevel, o <= 8 {
            kind = .heading(level: o + 1)
        } else if p.outlineLevel == nil, let level = styles.headingLevel(styleId) {
            kind = .heading(level: level)
        }
        let explicit = p.numId.map { ($0, p.ilvl ?? 0) }
        if let (numId, ilvl) = explicit ?? styles.numbering(styleId).map({ ($0.numId, p.ilvl ?? $0.ilvl) }),
           !out.inRow, !out.openContent.isEmpty,
           let m = numbering.marker(numId: numId, ilvl: ilvl) {
            if case .heading = kind {
                number = m
            } else {
                kind = .listItem(level: ilvl)
                marker = m.isEmpty ? nil : m
            }
        }
        out.close(as: kind, marker: marker, prefix: number)
    }
}
