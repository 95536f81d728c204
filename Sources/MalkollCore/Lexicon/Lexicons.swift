import Foundation
import MalkollLexicons

/// A malformed lexicon row: reported as `file:line:column: message`.
public struct LexiconError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// One lexicon file: UTF-8, tab-separated, `#` starts a comment line, the
/// first other line names the columns. A row may leave trailing columns
/// empty but may not have more fields than the header.
public struct LexiconTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line in the file, for error messages.
        public let line: Int
        public let fields: [String]
        public subscript(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
    }

    public let file: String
    public let columns: [String]
    public let rows: [Row]

    public func column(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// An error located at a row and column of this file.
    public func error(_ row: Row, column: Int = 0, _ message: String) -> LexiconError {
        var col = 1
        for i in 0..<min(column, row.fields.count) { col += row.fields[i].unicodeScalars.count + 1 }
        return LexiconError(file: file, line: row.line, column: col, message: message)
    }

    public static func parse(_ content: String, file: String) throws -> LexiconTable {
        var columns: [String]? = nil
        var rows: [Row] = []
        var lineNumber = 0
        for rawLine in content.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let header = columns else {
                if fields.contains(where: \.isEmpty) {
                    throw LexiconError(file: file, line: lineNumber, column: 1, message: "empty column name in header")
                }
                columns = fields
                continue
            }
            if fields.count > header.count {
                let col = fields.prefix(header.count).reduce(1) { $0 + $1.unicodeScalars.count + 1 }
                throw LexiconError(file: file, line: lineNumber, column: col,
                                   message: "\(fields.count) fields, but the header names \(header.count) (\(header.joined(separator: ", ")))")
            }
            if fields[0].isEmpty {
                throw LexiconError(file: file, line: lineNumber, column: 1, message: "empty first field")
            }
            rows.append(Row(line: lineNumber, fields: fields))
        }
        guard let header = columns else {
            throw LexiconError(file: file, line: max(lineNumber, 1), column: 1, message: "no header line")
        }
        return LexiconTable(file: file, columns: header, rows: rows)
    }
}

/// A set of lexicon files in one folder (`Lexicons/sv` by default, or
/// `--lexicons DIR`). Files are read once and cached; typed views (cue
/// lists, number words, ...) are built from them by the stages that use them.
public final class Lexicons: @unchecked Sendable {
    public let directory: URL
    private var cache: [String: LexiconTable] = [:]
    private let lock = NSLock()
    /// Typed views built from the tables (`view(_:_:)`), under their own
    /// lock: building one reads tables, which takes `lock`.
    private var views: [String: Any] = [:]
    private let viewLock = NSLock()

    public init(directory: URL) {
        self.directory = directory
    }

    /// The bundled default lexicons. Looks, in order, at `MALKOLL_LEXICONS`,
    /// the resource bundle next to the binary, and `Lexicons/sv` in the
    /// current folder or above the binary (a checkout).
    public static func defaultSet() throws -> Lexicons {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["MALKOLL_LEXICONS"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        if let bundled = LexiconBundle.defaultDirectory { candidates.append(bundled) }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("Lexicons/sv"))
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("Lexicons/sv"))
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: c.path, isDirectory: &isDir), isDir.boolValue { return Lexicons(directory: c) }
        }
        throw MalkollError.usage("cannot find the default lexicons (Lexicons/sv); pass --lexicons DIR")
    }

    /// A folder given by the user: either the language folder itself or one holding `sv/`.
    public static func at(_ path: String) throws -> Lexicons {
        let url = URL(fileURLWithPath: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw MalkollError.usage("--lexicons \(path): not a folder")
        }
        let sv = url.appendingPathComponent("sv")
        if FileManager.default.fileExists(atPath: sv.path) { return Lexicons(directory: sv) }
        return Lexicons(directory: url)
    }

    /// The typed view `key` of these lexicons, built by `make` once (a
    /// reader's vocabulary, used for every document a command reads).
    func view<T>(_ key: String, _ make: (Lexicons) throws -> T) throws -> T {
        viewLock.lock()
        let known = views[key] as? T
        viewLock.unlock()
        if let known { return known }
        let made = try make(self)
        viewLock.lock()
        views[key] = made
        viewLock.unlock()
        return made
    }

    /// The table in `name` (e.g. "abbreviations.tsv"), parsed once.
    public func table(_ name: String) throws -> LexiconTable {
        lock.lock()
        defer { lock.unlock() }
        if let t = cache[name] { return t }
        let url = directory.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError(file: url.path, line: 0, column: 0, message: "lexicon file missing")
        }
        guard let content = String(data: data, encoding: .utf8) else {
            throw LexiconError(file: url.path, line: 1, column: 1, message: "not valid UTF-8")
        }
        let t = try LexiconTable.parse(content, file: url.path)
        cache[name] = t
        return t
    }

    /// The first column of every row of `name`.
    public func words(_ name: String) throws -> [String] {
        try table(name).rows.map { $0[0] }
    }
}
