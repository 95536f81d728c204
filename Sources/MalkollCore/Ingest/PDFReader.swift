import Foundation

/// Reads a PDF through its text layer and recovers the layout a reader
/// sees: running headers, footers and page numbers are recognised by
/// repetition across pages (and page-number patterns) and left out; lines
/// are rejoined into paragraphs (a line-end hyphen removed only where the
/// halves make one word); bullets and numbers at a line start make list
/// items, their level from the indentation; lines set larger than the body
/// text make headings, their level from the size. A PDF without a text
/// layer (a scan) is an error that says so.
struct PDFReader {
    let source: String
    let limits: ReadLimits
    let vocabulary: IngestVocabulary

    func read(_ bytes: [UInt8]) throws -> Extracted {
        let layer = try PDFTextLayer.extract(bytes, source: source, limits: limits)
        if layer.pages.isEmpty {
            throw MalkollError.unreadable(path: source, reason: "damaged or not a PDF (no pages)")
        }
        if layer.pages.allSatisfy({ $0.lines.isEmpty }) {
            throw MalkollError.unreadable(path: source, reason: "no text layer; OCR it first")
        }
        var layout = PDFLayout(layer: layer, joiner: HyphenJoiner(coordinators: vocabulary.hyphenCoordinators), pages: vocabulary.boilerplate)
        return Extracted(layout.build())
    }
}

/// Turns a PDF's lines into blocks.
struct PDFLayout {
    /// One visual line, its measures computed once.
    struct VLine {
        var page: Int
        var block: Int
        var text: String
        var x0: Double, x1: Double, y0: Double, y1: Double
        var height: Double
        var words: [String]
    }

    private var lines: [VLine] = []
    private let pageCount: Int
    private let pageHeights: [Double]
    private var joiner: HyphenJoiner
    /// Page numbers ("Sida 4 av 20") are told by the furniture cues.
    private let pages: FurnitureCues
    /// The body text's line height (the most common, weighted by characters).
    private(set) var bodyHeight: Double = 10

    init(layer: PDFTextLayer, joiner: HyphenJoiner, pages: FurnitureCues) {
        self.joiner = joiner
        self.pages = pages
        pageCount = layer.pages.count
        pageHeights = layer.pages.map(\.height)
        for page in layer.pages {
            for line in PDFLayout.mergeSameBaseline(PDFLayout.attachMarkers(page.lines)) {
                let ws = line.words
                lines.append(VLine(page: line.page, block: line.block, text: ws.map(\.text).joined(separator: " "),
                                   x0: ws.first!.x0, x1: ws.map(\.x1).max()!, y0: ws.map(\.y0).min()!, y1: ws.map(\.y1).max()!,
                                   height: ws.map { $0.y1 - $0.y0 }.max()!, words: ws.map(\.text)))
            }
        }
        bodyHeight = PDFLayout.commonHeight(lines)
        self.joiner.learn(lines.flatMap(\.words))
    }

