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
    static func write(_ bytes: [UInt8], to path: String?) throws {
        if let path, path != "-" {
            let url = URL(fileURLWithPath: path)
            let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
            do {
                try Data(bytes).write(to: tmp)
                // rename(2) replaces an existing file atomically (Foundation's
                // replaceItemAt fails on Linux and leaves neither file behind).
                guard rename(tmp.path, url.path) == 0 else {
                    throw MalkollError.cannotOpen(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
                }
            } catch {
                try? FileManager.default.removeItem(at: tmp)
                throw MalkollError.cannotOpen(path: path, reason: "cannot write: \(error.localizedDescription)")
            }
        } else {
            bytes.withUnsafeBufferPointer { buf in
                var offset = 0
                while offset < buf.count {
                    let n = fwrite(buf.baseAddress! + offset, 1, buf.count - offset, stdout)
                    if n <= 0 { break }
                    offset += n
                }
            }
            fflush(stdout)
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
