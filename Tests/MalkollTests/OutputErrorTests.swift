import Foundation
import Testing
@testable import MalkollCore

/// An output that cannot be written (a full disk, a missing folder) ends the
/// command with 73 and one line naming it, never with a silently short output.
@Suite struct OutputErrorTests {
    /// Runs malkoll with standard output on `/dev/full` (every write fails with ENOSPC).
    static func toFullDisk(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = Paths.binary
        p.arguments = arguments
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        p.standardError = err
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, message)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")),
          arguments: [["segment", "--format", "json"], ["segment"], ["analyze", "--format", "json"]])
    func fullStandardOutputIs73(_ command: [String]) throws {
        let seed = Paths.seedFiles[0].path
        let r = try Self.toFullDisk(command + [seed])
        #expect(r.status == 73)
        #expect(r.stderr == "malkoll: <stdout>: cannot write: No space left on device\n")
    }

    @Test func missingOutputFolderIs73() throws {
        let r = try malkoll("analyze", Paths.seedFiles[0].path, "-o", "/nonexistent-folder/out.json")
        #expect(r.status == 73)
        #expect(r.stderr.hasPrefix("malkoll: /nonexistent-folder/out.json: cannot write: "))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
