/// Finds layout blocks in plain text of either shape: one paragraph per line
/// (web extracts) or hard-wrapped lines (PDF, e-mail), told apart from the
/// text itself (`LineJoining`). Wrapped lines are rejoined into one block
/// whose range still points into the original text (a block may span line
/// breaks; so may a token). Then each logical line becomes a heading, a
/// list item (with its nesting level), a paragraph or furniture, and two
/// extraction artefacts are repaired by splitting blocks: a heading glued to
/// the previous sentence ("avläsa effekter.Inriktning", "åtgärderInriktning")
/// and bullets run together on one line ("ska vi: • Stå för • Lyfta").
public struct PlainTextLayout {

    private let furniture: FurnitureCues

    /// Heading levels in plain text, which has no markup for them: the
    /// document's first heading is its title (1), later plain headings are
    /// sections (3, as the analysis's structure builder reads them), and a
    /// numbered heading sits below them by its depth ("2." is 4, "2.1" is 5).
    static let sectionLevel = 3

    /// Layout without the web-furniture phrases (page numbers are still found).
    public init() { furniture = FurnitureCues() }

    public init(lexicons: Lexicons) throws { furniture = try FurnitureCues(lexicons: lexicons) }

    public func run(_ doc: Document) {
        doc.blocks = doc.utf16.withUnsafeBufferPointer { blocks(in: $0) }
    }

    /// A run of physical lines read as one line of text.
    private struct LogicalLine {
        var first: Int
        var last: Int
        var marker: ListMarker?
        var isFurniture: Bool
        var start: Int
        var end: Int
        /// One of its lines has a bullet in it.
        var hasBullet: Bool
    }

    /// `threads`: how many threads may share the work (by default two for
    /// a large text, one below `Parallelism.minimumUnits`).
    public func blocks(in u: UnsafeBufferPointer<UInt16>, threads: Int? = nil) -> [Block] {
        // A large text is laid out in pieces on two threads. Each step cuts
        // its pieces where nothing before the cut changes what comes after,
        // so the blocks are the same with any number of threads.
        let threads = threads ?? (u.count >= Parallelism.minimumUnits ? Parallelism.maxThreads : 1)

        // Physical lines with their list markers and page numbers, cut after a line feed.
        let textPieces = Parallelism.pieces(u.count, threads) { u[$0 - 1] == 0x0A }
        let facts = Parallelism.map(textPieces, threads: threads) { LineFacts(u, $0, furniture) }
        let lines = Parallelism.concatenate(facts.map(\.lines), threads: threads)
        let markers = Parallelism.concatenate(facts.map(\.markers), threads: threads)
        var isFurniture = Parallelism.concatenate(facts.map(\.isFurniture), threads: threads)

        // Evidence from the whole text: is it hard-wrapped, which lines are running headers.
        let joining = LineJoining(u, lines, markers, isFurniture)
        if joining.isWrapped { joining.markRunningHeaders(u, lines, markers, furniture, &isFurniture) }

        // Logical lines, cut at a blank line (no logical line crosses one).
        let linePieces = Parallelism.pieces(lines.count, threads) { lines[$0].isBlank }
        let logical = Parallelism.concatenate(Parallelism.map(linePieces, threads: threads) {
            logicalLines(u, lines, markers, isFurniture, joining, $0)
        }, threads: threads)

        // Blocks, cut at an unindented plain line: its kind depends on no
        // line before it and it ends any list nesting. A later piece assumes
        // that a heading came before it (the first heading is the title) and
        // is redone in the rare case that none did.
        let blockPieces = Parallelism.pieces(logical.count, threads) { k in
            let l = logical[k]
            return !l.isFurniture && l.marker == nil && lines[l.first].indent == 0
        }
        let parts = Parallelism.map(Array(blockPieces.enumerated()), threads: threads) { k, range in
            layoutBlocks(u, lines, logical, range, seenHeading: k > 0)
        }
        var pieces: [[Block]] = []
        var seenHeading = false
        for (k, part) in parts.enumerated() {
            let redone = k == 0 || seenHeading ? part : layoutBlocks(u, lines, logical, blockPieces[k], seenHeading: false)
            pieces.append(redone.blocks)
            seenHeading = redone.seenHeading
        }
        return Parallelism.concatenate(pieces, threads: threads)
    }

    /// A piece of the text's physical lines and what each starts with.
    private struct LineFacts {
        var lines: [TextLine]
        var markers: [ListMarker?]
        var isFurniture: [Bool]

        init(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ furniture: FurnitureCues) {
            lines = TextLines.scan(u, range)
            markers = [ListMarker?](repeating: nil, count: lines.count)
            isFurniture = [Bool](repeating: false, count: lines.count)
            for (i, l) in lines.enumerated() where !l.isBlank {
                markers[i] = ListMarker.at(u, l.contentStart, l.contentEnd)
                if markers[i] == nil || markers[i]!.style == .dash {
                    isFurniture[i] = furniture.isPageNumber(u, l.contentStart, l.contentEnd)
                }
            }
        }
    }

