import Foundation

/// A baseline: the findings a team has accepted for now. `malkoll lint
/// --write-baseline FILE` writes it; `--baseline FILE` then reports only
/// findings that are not in it. Findings are keyed on the document's file
/// name, the rule and the goal's normalised text, so they survive edits
/// elsewhere in the document (other goals, moved lines).
public struct Baseline: Sendable, Equatable {
    public static let format = "malkoll-baseline/1"

    public struct Entry: Sendable, Equatable, Hashable {
        public var file: String
        public var rule: String
        public var fingerprint: String
    }

    /// How many findings of each key are accepted (a goal may repeat).
    public private(set) var counts: [Entry: Int] = [:]

    public init() {}

    public init(entries: [Entry]) {
        for e in entries { counts[e, default: 0] += 1 }
    }

    public var entries: [Entry] {
        counts.flatMap { Array(repeating: $0.key, count: $0.value) }
            .sorted { ($0.file, $0.rule, $0.fingerprint) < ($1.file, $1.rule, $1.fingerprint) }
    }

    /// Removes one accepted finding with this key; true when there was one.
    public mutating func consume(_ e: Entry) -> Bool {
        guard let n = counts[e], n > 0 else { return false }
        counts[e] = n - 1
        return true
    }

    /// The key of a document path: its file name, so a baseline written in
    /// one folder applies when the documents are linted from another.
    public static func fileKey(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    public func json() -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("format"); w.string(Self.format)
        w.key("findings"); w.beginArray()
        for e in entries {
            w.beginObject()
            w.key("file"); w.string(e.file)
            w.key("rule"); w.string(e.rule)
            w.key("fingerprint"); w.string(e.fingerprint)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }

    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MalkollError.cannotOpen(path: path, reason: "cannot read the baseline")
        }
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              obj["format"] as? String == format, let list = obj["findings"] as? [[String: Any]] else {
            throw MalkollError.usage("\(path): not a malkoll baseline (\(format))")
        }
        var entries: [Entry] = []
        for (i, item) in list.enumerated() {
            guard let file = item["file"] as? String, let rule = item["rule"] as? String, let fp = item["fingerprint"] as? String else {
                throw MalkollError.usage("\(path): finding \(i + 1) lacks file, rule or fingerprint")
            }
            entries.append(Entry(file: file, rule: rule, fingerprint: fp))
        }
        return Baseline(entries: entries)
    }
}

/// A finding's fingerprint: its rule and its goal's text, lower-cased, words
/// only, so whitespace, punctuation and line moves do not change it.
public enum Fingerprint {
    public static func normalise(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { current.append(ch) } else if !current.isEmpty { words.append(current); current = "" }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    public static func of(rule: String, goalText: String) -> String {
        String(SHA256.hex(Array("\(rule)\u{1F}\(normalise(goalText))".utf8)).prefix(16))
    }
}
