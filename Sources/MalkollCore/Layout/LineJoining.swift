/// Decides whether a line break inside a run of non-blank lines is a soft
/// wrap (the lines are one paragraph or item) or a hard break.
///
/// Always soft: a break after a word hyphenated at the line end, a break
/// before a lower-case word, and a break before a line indented under the
/// text of a list item (a hanging indent). Beyond that the document must
/// show that it is hard-wrapped: at least three such soft breaks before a
/// plain word, most of them near the widest, from which the wrap width
/// is estimated (at least 40 columns). Then a break is soft when the next line's first word would
/// not have fitted on the line (the writer's tool wrapped it) or, in
/// "flowed" text (`fold -s`, RFC 3676), when the line ends with a space.
/// One-paragraph-per-line text (web extracts) shows no wrap width, so each
/// of its lines stays its own block.
struct LineJoining {
    /// The wrap width in UTF-16 units, when the document is hard-wrapped.
    let width: Int?
    /// Soft breaks are marked by a trailing space.
    let flowed: Bool

    var isWrapped: Bool { width != nil }

    init(_ u: UnsafeBufferPointer<UInt16>, _ lines: [TextLine], _ markers: [ListMarker?], _ furniture: [Bool]) {
        var widths: [Int] = []
        var trailing = 0
        for i in 0..<max(0, lines.count - 1) {
            let a = lines[i], b = lines[i + 1]
            guard !a.isBlank, !b.isBlank, markers[i + 1] == nil, !furniture[i], !furniture[i + 1] else { continue }
            if LineJoining.alwaysSoft(u, a, b) {
                widths.append(a.width)
                if a.hasTrailingSpace { trailing += 1 }
            }
        }
        if widths.count >= 3 {
            widths.sort()
            let w = widths[(widths.count - 1) * 9 / 10]
            // Wrapped lines fill the width: most soft-broken lines come near it.
            let full = widths.filter { $0 * 4 >= w * 3 }.count
            width = w >= 40 && w <= 200 && full * 2 >= widths.count ? w : nil
            flowed = trailing * 5 >= widths.count * 4
        } else {
            width = nil
            flowed = false
        }
    }

    /// A hyphen at the end of `a` before a letter, or `b` starting with a
    /// lower-case word.
    static func alwaysSoft(_ u: UnsafeBufferPointer<UInt16>, _ a: TextLine, _ b: TextLine) -> Bool {
        let first = b.firstUnit
        // (A line opening with an e-mail address or domain is no evidence.)
        if Chars.isLower(first) && startsWithPlainWord(u, b) { return true }
        let e = a.contentEnd
        return e - a.contentStart >= 2 && a.lastUnit == Chars.hyphen && Chars.isAlnum(u[e - 2]) && Chars.isAlnum(first)
    }

    /// The line starts with a word of letters followed by a space or a
    /// punctuation mark other than "." and "@".
    static func startsWithPlainWord(_ u: UnsafeBufferPointer<UInt16>, _ b: TextLine) -> Bool {
        var p = b.contentStart
        while p < b.contentEnd, Chars.isLetter(u[p]) { p += 1 }
        guard p > b.contentStart else { return false }
        return p == b.contentEnd || (u[p] != Chars.period && u[p] != 0x40 && !Chars.isAlnum(u[p]))
    }

    /// Whether `b` continues `a`.
    /// `hangingIndent`: the column where the text of the list item being
    /// continued starts, if it is one.
    func joins(_ u: UnsafeBufferPointer<UInt16>, _ a: TextLine, _ b: TextLine, _ bMarker: ListMarker?, hangingIndent: Int?) -> Bool {
        if bMarker != nil { return false }
        if LineJoining.alwaysSoft(u, a, b) { return true }
        if let h = hangingIndent, b.indent >= h, h > 0 { return true }
        guard let width else { return false }
        if flowed { return a.hasTrailingSpace }
        let last = a.lastUnit
        if last == 0x3A { return false }   // a lead-in: what follows is its own item
        var w = b.contentStart
        while w < b.contentEnd, !Chars.isWhite(u[w]) { w += 1 }
        let firstWord = w - b.contentStart
        // Proportional fonts (PDF) make widths uneven: a line that stops
        // mid-sentence gets a tenth of the width in slack.
        let slack = Chars.isTerminal(last) || Chars.isCloser(last) ? 0 : width / 10
        return a.width + 1 + firstWord > width - slack
    }

    /// In a hard-wrapped document, a short line that recurs three or more
    /// times, at least twice next to a page break (a form feed or a page
    /// number within two lines), is a running header or footer: furniture
    /// where it stands next to a page break.
    /// (Recurring section headings such as "Mål" stand elsewhere and stay.)
    func markRunningHeaders(_ u: UnsafeBufferPointer<UInt16>, _ lines: [TextLine], _ markers: [ListMarker?], _ cues: FurnitureCues,
                            _ furniture: inout [Bool]) {
        func candidate(_ i: Int) -> Bool {
            let l = lines[i]
            return !l.isBlank && markers[i] == nil && l.contentEnd - l.contentStart <= 80 && l.lastUnit != 0x3A
        }
        func nearPageBreak(_ i: Int) -> Bool {
            for j in max(0, i - 2)...min(lines.count - 1, i + 2) where j != i {
                let l = lines[j]
                if l.hasFormFeed || (!l.isBlank && cues.isPageNumber(u, l.contentStart, l.contentEnd)) { return true }
            }
            return false
        }
        var counts: [[UInt16]: (all: Int, nearBreak: Int)] = [:]
        var keys: [Int: [UInt16]] = [:]
        for i in lines.indices where candidate(i) {
            let key = Array(UnsafeBufferPointer(rebasing: u[lines[i].contentStart..<lines[i].contentEnd]))
            let near = nearPageBreak(i)
            counts[key, default: (0, 0)].all += 1
            counts[key, default: (0, 0)].nearBreak += near ? 1 : 0
            if near { keys[i] = key }
        }
        // Only the occurrences at page breaks: the same words as the
        // document's title on its first page stay text.
        for (i, key) in keys {
            if let c = counts[key], c.all >= 3, c.nearBreak >= 2 { furniture[i] = true }
        }
    }
}
