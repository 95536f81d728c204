import Foundation

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
        let file: ConfigFile
        do {
            file = try ConfigFile(text)
        } catch let e as ConfigFile.SyntaxError {
            throw ConfigError(file: path, line: e.line, column: e.column, message: e.message)
        }
        func error(_ e: ConfigFile.Entry, _ message: String) -> ConfigError {
            ConfigError(file: path, line: e.line, column: e.column, message: message)
        }
        func string(_ e: ConfigFile.Entry) throws -> String {
            guard case let .string(s) = e.value else { throw error(e, "\"\(e.key)\" must be a quoted string") }
            return s
        }

        var config = MalkollConfig()
        config.path = path
        for t in file.tables where t.name != "rules" {
            throw ConfigError(file: path, line: t.line, column: t.column, message: "unknown table [\(t.name)] (known: [rules])")
        }
        let known = ["fail-on", "lang", "lexicons", "organisation", "profile"]
        var profile: ConfigFile.Entry? = nil
        var rules: [(key: String, entry: ConfigFile.Entry)] = []
        for e in file.entries {
            if e.table == "rules" { rules.append((e.key, e)); continue }
            if e.key.hasPrefix("rules.") { rules.append((String(e.key.dropFirst("rules.".count)), e)); continue }
            switch e.key {
            case "organisation": config.organisation = try string(e)
            case "lexicons":
                let l = try string(e)
                let base = URL(fileURLWithPath: path).deletingLastPathComponent()
                let url = l.hasPrefix("/") ? URL(fileURLWithPath: l) : base.appendingPathComponent(l)
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
                    throw error(e, "lexicons: \"\(l)\" is not a folder")
                }
                config.lexicons = url.standardizedFileURL.path
            case "lang":
                let lang = try string(e)
                guard lang == "sv" || lang == "en" else { throw error(e, "lang must be \"sv\" or \"en\", not \"\(lang)\"") }
                config.lang = lang
            case "fail-on":
                let f = try string(e)
                guard ["error", "warning", "info", "never"].contains(f) else {
                    throw error(e, "fail-on must be error, warning, info or never, not \"\(f)\"")
                }
                config.failOn = f
            case "profile": profile = e
            default: throw error(e, "unknown key \"\(e.key)\" (known: \(known.joined(separator: ", ")), [rules])")
            }
        }
        // The profile is checked against the lexicon set the file names, if any.
        if let e = profile {
            let name = try string(e)
            let lexicons = try config.lexicons.map { try Lexicons.at($0) } ?? defaultLexicons()
            let profiles = try CriteriaProfiles(lexicons)
            guard let criteria = profiles.criteria(of: name) else {
                throw error(e, "unknown profile \"\(name)\" (known: \(profiles.names.joined(separator: ", ")))")
            }
            config.rules.profile = name
            config.rules.criteria = criteria
        }
        for (key, e) in rules {
            guard let rule = SmartRules.rule(key) else { throw error(e, "unknown rule \"\(key)\" (see `malkoll rules`)") }
            let id = rule.description.id
            switch e.value {
            case .bool(false), .string("off"): config.rules.disabled.insert(id)
            case .bool(true), .string("on"): config.rules.disabled.remove(id)
            case let .string(s) where Severity(rawValue: s) != nil: config.rules.severities[id] = Severity(rawValue: s)
            default: throw error(e, "rule \"\(key)\": the value must be \"error\", \"warning\", \"info\", \"off\" or a boolean")
            }
        }
        return config
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
