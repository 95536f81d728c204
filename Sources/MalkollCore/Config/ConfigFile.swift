/// The TOML that `.malkoll.toml` needs, read with the position of every
/// key so that a bad key or value is reported at its line and column:
/// comments, `[table]` headers, bare, quoted and dotted keys, basic and
/// literal strings, booleans, integers and one-line arrays. (malkoll reads
/// TOML itself rather than through TOMLKit: importing TOMLKit into the
/// library made its types visible to every client module, where they
/// changed how ordinary literals type-check.)
struct ConfigFile {
    enum Value: Equatable {
        case string(String)
        case bool(Bool)
        case int(Int)
        case array([Value])
    }

    struct Entry {
        /// Table path and key path joined: ["rules", "specific.vague-verb"] -> "rules", "specific.vague-verb".
        var table: String?
        var key: String
        var value: Value
        var line: Int
        var column: Int
    }

    struct SyntaxError: Error {
        var line: Int
        var column: Int
        var message: String
    }

    var entries: [Entry] = []
    /// Table headers with their positions.
    var tables: [(name: String, line: Int, column: Int)] = []

    init(_ text: String) throws {
        var table: String? = nil
        var seen = Set<String>()
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var s = Scanner(Array(raw.unicodeScalars), line: lineNumber)
            s.skipSpace()
            if s.atEnd || s.peek == "#" || s.peek == "\r" { continue }
            if s.peek == "[" {
                let column = s.column
                s.advance()
                s.skipSpace()
                let name = try s.key().joined(separator: ".")
                s.skipSpace()
                try s.expect("]")
                try s.endOfLine()
                guard seen.insert("[\(name)]").inserted else { throw SyntaxError(line: lineNumber, column: column, message: "table [\(name)] defined twice") }
                table = name
                tables.append((name, lineNumber, column))
                continue
            }
            let column = s.column
            let key = try s.key().joined(separator: ".")
            s.skipSpace()
            try s.expect("=")
            s.skipSpace()
            let value = try s.value()
            try s.endOfLine()
            let full = (table.map { $0 + "\u{0}" } ?? "") + key
            guard seen.insert(full).inserted else { throw SyntaxError(line: lineNumber, column: column, message: "key \"\(key)\" defined twice") }
            entries.append(Entry(table: table, key: key, value: value, line: lineNumber, column: column))
        }
    }

    struct Scanner {
        let chars: [Unicode.Scalar]
        let line: Int
        var i = 0

        init(_ chars: [Unicode.Scalar], line: Int) {
            self.chars = chars
            self.line = line
        }

        var atEnd: Bool { i >= chars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : chars[i] }
        var column: Int { i + 1 }
        mutating func advance() { i += 1 }

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: column, message: message) }

        mutating func skipSpace() { while let c = peek, c == " " || c == "\t" { advance() } }

        mutating func expect(_ c: Unicode.Scalar) throws {
            guard peek == c else { throw error(peek == nil ? "expected \"\(c)\" before the end of the line" : "expected \"\(c)\", found \"\(peek!)\"") }
            advance()
        }

        mutating func endOfLine() throws {
            skipSpace()
            if peek == "\r" { advance() }
            if let c = peek, c != "#" { throw error("unexpected \"\(c)\" after the value") }
        }

        /// A key: bare or quoted parts joined by dots.
        mutating func key() throws -> [String] {
            var parts: [String] = []
            repeat {
                skipSpace()
                if peek == "\"" { parts.append(try basicString()) } else if peek == "'" { parts.append(try literalString()) } else {
                    var s = ""
                    while let c = peek, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "-" { s.unicodeScalars.append(c); advance() }
                    guard !s.isEmpty else { throw error(peek == nil ? "expected a key" : "expected a key, found \"\(peek!)\"") }
                    parts.append(s)
                }
                skipSpace()
            } while peek == "." && { advance(); return true }()
            return parts
        }

        mutating func value() throws -> Value {
            guard let c = peek else { throw error("expected a value") }
            switch c {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[":
                advance()
                var items: [Value] = []
                while true {
                    skipSpace()
                    if peek == "]" { advance(); return .array(items) }
                    items.append(try value())
                    skipSpace()
                    if peek == "," { advance(); continue }
                    try expect("]")
                    return .array(items)
                }
            default:
                var word = ""
                while let c = peek, c != " " && c != "\t" && c != "#" && c != "," && c != "]" && c != "\r" { word.unicodeScalars.append(c); advance() }
                if word == "true" { return .bool(true) }
                if word == "false" { return .bool(false) }
                if let n = Int(word.replacingOccurrences(of: "_", with: "")) { return .int(n) }
                i -= word.unicodeScalars.count
                throw error(word.isEmpty ? "expected a value" : "\"\(word)\" is not a value malkoll reads (a quoted string, true, false, a number or [ ... ])")
            }
        }

        mutating func literalString() throws -> String {
            try expect("'")
            var s = ""
            while let c = peek, c != "'" { s.unicodeScalars.append(c); advance() }
            guard peek == "'" else { throw error("unterminated string") }
            advance()
            return s
        }

        mutating func basicString() throws -> String {
            try expect("\"")
            var s = ""
            while let c = peek, c != "\"" {
                advance()
                guard c == "\\" else { s.unicodeScalars.append(c); continue }
                guard let e = peek else { break }
                advance()
                switch e {
                case "\"": s += "\""
                case "\\": s += "\\"
                case "n": s += "\n"
                case "t": s += "\t"
                case "r": s += "\r"
                case "u", "U":
                    let n = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<n { if let h = peek { hex.unicodeScalars.append(h); advance() } }
                    guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else { throw error("bad \\\(e) escape") }
                    s.unicodeScalars.append(scalar)
                default: throw error("unknown escape \\\(e)")
                }
            }
            guard peek == "\"" else { throw error("unterminated string") }
            advance()
            return s
        }
    }
}
