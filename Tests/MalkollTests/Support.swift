import Foundation
import Testing
@testable import MalkollCore

/// Where tests find things: the checkout, its Corpus/, ../shared beside it
/// (CI has it there), and the built `malkoll` binary.
enum Paths {
    static let repo: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repo.appendingPathComponent("Corpus")
    static let seeds = corpus.appendingPathComponent("seeds")
    static let gold = corpus.appendingPathComponent("gold")
    static let lexicons = repo.appendingPathComponent("Lexicons/sv")
    /// ../shared beside the checkout, or $MALKOLL_SHARED.
    static var shared: URL? {
        if let env = ProcessInfo.processInfo.environment["MALKOLL_SHARED"] { return URL(fileURLWithPath: env) }
        let url = repo.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
    /// The `malkoll` executable built beside the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("malkoll")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repo.appendingPathComponent(".build/debug/malkoll")
    }
    static var seedFiles: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built binary (or another program) and captures its output.
@discardableResult
func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let inPipe = Pipe()
    p.standardInput = inPipe
    try p.run()
    if let stdin { inPipe.fileHandleForWriting.write(stdin) }
    try? inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a large output cannot block the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    p.waitUntilExit()
    return RunResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

func malkoll(_ arguments: String..., stdin: Data? = nil) throws -> RunResult {
    try run(Paths.binary, arguments, stdin: stdin)
}

/// A document built from text, run through the language layer.
func segmented(_ text: String) throws -> Document {
    let doc = try DocumentLoader.load(bytes: Array(text.utf8), source: "test")
    try LanguagePipeline(lexicons: Lexicons(directory: Paths.lexicons)).run(doc)
    return doc
}