    /// The logical lines that start in `range` of the physical lines.
    private func logicalLines(_ u: UnsafeBufferPointer<UInt16>, _ lines: [TextLine], _ markers: [ListMarker?],
                              _ isFurniture: [Bool], _ joining: LineJoining, _ range: Range<Int>) -> [LogicalLine] {
        var logical: [LogicalLine] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let l = lines[i]
            if l.isBlank { i += 1; continue }
            var last = i
            if !isFurniture[i] {
                // A list item's text column: continuation lines indented to it belong to it.
                let hanging = markers[i].map { $0.contentStart - l.contentStart + l.indent }
                while last + 1 < range.upperBound, !lines[last + 1].isBlank, !isFurniture[last + 1],
                      joining.joins(u, lines[last], lines[last + 1], markers[last + 1], hangingIndent: hanging) {
                    last += 1
                }
            }
            let furnished = isFurniture[i] || furniture.matches(u, l.contentStart, lines[last].contentEnd)
            logical.append(LogicalLine(first: i, last: last, marker: furnished ? nil : markers[i], isFurniture: furnished,
                                       start: l.contentStart, end: lines[last].contentEnd,
                                       hasBullet: lines[i...last].contains { $0.hasBullet }))
            i = last + 1
        }
        return logical
    }

    /// The blocks of the logical lines in `range`; `seenHeading`: whether a
    /// heading came before them.
    private func layoutBlocks(_ u: UnsafeBufferPointer<UInt16>, _ lines: [TextLine], _ logical: [LogicalLine],
                              _ range: Range<Int>, seenHeading seen: Bool) -> (blocks: [Block], seenHeading: Bool) {
        var blocks: [Block] = []
        blocks.reserveCapacity(range.count + 8)
        var listIndents: [Int] = []
        var seenHeading = seen
        for k in range {
            let line = logical[k]
            if line.isFurniture {
                blocks.append(Block(kind: .furniture, range: line.start..<line.end))
                continue
            }
            let previous = k > 0 ? logical[k - 1] : nil
            let next = k + 1 < logical.count ? logical[k + 1] : nil
            let adjacentPrevious = previous.map { !$0.isFurniture } ?? false
            let leadIn = adjacentPrevious && previous.map { u[$0.end - 1] == 0x3A } == true
            var kind: Block.Kind = .paragraph
            var marker: Range<Int>? = nil
            var contentStart = line.start
            if let m = line.marker {
                let inRun = { (other: LogicalLine?) -> Bool in
                    guard let o = other?.marker else { return false }
                    switch (o.style, m.style) {
                    case (_, .dash), (.number, .number): return true
                    default: return false
                    }
                }
                let run = inRun(previous) || inRun(next) || leadIn
                switch m.style {
                case .bullet, .letter:
                    kind = .listItem(level: 0)
                case .dash:
                    // A lone "– Det är ..." paragraph is a reply, not a list: a
                    // dash item needs a list next to it or a lead-in, or (when
                    // short) another dash item one line further away.
                    let nearDash = line.end - line.start <= 100 && [k - 2, k + 2].contains { j in
                        j >= 0 && j < logical.count && logical[j].marker?.style == .dash
                    }
                    if run || nearDash { kind = .listItem(level: 0) }
                case .number(let depth):
                    if !run, isHeadingLike(u, m.contentStart, line.end), line.first == line.last {
                        // The number is part of the heading's text ("2. Internationalisering").
                        kind = .heading(level: PlainTextLayout.sectionLevel + depth)
                    } else {
                        kind = .listItem(level: 0)
                    }
                }
                if case .listItem = kind {
                    marker = m.range
                    contentStart = m.contentStart
                }
            } else if line.first == line.last, let n = next, isHeadingLike(u, line.start, line.end),
                      n.isFurniture || startsCapitalised(u, n) {
                // "3 Mål och inriktning": numbered without a dot, as in many PDFs.
                if startsWithBareNumber(u, line.start, line.end) {
                    kind = .heading(level: PlainTextLayout.sectionLevel + 1)
                } else {
                    kind = .heading(level: seenHeading ? PlainTextLayout.sectionLevel : 1)
                }
            }
            if case .heading = kind { seenHeading = true }
            // Nesting of list items from their indentation.
            if case .listItem = kind {
                let indent = lines[line.first].indent
                while let top = listIndents.last, top > indent { listIndents.removeLast() }
                if listIndents.last != indent { listIndents.append(indent) }
                kind = .listItem(level: listIndents.count - 1)
            } else if lines[line.first].indent == 0 || kind != .paragraph {
                listIndents.removeAll()
            }
            appendRepaired(u, Block(kind: kind, range: contentStart..<line.end, marker: marker), bullets: line.hasBullet,
                           nextStartsBlock: next.map { startsCapitalised(u, $0) } ?? true, headingLevel: seenHeading ? PlainTextLayout.sectionLevel : 1,
                           into: &blocks)
            if case .heading = blocks.last?.kind { seenHeading = true }
        }
        return (blocks, seenHeading)
    }

    /// Whether the logical line starts with a capital, a digit or a marker.
    private func startsCapitalised(_ u: UnsafeBufferPointer<UInt16>, _ line: LogicalLine) -> Bool {
        if line.marker != nil { return true }
        let c = u[line.start]
        return Chars.isUpper(c) || Chars.isDigit(c) || !Chars.isLetter(c) && !Chars.isLower(c) && c != 0x28
    }

    /// "3 Mål" (a heading of depth 1): one or two digits, a space, a capital.
    private func startsWithBareNumber(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        var p = s
        while p < e, Chars.isDigit(u[p]) { p += 1 }
        return p > s && p - s <= 2 && p + 1 < e && u[p] == 0x20 && Chars.isUpper(u[p + 1])
    }

    /// A heading: short, no final punctuation, starts with a capital or
    /// digit, and no sentence or "label: value" inside.
    private func isHeadingLike(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Bool {
        guard e - s <= 120, e > s else { return false }
        let c = u[s]
        guard Chars.isUpper(c) || Chars.isDigit(c) else { return false }
        let last = u[e - 1]
        if last == Chars.period || last == 0x3A || last == 0x3B || last == 0x2C || last == 0x21 || last == 0x3F || last == Chars.ellipsis { return false }
        var words = 1
        for p in s..<(e - 1) {
            let a = u[p], b = u[p + 1]
            if Chars.isSpace(b) && !Chars.isSpace(a) {
                words += 1
                if a == Chars.period || a == 0x3A || a == 0x3F || a == 0x21 || a == 0x3B { return false }
            }
            if Chars.isNewline(a) { return false }
        }
        return words <= 16
    }

    // MARK: - repairs

    /// Appends `block`, first splitting off bullets run together on its line
    /// and a heading glued to its end.
    /// `bullets`: whether the block has bullets (other than "*") in it.
    private func appendRepaired(_ u: UnsafeBufferPointer<UInt16>, _ block: Block, bullets: Bool, nextStartsBlock: Bool, headingLevel: Int,
                                into blocks: inout [Block]) {
        // "ska vi: • Stå för ... • Lyfta ...": bullets inside the line.
        var start = block.range.lowerBound
        var current = block
        var p = start + 1
        while bullets, p + 2 < block.range.upperBound {
            let c = u[p]
            if c != 0x2A, ListMarker.isBullet(c), Chars.isWhite(u[p - 1]), Chars.isSpace(u[p + 1]) {
                var a = p - 1
                while a > start, Chars.isWhite(u[a - 1]) { a -= 1 }
                var s = p + 1
                while s < block.range.upperBound, Chars.isSpace(u[s]) { s += 1 }
                if a > start, s < block.range.upperBound {
                    current.range = start..<a
                    blocks.append(current)
                    let level: Int
                    if case .listItem(let l) = block.kind { level = l } else { level = 0 }
                    current = Block(kind: .listItem(level: level), range: s..<block.range.upperBound, marker: p..<(p + 1))
                    start = s
                    p = s
                    continue
                }
            }
            p += 1
        }
        // A heading glued to the end of the last piece.
        if nextStartsBlock, let cut = gluedHeading(u, current.range) {
            let head = Block(kind: .heading(level: headingLevel), range: cut.heading..<current.range.upperBound)
            current.range = current.range.lowerBound..<cut.end
            blocks.append(current)
            blocks.append(head)
        } else {
            blocks.append(current)
        }
    }

    /// "… avläsa effekter.Inriktning" or "… åtgärderInriktning" at the end of
    /// a line: where the text before ends and where the heading starts.
    private func gluedHeading(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> (end: Int, heading: Int)? {
        var w = r.upperBound
        while w > r.lowerBound, !Chars.isWhite(u[w - 1]) { w -= 1 }
        guard w > r.lowerBound else { return nil }   // one word: nothing before it
        let e = r.upperBound
        guard e - w >= 6 else { return nil }
        for p in (w + 2)..<(e - 1) {
            let c = u[p]
            if !Chars.isLetter(c) && c != Chars.period && c != Chars.hyphen { return nil }
            // "effekter.Inriktning"
            if c == Chars.period, Chars.isLower(u[p - 1]), Chars.isLower(u[p - 2]), Chars.isUpper(u[p + 1]),
               p + 2 < e, Chars.isLower(u[p + 2]), !(p + 2..<e).contains(where: { u[$0] == Chars.period }) {
                return (p + 1, p + 1)
            }
            // "åtgärderInriktning"
            if Chars.isUpper(c), p - w >= 3, Chars.isLower(u[w]), Chars.isLower(u[p - 1]), Chars.isLower(u[p - 2]), Chars.isLower(u[p - 3]),
               p + 2 < e, Chars.isLower(u[p + 1]), Chars.isLower(u[p + 2]),
               !(p..<e).contains(where: { !Chars.isLetter(u[$0]) }), !(w..<p).contains(where: { !Chars.isLetter(u[$0]) }) {
                return (p, p)
            }
        }
        return nil
    }
}
