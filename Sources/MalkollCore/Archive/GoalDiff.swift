import Foundation

/// Words for comparing goal texts: lower case, letters and digits only,
/// function words left out (`Lexicons/sv/diff-stopwords.tsv`), one Swedish
/// inflection ending removed (`Lexicons/sv/diff-suffixes.tsv`).
public struct WordNormaliser: Sendable {
    /// Longest first.
    let suffixes: [String]
    let stopwords: Set<String>
    static let minimumStem = 3

    public init(lexicons: Lexicons) throws {
        self.init(suffixes: try lexicons.words("diff-suffixes.tsv").map { $0.lowercased() },
                  stopwords: Set(try lexicons.words("diff-stopwords.tsv").map { $0.lowercased() }))
    }

    public init(suffixes: [String], stopwords: Set<String> = []) {
        self.suffixes = suffixes.sorted { $0.count > $1.count }
        self.stopwords = stopwords
    }

    public func words(_ text: String) -> Set<String> {
        var out = Set<String>()
        var current = ""
        func flush() {
            if !current.isEmpty && !stopwords.contains(current) { out.insert(stem(current)) }
            current = ""
        }
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    func stem(_ word: String) -> String {
        guard word.first?.isLetter == true else { return word }
        for s in suffixes where word.hasSuffix(s) && word.count - s.count >= Self.minimumStem {
            return String(word.dropLast(s.count))
        }
        return word
    }

    /// Dice coefficient of the two word sets: 1 for the same words, 0 for none shared.
    public func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}

/// A goal-level comparison of two versions of a document.
public struct GoalDiff: Sendable {
    public enum Status: String, Sendable { case unchanged, reworded, added, removed }

    /// One field that differs between paired goals.
    public struct Change: Sendable, Equatable {
        public var field: String
        public var old: String?
        public var new: String?
        /// What a reader sees ("now time-bound: 2017").
        public var message: String
    }

    public struct Entry: Sendable {
        public var status: Status
        /// Of the paired texts (1 for unchanged, 0 for added or removed).
        public var similarity: Double
        public var old: Goal?
        public var new: Goal?
        public var changes: [Change]
    }

    public var old: DocumentInfo
    public var new: DocumentInfo
    /// Paired and added goals in the new document's order, then removed ones in the old order.
    public var entries: [Entry]

    public func count(_ status: Status) -> Int { entries.filter { $0.status == status }.count }
    public var changedFields: Int { entries.filter { !$0.changes.isEmpty && $0.old != nil && $0.new != nil }.count }

