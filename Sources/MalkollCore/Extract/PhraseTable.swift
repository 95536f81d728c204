import Foundation

/// Lexicon phrases matched on scanned tokens, longest first, ignoring case.
/// A phrase is scanned like the text ("t.o.m." is t . o . m .), so it matches
/// however the text spaces it. A phrase written "-perioden" matches the end
/// of one word ("mandatperioden").
struct PhraseTable<Value> {
    private var byFirst: [String: [(words: [String], value: Value)]] = [:]
    private var endings: [(ending: String, value: Value)] = []

    mutating func add(_ phrase: String, _ value: Value) {
        if phrase.count > 1, phrase.hasPrefix("-") {
            let ending = String(phrase.dropFirst()).lowercased()
            let at = endings.firstIndex { $0.ending.count < ending.count } ?? endings.count
            endings.insert((ending, value), at: at)
            return
        }
        let words = TextScan.tokens(phrase).map(\.lower)
        guard let first = words.first else { return }
        // Longest first; among equally long, the first row of the file.
        var list = byFirst[first, default: []]
        let at = list.firstIndex { $0.words.count < words.count } ?? list.count
        list.insert((words, value), at: at)
        byFirst[first] = list
    }

    /// The longest phrase starting at token `i` and ending by `limit`:
    /// its value and the token index after it.
    func match(_ tokens: [ScanToken], at i: Int, limit: Int? = nil) -> (value: Value, end: Int)? {
        let limit = min(limit ?? tokens.count, tokens.count)
        guard i < limit else { return nil }
        if let candidates = byFirst[tokens[i].lower] {
            outer: for c in candidates where i + c.words.count <= limit {
                for (k, w) in c.words.enumerated() where tokens[i + k].lower != w { continue outer }
                // A phrase's later words must not sit across a line break.
                for k in 1..<max(c.words.count, 1) where tokens[i + k].gap == .wide && tokens[i + k].kind == .word {
                    continue outer
                }
                return (c.value, i + c.words.count)
            }
        }
        if tokens[i].isWord {
            let w = tokens[i].lower
            for e in endings where hasEnding(w, e.ending) { return (e.value, i + 1) }
        }
        return nil
    }

    /// Every match, keyed by the token index where it ends (longest match at
    /// each start; where two end at one place, the one starting earlier).
    func matchesByEnd(_ tokens: [ScanToken]) -> [Int: (value: Value, start: Int)] {
        var out: [Int: (value: Value, start: Int)] = [:]
        for i in tokens.indices {
            if let m = match(tokens, at: i), out[m.end] == nil { out[m.end] = (m.value, i) }
        }
        return out
    }

    /// True when the word is in the table as a one-word phrase or ending.
    func contains(word: String) -> Bool {
        let w = word.lowercased()
        if byFirst[w]?.contains(where: { $0.words.count == 1 }) == true { return true }
        return endings.contains { hasEnding(w, $0.ending) }
    }

    func value(word: String) -> Value? {
        let w = word.lowercased()
        if let v = byFirst[w]?.first(where: { $0.words.count == 1 }) { return v.value }
        return endings.first { hasEnding(w, $0.ending) }?.value
    }
}

/// `word` ends with `ending` and is longer (compared as UTF-8: both are lower-cased lexicon forms).
func hasEnding(_ word: String, _ ending: String) -> Bool {
    let w = word.utf8, e = ending.utf8
    return w.count > e.count && w.reversed().starts(with: e.reversed())
}

/// A cache of what a word is, shared by the threads that use one reader
/// (a word's analysis never changes). Bounded: past `limit` words it stops
/// remembering new ones.
final class WordMemo<Value>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let lock = NSLock()
    private let limit: Int

    init(limit: Int = 200_000) { self.limit = limit }

    func value(_ word: String, _ make: () -> Value) -> Value {
        lock.lock()
        if let v = values[word] { lock.unlock(); return v }
        lock.unlock()
        let v = make()
        lock.lock()
        if values.count < limit { values[word] = v }
        lock.unlock()
        return v
    }
}
