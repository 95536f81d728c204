/// The Swedish corrections to ICU's sentence boundaries inside one block,
/// as decisions "a sentence starts at token j":
/// - no break after an abbreviation or initial ("t.ex. Luleå", "A. I. Rabin"),
///   unless it often closes a sentence ("osv.") and a capital follows;
/// - no break after "?" or "!" (and closing quotes) when the next word is
///   lower-case ("Vem sa ni? sa Auster"), nor after "(!)";
/// - no break after an ellipsis before a lower-case word;
/// - a break after a full stop before a number ("... sällskap. 1973 flög vi");
/// - a break before a reply dash after a sentence end ("intresse? – Det");
/// - a break after "osv", "m.fl" (written without the final dot) before a
///   capitalised word;
/// - a break between "!" or "?" and a following ellipsis;
/// - a break after "…" before a capital, and where extraction glued two
///   sentences ("Lapland.Luleå").
enum SentenceRules {
    static func refine(_ u: UnsafeBufferPointer<UInt16>, _ tokens: UnsafeBufferPointer<Token>,
                       _ flags: UnsafeBufferPointer<Tokenizer.Flags>, _ breakBefore: UnsafeMutableBufferPointer<Bool>) {
        let n = tokens.count
        if n < 2 { return }
        func first(_ i: Int) -> UInt16 { u[Int(tokens[i].start)] }
        func length(_ i: Int) -> Int { Int(tokens[i].end - tokens[i].start) }
        func isChar(_ i: Int, _ c: UInt16) -> Bool { length(i) == 1 && first(i) == c }
        func isCloser(_ i: Int) -> Bool { length(i) == 1 && Chars.isCloser(first(i)) }
        func isEllipsis(_ i: Int) -> Bool {
            isChar(i, Chars.ellipsis) || (length(i) >= 2 && first(i) == Chars.period && u[Int(tokens[i].start) + 1] == Chars.period)
        }
        func spaced(_ i: Int) -> Bool { tokens[i].start > tokens[i - 1].end }
        /// The first letter or digit of the words from `j` on (skipping
        /// opening quotes, brackets and dashes), or nil.
        func nextWordStart(_ j: Int) -> UInt16? {
            var k = j
            while k < n, k < j + 3 {
                let c = first(k)
                if Chars.isAlnum(c) { return c }
                guard length(k) == 1, Chars.isCloser(c) || Chars.isDash(c) || c == 0x28 || c == 0x5B || c == 0x201C || c == 0xAB || c == 0x2018 else { return nil }
                k += 1
            }
            return nil
        }

        for j in 1..<n {
            var t = j - 1
            while t > 0, isCloser(t) { t -= 1 }
            if breakBefore[j] {
                if flags[t].contains(.dottedAbbreviation) {
                    let upper = nextWordStart(j).map(Chars.isUpper) ?? false
                    if !(flags[t].contains(.mayEndSentence) && upper) { breakBefore[j] = false }
                } else if isChar(t, 0x3F) || isChar(t, 0x21) {
                    if let c = nextWordStart(j), Chars.isLower(c) { breakBefore[j] = false }
                    else if t > 0, t + 1 < n, isChar(t - 1, 0x28), isChar(t + 1, 0x29) { breakBefore[j] = false }
                } else if isEllipsis(t), let c = nextWordStart(j), Chars.isLower(c) {
                    breakBefore[j] = false
                }
                continue
            }
            if flags[j - 1].contains(.forcedBreak) { breakBefore[j] = true; continue }
            guard spaced(j) else { continue }
            let c = first(j)
            if t == j - 1, isChar(t, Chars.period), t > 0, !flags[t - 1].contains(.dottedAbbreviation),
               tokens[t - 1].kind == .word || tokens[t - 1].kind == .number, Chars.isDigit(c) {
                breakBefore[j] = true
            } else if Chars.isDash(c), length(j) == 1, j + 1 < n, Chars.isUpper(first(j + 1)), spaced(j + 1),
                      Chars.isTerminal(first(t)), !flags[t].contains(.dottedAbbreviation) {
                breakBefore[j] = true
            } else if isChar(t, Chars.ellipsis), Chars.isUpper(c) {
                breakBefore[j] = true
            } else if isChar(t, 0x3F) || isChar(t, 0x21), isEllipsis(j) {
                // "Rädda mig! ... jag skulle": ICU reads "! ..." as one end (rule 8a).
                breakBefore[j] = true
            } else if flags[j - 1].contains(.mayEndSentence), !flags[j - 1].contains(.dottedAbbreviation),
                      Chars.isUpper(c), tokens[j].kind == .word {
                // "..., 101-200, osv Datum- och tidsfält": "osv" written without its dot.
                breakBefore[j] = true
            }
        }
    }
}
