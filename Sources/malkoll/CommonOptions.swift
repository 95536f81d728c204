import ArgumentParser
import Foundation
import MalkollCore

/// Options every document command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of lexicons to use instead of the bundled ones.")
    var lexicons: String?

    func loadLexicons() throws -> Lexicons {
        if let lexicons { return try Lexicons.at(lexicons) }
        return try Lexicons.defaultSet()
    }
}

/// Writes requested output to stdout or, with a path, atomically to a file
/// (a temporary name renamed into place: never half a file).
enum Output {
    /// Writes to standard output; a failed write (a full disk, a closed
    /// pipe) is an error, not a silently short output.
    static func writeStandardOutput(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if bytes.isEmpty { return }
        if fwrite(bytes.baseAddress!, 1, bytes.count, stdout) < bytes.count {
            throw MalkollError.cannotWrite(path: "<stdout>", reason: String(cString: strerror(errno)))
        }
    }

    static func flushStandardOutput() throws {
        if fflush(stdout) != 0 || ferror(stdout) != 0 {
            throw MalkollError.cannotWrite(path: "<stdout>", reason: String(cString: strerror(errno)))
        }
    }

    static func write(_ bytes: [UInt8], to path: String?) throws {
        if let path, path != "-" {
            let url = URL(fileURLWithPath: path)
            let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            do {
                try Data(bytes).write(to: tmp)
                // rename(2) replaces an existing file atomically (Foundation's
                // replaceItemAt fails on Linux and leaves neither file behind).
                guard rename(tmp.path, url.path) == 0 else {
                    throw MalkollError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
                }
            } catch let e as MalkollError {
                try? FileManager.default.removeItem(at: tmp)
                throw e
            } catch {
                try? FileManager.default.removeItem(at: tmp)
                throw MalkollError.cannotWrite(path: path, reason: error.localizedDescription)
            }
        } else {
            try bytes.withUnsafeBufferPointer { try writeStandardOutput($0) }
            try flushStandardOutput()
        }
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Runs a command body, turning MalkollError and lexicon errors into the
/// one-line message and exit code of spec/cli.md.
func runReporting(_ body: () throws -> Int32) throws {
    let code: Int32
    do {
        code = try body()
    } catch let e as MalkollError {
        Output.error("malkoll: \(e.description)")
        code = e.exitCode
    } catch let e as LexiconError {
        Output.error("malkoll: lexicon error: \(e.description)")
        code = 65
    }
    if code != 0 { throw ExitCode(code) }
}
