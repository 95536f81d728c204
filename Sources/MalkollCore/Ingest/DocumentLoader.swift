import Foundation

/// Limits that keep a hostile input from taking the machine: documented in
/// the README, each enforced where the input is read.
public struct ReadLimits: Sendable {
    /// Largest input file read at all.
    public var maxFileBytes = 256 * 1024 * 1024
    public init() {}
}

/// Reads an input (a path, or "-" for standard input) into a `Document`:
/// the bytes, the format detected from the content, the decoded or
/// extracted text, and, for structured formats, its layout blocks.
public enum DocumentLoader {
    public static func readBytes(path: String, limits: ReadLimits = ReadLimits()) throws -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if data.count > limits.maxFileBytes {
                throw MalkollError.unreadable(path: "<stdin>", reason: "larger than the \(limits.maxFileBytes / 1_048_576) MB input limit")
            }
            return [UInt8](data)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw MalkollError.cannotOpen(path: path, reason: "no such file")
        }
        if isDir.boolValue { throw MalkollError.unreadable(path: path, reason: "is a directory, not a document") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw MalkollError.cannotOpen(path: path, reason: "permission denied or not readable")
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > limits.maxFileBytes {
            throw MalkollError.unreadable(path: path, reason: "larger than the \(limits.maxFileBytes / 1_048_576) MB input limit")
        }
        let data = handle.readDataToEndOfFile()
        return [UInt8](data)
    }

    /// Reads and decodes one input.
    public static func load(path: String, limits: ReadLimits = ReadLimits()) throws -> Document {
        let bytes = try readBytes(path: path, limits: limits)
        return try load(bytes: bytes, source: path, limits: limits)
    }

    public static func load(bytes: [UInt8], source: String, limits: ReadLimits = ReadLimits()) throws -> Document {
        let sha = SHA256.hex(bytes)
        let decoded: TextDecoding.Decoded
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch let TextDecoding.Failure.notText(reason) {
            throw MalkollError.unreadable(path: source, reason: reason)
        }
        let doc = Document(source: source, sha256: sha, format: .text, encoding: decoded.encoding,
                           text: decoded.text, utf16: decoded.utf16)
        doc.warnings = decoded.warnings
        return doc
    }
}
