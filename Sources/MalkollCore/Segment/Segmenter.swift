import Foundation

/// Tokens and sentences, block by block, so that no sentence crosses a
/// layout boundary: ICU word break refined by `Tokenizer`, ICU sentence
/// break refined by `SentenceRules`. A large document is cut into two runs
/// of whole blocks that two threads segment at once; the output is the same
/// as with one thread (blocks are independent).
public final class Segmenter {

    public let tokenizer: Tokenizer
    private var workers: [SegmentWorker] = []
    /// Threads to use at most (1 turns parallelism off).
    public var maxThreads: Int
    /// Documents below this many UTF-16 units always use one thread.
    public var parallelThreshold = Parallelism.minimumUnits

    public init(lexicons: Lexicons) throws {
        tokenizer = try Tokenizer(lexicons: lexicons)
        maxThreads = Parallelism.maxThreads
        workers = [try SegmentWorker(tokenizer)]
    }

    public func run(_ doc: Document) {
        let blocks = doc.blocks
        var threads = doc.utf16.count >= parallelThreshold && blocks.count > 1 ? maxThreads : 1
        while workers.count < threads {
            guard let w = try? SegmentWorker(tokenizer) else { break }
            workers.append(w)
        }
        threads = min(threads, workers.count)
        // Cut the blocks into runs of about equal text.
        var runs: [Range<Int>] = []
        var from = 0
        let total = max(1, doc.utf16.count)
        for t in 1...threads {
            var to = from
            let goal = total * t / threads
            while to < blocks.count, (t == threads || blocks[to].range.lowerBound < goal || to == from) { to += 1 }
            runs.append(from..<to)
            from = to
        }
        doc.utf16.withUnsafeBufferPointer { u in
            let ws = workers
            let total = u.count
            Parallelism.run(runs.count) { i in
                ws[i].segment(u, blocks, runs[i], reserveFor: i == 0 && runs.count > 1 ? total : nil)
            }
        }
        // The later runs' results are appended to the first run's arrays
        // (renumbering sentence token indices), so that no third copy is made.
        for w in workers[1..<runs.count] { workers[0].absorb(w) }
        doc.tokens = workers[0].tokens
        doc.sentences = workers[0].sentences
        for w in workers { w.release() }
    }
}

/// One thread's segmentation state: its ICU iterators and scratch buffers.
final class SegmentWorker {
    private let words: ICUBreaker
    private let sentenceBreaker: ICUBreaker
    private let tokenizer: Tokenizer
    private(set) var tokens: [Token] = []
    private(set) var sentences: [Sentence] = []
    private var flags: [Tokenizer.Flags] = []
    private var scratch: [UInt16] = []
    private var breakBefore: [Bool] = []
    /// What a block's ASCII units tell `segment`: bits for sentence
    /// punctuation, e-mail/URL signs and line breaks.
    private static let terminal: UInt8 = 1, special: UInt8 = 2, newline: UInt8 = 4
    private static let asciiClassTable: [UInt8] = (0..<128).map { c in
        switch c {
        case 0x2E, 0x21, 0x3F: return terminal
        case 0x0A, 0x0D: return newline
        default: return Tokenizer.specialTriggers.contains(UInt16(c)) ? special : 0
        }
    }
    private let asciiClass = SegmentWorker.asciiClassTable

    init(_ tokenizer: Tokenizer) throws {
        words = try ICUBreaker(.word)
        sentenceBreaker = try ICUBreaker(.sentence)
        self.tokenizer = tokenizer
    }

    /// Appends another worker's tokens and sentences after this one's.
    func absorb(_ other: SegmentWorker) {
        let base = Int32(tokens.count)
        tokens.append(contentsOf: other.tokens)
        sentences.reserveCapacity(sentences.count + other.sentences.count)
        for var s in other.sentences {
            s.tokens = (s.tokens.lowerBound + base)..<(s.tokens.upperBound + base)
            sentences.append(s)
        }
        other.release()
    }

    func release() {
        tokens = []
        sentences = []
    }

