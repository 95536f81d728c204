import Foundation
import Testing
@testable import MalkollCore

/// `malkoll report` run as a user runs it: the built binary, real files.
@Suite struct ReportCommandTests {
    static let largestSeed = Paths.seeds.appendingPathComponent("002_7376cd425bd909a6.txt")

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func writesOnePageForSeveralDocuments() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html")
        let seeds = Paths.seedFiles.map(\.path)
        let r = try run(Paths.binary, ["report"] + seeds + ["--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("Sammanfattning av alla dokument"))
        for i in 1...seeds.count { #expect(html.contains("<section class=\"doc\" id=\"d\(i)\">")) }
        // Same input, same bytes.
        let again = try malkoll("report", seeds[0], seeds[1])
        let again2 = try malkoll("report", seeds[0], seeds[1])
        #expect(again.status == 0)
        #expect(again.stdout == again2.stdout)
    }

    /// The bar of issue 5: the largest seed's report stays under 1 MB.
    @Test func largestSeedReportIsUnderOneMegabyte() throws {
        let r = try malkoll("report", Self.largestSeed.path)
        #expect(r.status == 0, "\(r.stderr)")
        let size = r.stdout.utf8.count
        print("report of \(Self.largestSeed.lastPathComponent): \(size) bytes")
        #expect(size < 1_000_000)
    }

    /// A missing input is reported and skipped; the page shows the others and
    /// the exit code is the worst met.
    @Test func goesOnPastABadInput() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html")
        let missing = dir.appendingPathComponent("saknas.txt").path
        let binary = dir.appendingPathComponent("bild.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2, 0, 0, 0, 0]).write(to: binary)
        let r = try run(Paths.binary, ["report", Paths.seedFiles[0].path, binary.path, missing, "-o", out.path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("saknas.txt: cannot open: no such file"))
        #expect(r.stderr.contains("bild.png"))
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains(Paths.seedFiles[0].lastPathComponent))
        #expect(!html.contains("saknas.txt"))

        let unreadable = try run(Paths.binary, ["report", binary.path, "-o", out.path])
        #expect(unreadable.status == 65)
    }

    /// When no input can be read, no file is written at all.
    @Test func noPartialOutput() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html")
        let r = try run(Paths.binary, ["report", dir.appendingPathComponent("saknas.txt").path, "-o", out.path])
        #expect(r.status == 66)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Writing over an earlier report replaces it whole, and leaves no temporary file.
    @Test func overwritesAnEarlierReport() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.html")
        for seed in Paths.seedFiles.prefix(3) {
            let r = try run(Paths.binary, ["report", seed.path, "-o", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try String(contentsOf: out, encoding: .utf8).contains(seed.lastPathComponent))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.html"])
    }

    @Test func usageErrors() throws {
        #expect(try malkoll("report").status == 64)
        #expect(try malkoll("report", "--no-such-flag", Self.largestSeed.path).status == 64)
    }

    @Test func readsStandardInput() throws {
        let text = try Data(contentsOf: Paths.seedFiles[0])
        let r = try malkoll("report", "-", "--title", "Prov <1>", stdin: text)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("<h1>Prov &lt;1&gt;</h1>"))
    }
}
