import Foundation
import TOMLKit

/// A bad configuration value or key: `file:line:column: message`.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// `.malkoll.toml`: what a reviewer sets for a folder of documents.
///
///     profile = "lulea"              # criteria profile (Lexicons/sv/criteria_profiles.tsv)
///     organisation = "Luleå kommun"  # the issuing organisation
///     lexicons = "lexicons/sv"       # another lexicon set, relative to this file
///     lang = "en"                    # message language (sv, en)
///     fail-on = "error"              # error, warning, info, never
///
///     [rules]
///     "specific.vague-verb" = "error"   # error, warning, info, or "off" / false
///     "time-bound.no-deadline" = "off"
///
/// Unknown keys and bad values are errors with the file, line and column.
public struct MalkollConfig: Sendable, Equatable {
    public static let fileName = ".malkoll.toml"

    /// The file it was read from, nil for the defaults.
    public var path: String?
    public var rules = RuleSettings()
    public var organisation: String?
    /// Absolute folder of another lexicon set.
    public var lexicons: String?
    public var lang: String?
    public var failOn: String?

    public init() {}

    /// The nearest `.malkoll.toml` in `directory` or a folder above it.
    public static func find(from directory: URL) -> URL? {
        var dir = directory.standardizedFileURL
        while true {
            let candidate = dir.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Reads a configuration file. `defaultLexicons` serves to check the
    /// profile name when the file names no lexicon set of its own.
    public static func load(path: String, defaultLexicons: () throws -> Lexicons) throws -> MalkollConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MalkollError.cannotOpen(path: path, reason: "cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 1, column: 1, message: "not valid UTF-8")
        }
        return try parse(text, path: path, defaultLexicons: defaultLexicons)
    }

    public static func parse(_ text: String, path: String, defaultLexicons: () throws -> Lexicons) throws -> MalkollConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw ConfigError(file: path, line: e.source.begin.line, column: e.source.begin.column, message: e.description)
        }
        let locate = KeyLocator(text: text)
        func error(_ key: String, in section: String? = nil, _ message: String) -> ConfigError {
            let (line, column) = locate.position(of: key, in: section)
            return ConfigError(file: path, line: line, column: column, message: message)
        }
        func string(_ key: String) throws -> String? {
            guard let v = table[key] else { return nil }
            guard let s = v.string else { throw error(key, "\"\(key)\" must be a string") }
            return s
        }

        var config = MalkollConfig()
        config.path = path
        let known: Set<String> = ["profile", "organisation", "lexicons", "lang", "fail-on", "rules"]
        for key in table.keys.sorted() where !known.contains(key) {
            throw error(key, "unknown key \"\(key)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
        config.organisation = try string("organisation")
        if let l = try string("lexicons") {
            let base = URL(fileURLWithPath: path).deletingLastPathComponent()
            let url = l.hasPrefix("/") ? URL(fileURLWithPath: l) : base.appendingPathComponent(l)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
                throw error("lexicons", "lexicons: \"\(l)\" is not a folder")
            }
            config.lexicons = url.standardizedFileURL.path
        }
        if let lang = try string("lang") {
            guard lang == "sv" || lang == "en" else { throw error("lang", "lang must be \"sv\" or \"en\", not \"\(lang)\"") }
            config.lang = lang
        }
        if let f = try string("fail-on") {
            guard ["error", "warning", "info", "never"].contains(f) else {
                throw error("fail-on", "fail-on must be error, warning, info or never, not \"\(f)\"")
            }
            config.failOn = f
        }
        if let profile = try string("profile") {
            let lexicons = try config.lexicons.map { try Lexicons.at($0) } ?? defaultLexicons()
            let profiles = try CriteriaProfiles(lexicons)
            guard let criteria = profiles.criteria(of: profile) else {
                throw error("profile", "unknown profile \"\(profile)\" (known: \(profiles.names.joined(separator: ", ")))")
            }
            config.rules.profile = profile
            config.rules.criteria = criteria
        }
        if let rulesValue = table["rules"] {
            guard let rules = rulesValue.table else { throw error("rules", "[rules] must be a table") }
            // A bare dotted key (relevant.no-program = "off") is a nested table in TOML.
            var entries: [(key: String, value: TOMLValueConvertible)] = []
            for key in rules.keys.sorted() {
                if let nested = rules[key]!.table {
                    for sub in nested.keys.sorted() { entries.append((key + "." + sub, nested[sub]!)) }
                } else {
                    entries.append((key, rules[key]!))
                }
            }
            for (key, value) in entries {
                guard let rule = SmartRules.rule(key) else {
                    throw error(key, in: "rules", "unknown rule \"\(key)\" (see `malkoll rules`)")
                }
                let id = rule.description.id
                if let on = value.bool {
                    if !on { config.rules.disabled.insert(id) }
                } else if let s = value.string, s == "off" {
                    config.rules.disabled.insert(id)
                } else if let s = value.string, let severity = Severity(rawValue: s) {
                    config.rules.severities[id] = severity
                } else {
                    throw error(key, in: "rules", "rule \"\(key)\": the value must be error, warning, info, \"off\" or a boolean")
                }
            }
        }
        return config
    }
}

/// Finds where a key stands in a TOML text (TOMLKit gives positions for
/// syntax errors only): the line of `key = ...` inside `[section]`.
struct KeyLocator {
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func position(of key: String, in section: String?) -> (line: Int, column: Int) {
        var current: String? = nil
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                current = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t\r"))
                if current == section, section != nil, key == section { return (i + 1, 1) }
                continue
            }
            if key == section, current == nil, line.hasPrefix(key) { return (i + 1, 1) }
            guard current == section else { continue }
            for form in [key, "\"\(key)\"", "'\(key)'"] where line.hasPrefix(form) {
                let rest = line.dropFirst(form.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") || (form == key && rest.hasPrefix(".")) {
                    let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
                    return (i + 1, indent + 1)
                }
            }
        }
        return (1, 1)
    }
}

/// Criteria profiles (`criteria_profiles.tsv`): an organisation's own words
/// for a good goal, mapped onto malkoll's criteria.
public struct CriteriaProfiles {
    public struct Label: Sendable {
        public let label: String
        public let checks: [Criterion]
    }

    public private(set) var profiles: [String: [Label]] = [:]
    public private(set) var names: [String] = []

    public init(_ lexicons: Lexicons) throws {
        let t = try lexicons.table("criteria_profiles.tsv")
        for row in t.rows {
            var checks: [Criterion] = []
            for c in row[2].split(separator: ",") {
                let name = c.trimmingCharacters(in: .whitespaces)
                guard let criterion = Criterion(rawValue: name) else {
                    throw t.error(row, column: 2, "unknown criterion \"\(name)\" (known: \(Criterion.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                checks.append(criterion)
            }
            if profiles[row[0]] == nil { names.append(row[0]) }
            profiles[row[0], default: []].append(Label(label: row[1], checks: checks))
        }
    }

    /// The criteria a profile maps to, nil for an unknown profile.
    public func criteria(of profile: String) -> Set<Criterion>? {
        profiles[profile].map { Set($0.flatMap(\.checks)) }
    }

    /// The profile's words for a criterion ("tydliga").
    public func labels(of criterion: Criterion, in profile: String) -> [String] {
        (profiles[profile] ?? []).filter { $0.checks.contains(criterion) }.map(\.label)
    }
}