    /// poppler puts a bullet and its text on separate lines of one
    /// baseline: they are one line to a reader.
    static func mergeSameBaseline(_ lines: [PDFTextLayer.Line]) -> [PDFTextLayer.Line] {
        var out: [PDFTextLayer.Line] = []
        for line in lines where !line.words.isEmpty {
            if let last = out.last, abs(last.y0 - line.y0) < 0.4 * max(last.height, 1), line.x0 >= last.x1 - 0.5,
               line.x0 - last.x1 < 6 * max(last.height, 1) {
                out[out.count - 1].words += line.words
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// poppler often reads a column of bullets as a block of its own, away
    /// from the lines they mark: each marker goes back to the line of text
    /// on its baseline, to the right of it.
    static func attachMarkers(_ lines: [PDFTextLayer.Line]) -> [PDFTextLayer.Line] {
        func isMarker(_ w: PDFTextLayer.Word) -> Bool { bulletGlyphs.contains(w.text) || isNumberMarker(w.text) }
        var out = lines
        var markerLines: [Int] = []
        for (i, l) in lines.enumerated() where !l.words.isEmpty && l.words.allSatisfy(isMarker) {
            markerLines.append(i)
        }
        guard !markerLines.isEmpty else { return lines }
        var removed = Set<Int>()
        for i in markerLines {
            var unplaced: [PDFTextLayer.Word] = []
            for w in lines[i].words {
                let h = max(w.y1 - w.y0, 1)
                var best: Int?
                for (j, t) in out.enumerated() where !removed.contains(j) && !markerLines.contains(j) && !t.words.isEmpty {
                    let first = t.words[0]
                    guard abs(first.y0 - w.y0) < 0.4 * h, first.x0 >= w.x1 - 0.5, first.x0 - w.x1 < 8 * h else { continue }
                    if best == nil || first.x0 < out[best!].words[0].x0 { best = j }
                }
                if let b = best { out[b].words.insert(w, at: 0) } else { unplaced.append(w) }
            }
            if unplaced.isEmpty { removed.insert(i) } else { out[i].words = unplaced }
        }
        return out.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    static func commonHeight(_ lines: [VLine]) -> Double {
        var weight: [Int: Int] = [:]
        for l in lines { weight[Int((l.height * 2).rounded()), default: 0] += l.text.count }
        guard let best = weight.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { return 10 }
        return Double(best.key) / 2
    }

    // MARK: furniture

    /// Lines that are running headers, footers or page numbers.
    func furniture() -> Set<Int> {
        var byPage: [Int: [Int]] = [:]
        for (i, l) in lines.enumerated() { byPage[l.page, default: []].append(i) }
        // Candidates: the two top-most and two bottom-most lines of a page.
        var candidates: [Int] = []
        for (_, idx) in byPage {
            let sorted = idx.sorted { lines[$0].y0 < lines[$1].y0 }
            candidates += sorted.prefix(2) + sorted.suffix(2)
        }
        candidates = Array(Set(candidates))
        var pagesWith: [String: Set<Int>] = [:]
        for i in candidates { pagesWith[PDFLayout.shape(lines[i].text), default: []].insert(lines[i].page) }
        let needed = max(2, Int((Double(pageCount) * 0.4).rounded(.up)))
        var out = Set<Int>()
        for i in candidates {
            let l = lines[i]
            let inMargin = l.y0 < pageHeights[l.page] * 0.15 || l.y1 > pageHeights[l.page] * 0.85
            if pages.isPageNumber(l.text) && inMargin { out.insert(i); continue }
            if pageCount >= 2, (pagesWith[PDFLayout.shape(l.text)]?.count ?? 0) >= needed, inMargin { out.insert(i) }
        }
        return out
    }

    /// The text with digits masked: "Sida 3 av 12" and "Sida 4 av 12" repeat.
    static func shape(_ s: String) -> String {
        String(s.lowercased().map { $0.isNumber ? "#" : $0 }).split(separator: " ").joined(separator: " ")
    }


    // MARK: blocks

    private struct Pending {
        var kind: Block.Kind
        var marker: String?
        var text: String
        var lines: Int
        var height: Double
        /// Where a continuation line of a list item starts.
        var textX: Double
        var last: VLine
    }

    mutating func build() -> (utf16: [UInt16], blocks: [Block]) {
        let skip = furniture()
        let bulletLevels = listIndents(skip)
        let headingSizes = Set(lines.filter { $0.height >= bodyHeight * 1.12 }.map { ($0.height * 2).rounded() / 2 }).sorted(by: >)
        var out = TextBuilder()
        var pending: Pending?
        let pitch = typicalPitch(skip)
        var rights = [Double](repeating: 0, count: pageCount)
        for l in lines { rights[l.page] = max(rights[l.page], l.x1) }

        func flush(_ p: Pending?, into out: inout TextBuilder) {
            guard let p else { return }
            var kind = p.kind
            if case .paragraph = kind, p.height >= bodyHeight * 1.12, p.lines <= 3, p.text.split(separator: " ").count <= 25 {
                let level = (headingSizes.firstIndex(of: (p.height * 2).rounded() / 2) ?? 0) + 1
                kind = .heading(level: min(level, 6))
            }
            out.add(kind, p.text, marker: p.marker)
        }

        for (i, l) in lines.enumerated() where !skip.contains(i) {
            // A number before a heading belongs to the heading ("2. Internationalisering").
            let item = l.height >= bodyHeight * 1.12 ? nil : PDFLayout.listItem(l)
            if var p = pending {
                let sameSize = abs(l.height - p.height) <= 0.15 * bodyHeight
                let gap = l.page == p.last.page ? l.y0 - p.last.y0 : pitch
                let newPage = l.page != p.last.page
                let continuesAcrossPage = newPage && !PDFLayout.endsSentence(p.text) && (l.text.first?.isLowercase ?? false)
                var breaks = item != nil || !sameSize
                if !breaks && !newPage {
                    if gap > pitch * 1.35 || gap < 0 { breaks = true }
                    if l.block != p.last.block && gap > pitch * 1.1 { breaks = true }
                    if case .listItem = p.kind, l.x0 < p.textX - 3 { breaks = true }
                    if case .paragraph = p.kind, l.x0 > p.last.x0 + bodyHeight * 1.5, p.lines == 1 { breaks = false }
                    if PDFLayout.endsSentence(p.last.text), p.last.x1 < rights[p.last.page] - bodyHeight * 4 { breaks = true }
                } else if newPage && !continuesAcrossPage {
                    breaks = true
                }
                if !breaks {
                    p.text = joiner.join(p.text, l.text)
                    p.lines += 1
                    p.last = l
                    pending = p
                    continue
                }
                flush(p, into: &out)
                pending = nil
            }
            if let item {
                let level = bulletLevels.firstIndex { abs($0 - l.x0) < 6 } ?? 0
                pending = Pending(kind: .listItem(level: level), marker: item.marker, text: item.text, lines: 1,
                                  height: l.height, textX: item.textX, last: l)
            } else {
                pending = Pending(kind: .paragraph, marker: nil, text: l.text, lines: 1, height: l.height, textX: l.x0, last: l)
            }
        }
        flush(pending, into: &out)
        return out.finish()
    }

    /// The usual distance between the tops of consecutive lines of body text.
    private func typicalPitch(_ skip: Set<Int>) -> Double {
        var counts: [Int: Int] = [:]
        for i in 1..<max(lines.count, 1) where !skip.contains(i) && !skip.contains(i - 1) {
            let a = lines[i - 1], b = lines[i]
            guard a.page == b.page, abs(a.height - bodyHeight) < 0.5, abs(b.height - bodyHeight) < 0.5 else { continue }
            let d = b.y0 - a.y0
            if d > 0 && d < bodyHeight * 3 { counts[Int((d * 2).rounded()), default: 0] += 1 }
        }
        guard let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else {
            return bodyHeight * 1.2
        }
        return Double(best.key) / 2
    }

    /// The distinct x positions of list markers, left to right: their
    /// index is the list level.
    private func listIndents(_ skip: Set<Int>) -> [Double] {
        var xs: [Double] = []
        for (i, l) in lines.enumerated() where !skip.contains(i) && PDFLayout.listItem(l) != nil {
            if !xs.contains(where: { abs($0 - l.x0) < 6 }) { xs.append(l.x0) }
        }
        return xs.sorted()
    }

    static let bulletGlyphs: Set<String> = ["•", "–", "-", "●", "▪", "■", "◦", "○", "", "", "*", "➢", "✓", "·", "►", "▸", "", "o"]

    /// A line that starts a list item: its marker, text, and where the text starts.
    static func listItem(_ l: VLine) -> (marker: String, text: String, textX: Double)? {
        guard l.words.count >= 2, let first = l.words.first else { return nil }
        let rest = l.words.dropFirst().joined(separator: " ")
        if bulletGlyphs.contains(first) {
            if first == "o" || first == "-" || first == "*" {
                // Only as a lone glyph before text that starts a phrase.
                guard let c = l.words[1].first, c.isUppercase || c.isNumber else { return nil }
            }
            return ("•", rest, l.x0)
        }
        if isNumberMarker(first) { return (first, rest, l.x0) }
        return nil
    }

    /// "1.", "12)", "a)": a list number.
    static func isNumberMarker(_ s: String) -> Bool {
        let chars = Array(s)
        guard chars.count >= 2, chars.count <= 3, chars.last == "." || chars.last == ")" else { return false }
        let body = chars.dropLast()
        let numeric = body.allSatisfy { $0.isASCII && $0.isNumber }
        let letter = body.count == 1 && body[body.startIndex].isLetter && body[body.startIndex].isLowercase && chars.last == ")"
        return numeric || letter
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.last else { return false }
        return ".!?:;".contains(last) || last == "”" || last == "\""
    }
}

/// Rejoins a line broken at its end. A hyphen at the end stays when the
/// part before is a number or capitals ("2016-", "EU-"), when the next word
/// starts with a capital or digit, or when the next word coordinates
/// ("kultur- och", from `compound-conjunctions.tsv`, with the space kept);
/// otherwise the hyphen goes and the halves join ("genomför-" + "andet"),
/// unless the document itself spells the word with a hyphen elsewhere.
struct HyphenJoiner {
    let coordinators: Set<String>
    /// Lower-cased words of the document, to see how it spells a compound.
    private var words: Set<String> = []

    init(coordinators: Set<String>) {
        self.coordinators = coordinators
    }

    mutating func learn(_ tokens: [String]) {
        for t in tokens {
            let w = t.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if !w.isEmpty { words.insert(w) }
        }
    }

    func join(_ left: String, _ right: String) -> String {
        guard let last = left.last else { return right }
        if last == "\u{00AD}" { return String(left.dropLast()) + right }
        guard last == "-" || last == "\u{2010}" else {
            if last == "–", left.dropLast().last?.isNumber == true, right.first?.isNumber == true { return left + right }
            return left + " " + right
        }
        let stem = left.dropLast()
        // "och -" : a dash standing alone, not a hyphen.
        guard let before = stem.last, !before.isWhitespace else { return left + " " + right }
        let leftWord = String(stem.split(separator: " ").last ?? "")
        let rightWord = String(right.split(separator: " ").first ?? "")
        let rightKey = rightWord.lowercased().trimmingCharacters(in: .punctuationCharacters)
        if coordinators.contains(rightKey) || coordinators.contains(rightWord.lowercased()) { return left + " " + right }
        let lettersLeft = leftWord.filter(\.isLetter)
        if leftWord.contains(where: \.isNumber) || (!lettersLeft.isEmpty && lettersLeft.allSatisfy(\.isUppercase)) {
            return left + right
        }
        if let c = rightWord.first, c.isUppercase || c.isNumber { return left + right }
        let joined = (leftWord + rightKey).lowercased()
        let hyphenated = (leftWord + "-" + rightKey).lowercased()
        if words.contains(hyphenated) && !words.contains(joined) { return left + right }
        return String(stem) + right
    }
}