    /// Pairs goals one to one, best similarity first, above `threshold`.
    public static func compare(old: Analysis, new: Analysis, normaliser: WordNormaliser, threshold: Double = 0.5) -> GoalDiff {
        let oldWords = old.goals.map { normaliser.words($0.text) }
        let newWords = new.goals.map { normaliser.words($0.text) }
        var candidates: [(sim: Double, o: Int, n: Int)] = []
        for (o, ow) in oldWords.enumerated() {
            for (n, nw) in newWords.enumerated() {
                let sim = normaliser.similarity(ow, nw)
                if sim >= threshold { candidates.append((sim, o, n)) }
            }
        }
        candidates.sort { ($0.sim, -$0.o, -$0.n) > ($1.sim, -$1.o, -$1.n) }
        var oldTaken = [Int?](repeating: nil, count: old.goals.count)
        var newTaken = [Int?](repeating: nil, count: new.goals.count)
        var similarity = [Int: Double]()
        for c in candidates where oldTaken[c.o] == nil && newTaken[c.n] == nil {
            oldTaken[c.o] = c.n
            newTaken[c.n] = c.o
            similarity[c.n] = c.sim
        }
        var entries: [Entry] = []
        for (n, g) in new.goals.enumerated() {
            if let o = newTaken[n] {
                let before = old.goals[o]
                let same = collapse(before.text) == collapse(g.text)
                entries.append(Entry(status: same ? .unchanged : .reworded, similarity: same ? 1 : similarity[n]!,
                                     old: before, new: g, changes: fieldChanges(before, g)))
            } else {
                entries.append(Entry(status: .added, similarity: 0, old: nil, new: g, changes: []))
            }
        }
        for (o, g) in old.goals.enumerated() where oldTaken[o] == nil {
            entries.append(Entry(status: .removed, similarity: 0, old: g, new: nil, changes: []))
        }
        return GoalDiff(old: old.document, new: new.document, entries: entries)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func describe(_ t: Target) -> String { t.text }

    /// The fields a reader cares about, old against new.
    static func fieldChanges(_ a: Goal, _ b: Goal) -> [Change] {
        var changes: [Change] = []
        func compare(_ field: String, _ x: String?, _ y: String?, _ label: String) {
            guard x != y else { return }
            let message: String
            switch (x, y) {
            case (nil, let y?): message = "\(label) added: \(y)"
            case (let x?, nil): message = "\(label) removed (was \(x))"
            default: message = "\(label): \(x!) → \(y!)"
            }
            changes.append(Change(field: field, old: x, new: y, message: message))
        }
        compare("deadline", a.deadline?.date, b.deadline?.date, "deadline")
        let oldTargets = a.targets.map(describe), newTargets = b.targets.map(describe)
        for t in newTargets where !oldTargets.contains(t) { changes.append(Change(field: "target", old: nil, new: t, message: "target added: \(t)")) }
        for t in oldTargets where !newTargets.contains(t) { changes.append(Change(field: "target", old: t, new: nil, message: "target removed: \(t)")) }
        compare("commitment", a.commitment.class.rawValue, b.commitment.class.rawValue, "commitment")
        compare("actor", a.actor?.name, b.actor?.name, "actor")
        compare("program", a.program?.name, b.program?.name, "program")
        compare("direction", a.direction?.name, b.direction?.name, "direction")
        compare("recurrence", a.recurrence, b.recurrence, "recurrence")
        for c in Criterion.allCases {
            guard let after = b.smart[c], a.smart[c]?.pass != after.pass, a.smart[c] != nil || after.pass else { continue }
            let name = c.rawValue.replacingOccurrences(of: "_", with: "-")
            let evidence: String
            switch c {
            case .time_bound: evidence = b.deadline?.date ?? after.reason
            case .measurable: evidence = b.targets.first?.text ?? after.reason
            case .assignable: evidence = b.actor?.name ?? after.reason
            default: evidence = after.reason
            }
            let message = after.pass ? "now \(name): \(evidence)" : "no longer \(name): \(after.reason)"
            changes.append(Change(field: "smart.\(c.rawValue)", old: a.smart[c].map { String($0.pass) }, new: String(after.pass), message: message))
        }
        if a.vague != b.vague { changes.append(Change(field: "vague", old: String(a.vague), new: String(b.vague), message: b.vague ? "now vague" : "no longer vague")) }
        return changes
    }
}

/// `malkoll diff` output.
public enum GoalDiffRendering {
    public static func text(_ d: GoalDiff) -> [UInt8] {
        var out = "--- \(d.old.source)\n+++ \(d.new.source)\n"
        for e in d.entries {
            switch e.status {
            case .unchanged:
                guard !e.changes.isEmpty, let g = e.new else { continue }
                out += "= \(g.location.line): \(g.text)\n"
            case .reworded:
                out += "~ \(e.old!.location.line) → \(e.new!.location.line) (similarity \(String(format: "%.2f", e.similarity))):\n"
                out += "    was: \(e.old!.text)\n    now: \(e.new!.text)\n"
            case .added: out += "+ \(e.new!.location.line): \(e.new!.text)\n"
            case .removed: out += "- \(e.old!.location.line): \(e.old!.text)\n"
            }
            for c in e.changes { out += "    \(c.message)\n" }
        }
        out += "\(d.count(.unchanged)) unchanged, \(d.count(.reworded)) reworded, \(d.changedFields) with changed fields, "
        out += "\(d.count(.added)) added, \(d.count(.removed)) removed\n"
        return Array(out.utf8)
    }

    public static func json(_ d: GoalDiff) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("old"); w.string(d.old.source)
        w.key("new"); w.string(d.new.source)
        w.key("summary"); w.beginObject()
        for s in [GoalDiff.Status.unchanged, .reworded, .added, .removed] { w.key(s.rawValue); w.int(d.count(s)) }
        w.key("changed"); w.int(d.changedFields)
        w.endObject()
        w.key("goals"); w.beginArray()
        for e in d.entries {
            w.beginObject()
            w.key("status"); w.string(e.status.rawValue)
            w.key("similarity"); w.double((e.similarity * 1000).rounded() / 1000)
            for (key, goal) in [("old", e.old), ("new", e.new)] {
                w.key(key)
                if let g = goal {
                    w.beginObject()
                    w.key("id"); w.string(g.id)
                    w.key("text"); w.string(g.text)
                    w.key("line"); w.int(g.location.line)
                    w.key("column"); w.int(g.location.column)
                    w.endObject()
                } else { w.null() }
            }
            w.key("changes"); w.beginArray()
            for c in e.changes {
                w.beginObject()
                w.key("field"); w.string(c.field)
                w.key("old"); w.string(c.old)
                w.key("new"); w.string(c.new)
                w.key("message"); w.string(c.message)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