    /// `reserveFor`: UTF-16 units of text whose tokens this worker's arrays
    /// should have room for (the whole document for the first of several).
    func segment(_ u: UnsafeBufferPointer<UInt16>, _ blocks: [Block], _ run: Range<Int>, reserveFor: Int? = nil) {
        // Locals, not properties, in the loops: no exclusivity checks there.
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        var flags = self.flags
        var breakBefore = self.breakBefore
        var scratch = self.scratch
        var chars = 0
        for b in run { chars += blocks[b].range.count }
        tokens.reserveCapacity((reserveFor ?? chars) / 6 + 16)
        sentences.reserveCapacity((reserveFor ?? chars) / 80 + 4)
        let words = self.words, sentenceBreaker = self.sentenceBreaker, tokenizer = self.tokenizer
        let asciiClass = self.asciiClass
        for bi in run {
            let block = blocks[bi]
            if case .furniture = block.kind { continue }
            let range = block.range.clamped(to: 0..<u.count)
            if range.isEmpty { continue }
            let first = tokens.count
            flags.removeAll(keepingCapacity: true)
            // One read-only pass over the block: where its first sentence
            // punctuation is, whether it has e-mail/URL signs and line breaks.
            let lo = range.lowerBound
            var seen: UInt8 = 0
            var firstTerminal = range.upperBound
            for i in range {
                let c = u[i]
                if c < 0x80 {
                    let k = asciiClass[Int(c)]
                    if k != 0 {
                        if k & SegmentWorker.terminal != 0 && firstTerminal == range.upperBound { firstTerminal = i }
                        seen |= k
                    }
                } else if Chars.isNewline(c) {
                    seen |= SegmentWorker.newline
                } else if firstTerminal == range.upperBound, c == Chars.ellipsis || Chars.isSentenceBreakTerminal(c) {
                    firstTerminal = i
                }
            }
            let specials = seen & SegmentWorker.special != 0 ? Tokenizer.specials(u, range) : []
            words.breaks(u, range) { bounds in
                tokenizer.tokenize(u, range, bounds: bounds, specials: specials,
                                   firstPeriod: firstTerminal, into: &tokens, flags: &flags)
            }
            func split(_ text: UnsafeBufferPointer<UInt16>?, refine: Bool) {
                SegmentWorker.splitSentences(u, range, text, refine: refine, block: bi, firstToken: first, sentenceBreaker,
                                             &tokens, &flags, &breakBefore, &sentences)
            }
            if firstTerminal == range.upperBound {
                // No sentence punctuation: one sentence.
                split(nil, refine: false)
            } else if firstTerminal >= SegmentWorker.finalPunctuationStart(u, range) {
                // Punctuation only at the end ("... för alla."): ICU could
                // break nowhere inside, so it is not asked; the Swedish
                // rules still look ("a, b, osv Datum").
                split(nil, refine: true)
            } else if seen & SegmentWorker.newline == 0 {
                split(UnsafeBufferPointer(rebasing: u[range]), refine: true)
            } else {
                // ICU's sentence break reads the block with its line breaks
                // as spaces (same length, so offsets hold).
                if scratch.count < range.count { scratch = [UInt16](repeating: 0, count: range.count) }
                scratch.withUnsafeMutableBufferPointer { sc in
                    for i in range { sc[i - lo] = Chars.isNewline(u[i]) ? 0x20 : u[i] }
                }
                scratch.withUnsafeBufferPointer { split(UnsafeBufferPointer(rebasing: $0[0..<range.count]), refine: true) }
            }
        }
        self.tokens = tokens
        self.sentences = sentences
        self.flags = flags
        self.breakBefore = breakBefore
        self.scratch = scratch
    }

    /// Where the block's final punctuation starts: its last sentence
    /// terminators, closing quotes or brackets and spaces, in that order
    /// (ICU breaks inside none of that: UAX #29 rules 8a-10); the end when
    /// the block does not end so.
    static func finalPunctuationStart(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Int {
        var p = range.upperBound
        while p > range.lowerBound, Chars.isSpace(u[p - 1]) { p -= 1 }
        while p > range.lowerBound, Chars.isCloser(u[p - 1]) { p -= 1 }
        let terminators = p
        while p > range.lowerBound, Chars.isSentenceBreakTerminal(u[p - 1]), u[p - 1] < 0xD800 || u[p - 1] >= 0xE000 { p -= 1 }
        return p < terminators ? p : range.upperBound
    }

    /// `text`: the block's text with line breaks as spaces, for ICU's
    /// sentence break (nil: ICU is not asked); `refine`: whether the
    /// Swedish rules look at the block.
    private static func splitSentences(_ u: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, _ text: UnsafeBufferPointer<UInt16>?,
                                       refine: Bool, block: Int, firstToken t0: Int,
                                       _ sentenceBreaker: ICUBreaker, _ tokens: inout [Token], _ flags: inout [Tokenizer.Flags],
                                       _ breakBefore: inout [Bool], _ sentences: inout [Sentence]) {
        let n = tokens.count - t0
        if n == 0 { return }
        breakBefore.removeAll(keepingCapacity: true)
        breakBefore.append(contentsOf: repeatElement(false, count: n + 1))
        let lo = range.lowerBound
        tokens.withUnsafeBufferPointer { all in
            let toks = UnsafeBufferPointer(rebasing: all[t0...])
            breakBefore.withUnsafeMutableBufferPointer { brk in
                guard refine else { return }
                if let text {
                    sentenceBreaker.breaks(text, 0..<range.count) { bounds in
                        var j = 0
                        for b in bounds {
                            let pos = Int(b) + lo
                            if pos >= range.upperBound { break }
                            while j < n, Int(toks[j].start) < pos { j += 1 }
                            // Never inside a token ("t.ex.", "A. I.").
                            if j > 0, j < n, Int(toks[j - 1].end) <= pos { brk[j] = true }
                        }
                    }
                }
                flags.withUnsafeBufferPointer { f in SentenceRules.refine(u, toks, f, brk) }
            }
            var s = 0
            for j in 1...n where j == n || breakBefore[j] {
                sentences.append(Sentence(start: toks[s].start, end: toks[j - 1].end, block: Int32(block),
                                          tokens: Int32(t0 + s)..<Int32(t0 + j)))
                s = j
            }
        }
    }
}
