import Foundation
import Testing
@testable import MalkollCore
#if canImport(Glibc)
import Glibc
#endif

/// A scratch folder removed at the end of the test.
final class ScratchDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ rel: String) -> String { url.appendingPathComponent(rel).path }
    func write(_ rel: String, _ bytes: [UInt8]) throws {
        let u = url.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: u)
    }
}

enum BatchFixture {
    /// A document that passes the content sniff (UTF-16 BOM) but cannot be read (NUL characters).
    static let unreadable: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]

    /// `count` distinct small documents: the seeds, each with its number appended, in two folders.
    static func archive(in dir: ScratchDir, count: Int) throws {
        let seeds = try Paths.seedFiles.map { try [UInt8](Data(contentsOf: $0)) }
        for i in 0..<count {
            let folder = i % 2 == 0 ? "a" : "b/c"
            try dir.write("in/\(folder)/doc\(String(format: "%03d", i)).txt", seeds[i % seeds.count] + Array("\nDokument \(i).\n".utf8))
        }
    }

    /// Every file under `root` (relative path -> bytes), the run's private state left out.
    static func files(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            if rel.hasPrefix(".malkoll") { continue }
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: root + "/" + rel)
            }
        }
        return out
    }
}

@Suite(.serialized) struct BatchTests {
    @Test func goodAndBadDocuments() throws {
        let dir = try ScratchDir()
        try BatchFixture.archive(in: dir, count: 4)
        try dir.write("in/a/broken.txt", BatchFixture.unreadable)
        try dir.write("in/a/picture.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        try dir.write("in/a/.hidden.txt", Array("Kommunen ska bygga 100 bostäder.".utf8))
        let r = try malkoll("batch", dir.path("in"), "--out", dir.path("out"), "--jobs", "2")
        #expect(r.status == 0, "\(r.stderr)")
        let files = BatchFixture.files(dir.path("out"))
        for i in 0..<4 {
            let rel = (i % 2 == 0 ? "a" : "b/c") + "/doc\(String(format: "%03d", i)).txt.json"
            let json = try #require(files[rel], "missing \(rel)")
            let obj = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect(obj["schema"] as? String == Analysis.schema)
        }
        #expect(files["a/broken.txt.json"] == nil)
        #expect(files["a/picture.png.json"] == nil)
        #expect(files["a/.hidden.txt.json"] == nil)
        let errors = String(decoding: try #require(files["errors.jsonl"]), as: UTF8.self)
        let lines = errors.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("broken.txt") == true)
        #expect(lines.first?.contains("\"code\":65") == true)
        #expect(String(decoding: try #require(files["goals.csv"]), as: UTF8.self).hasPrefix("source,id,"))
        #expect(files["goals.jsonl"] != nil)
        #expect(r.stderr.contains("5 documents (4 analysed, 0 unchanged, 1 failed)"))

        // A rerun reads nothing again; a changed document alone is redone.
        let again = try malkoll("batch", dir.path("in"), "--out", dir.path("out"))
        #expect(again.stderr.contains("5 documents (0 analysed, 5 unchanged, 0 failed)"), "\(again.stderr)")
        try dir.write("in/a/doc000.txt", Array("Kommunen ska bygga 100 nya bostäder till 2030.\n".utf8))
        let third = try malkoll("batch", dir.path("in"), "--out", dir.path("out"))
        #expect(third.stderr.contains("(1 analysed, 4 unchanged, 0 failed)"), "\(third.stderr)")
        let untouched = { (all: [String: Data]) in all.filter { $0.key.hasSuffix(".txt.json") && $0.key != "a/doc000.txt.json" } }
        #expect(untouched(BatchFixture.files(dir.path("out"))) == untouched(files))
    }

    @Test func documentOverTheTimeLimitIsStoppedAndReported() throws {
        let dir = try ScratchDir()
        try BatchFixture.archive(in: dir, count: 2)
        let r = try malkoll("batch", dir.path("in"), "--out", dir.path("out"), "--jobs", "1", "--timeout", "0.000001")
        #expect(r.status == 0, "\(r.stderr)")
        let errors = String(decoding: FileManager.default.contents(atPath: dir.path("out/errors.jsonl")) ?? Data(), as: UTF8.self)
        #expect(errors.split(separator: "\n").count == 2)
        #expect(errors.contains("took longer than"))
        // Timeouts are tried again on the next run.
        let again = try malkoll("batch", dir.path("in"), "--out", dir.path("out"))
        #expect(again.stderr.contains("(2 analysed, 0 unchanged, 0 failed)"), "\(again.stderr)")
    }

    @Test func killedRunsResumeToTheCleanResult() throws {
        let dir = try ScratchDir()
        try BatchFixture.archive(in: dir, count: 30)
        let start = Date()
        let clean = try malkoll("batch", dir.path("in"), "--out", dir.path("clean"), "--db", dir.path("clean.sqlite"), "--jobs", "2")
        #expect(clean.status == 0)
        let duration = Date().timeIntervalSince(start)
        // Kill at moments spread over a clean run's length, then finish.
        for fraction in [0.15, 0.4, 0.7] {
            let p = Process()
            p.executableURL = Paths.binary
            p.arguments = ["batch", dir.path("in"), "--out", dir.path("killed"), "--db", dir.path("killed.sqlite"), "--jobs", "2"]
            p.standardError = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(duration * fraction * 1_000_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        let resumed = try malkoll("batch", dir.path("in"), "--out", dir.path("killed"), "--db", dir.path("killed.sqlite"), "--jobs", "2")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let want = BatchFixture.files(dir.path("clean")), got = BatchFixture.files(dir.path("killed"))
        #expect(want.keys.sorted() == got.keys.sorted())
        for (rel, bytes) in want { #expect(got[rel] == bytes, "\(rel) differs") }
        let a = try ArchiveDatabase(path: dir.path("clean.sqlite"), readOnly: true).canonicalDump()
        let b = try ArchiveDatabase(path: dir.path("killed.sqlite"), readOnly: true).canonicalDump()
        #expect(a == b)
        #expect(a.split(separator: "\n").filter { $0.hasPrefix("documents\t") }.count == 30)
    }

    @Test func interruptStopsAfterDocumentsInFlight() throws {
        let dir = try ScratchDir()
        try BatchFixture.archive(in: dir, count: 30)
        let p = Process()
        p.executableURL = Paths.binary
        p.arguments = ["batch", dir.path("in"), "--out", dir.path("out"), "--jobs", "2"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        usleep(30_000)
        kill(p.processIdentifier, SIGINT)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect([0, 130].contains(p.terminationStatus), "\(message)")
        // Whatever was done is whole, and the aggregates list exactly it.
        let files = BatchFixture.files(dir.path("out"))
        for (rel, data) in files where rel.hasSuffix(".txt.json") {
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(rel) is not whole")
        }
        let finish = try malkoll("batch", dir.path("in"), "--out", dir.path("out"))
        #expect(finish.status == 0)
        #expect(BatchFixture.files(dir.path("out")).keys.filter { $0.hasSuffix(".txt.json") }.count == 30)
    }

    @Test func sniffingKeepsDocumentsAndPassesOverBinaries() {
        #expect(FormatSniffer.looksLikeDocument(head: Array("Kommunen ska".utf8)))
        #expect(FormatSniffer.looksLikeDocument(head: Array("%PDF-1.7\n".utf8)))
        #expect(FormatSniffer.looksLikeDocument(head: [0xFF, 0xFE, 0x41, 0x00]))
        #expect(FormatSniffer.looksLikeDocument(head: [0x50, 0x4B, 0x03, 0x04] + Array("....[Content_Types].xml".utf8)))
        #expect(FormatSniffer.looksLikeDocument(head: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) // refused with a reason
        #expect(!FormatSniffer.looksLikeDocument(head: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]))
        #expect(!FormatSniffer.looksLikeDocument(head: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]))
    }
}
