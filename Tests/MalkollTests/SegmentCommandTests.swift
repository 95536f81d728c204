import Foundation
import Testing
@testable import MalkollCore

/// `malkoll segment` as `spec/cli.md` says: formats, `-` for standard
/// input, exit codes 66 (missing file) and 65 (not text) with one clear line.
@Suite struct SegmentCommandTests {
    @Test func jsonSpansAreUnicodeScalarOffsets() throws {
        let r = try malkoll("segment", "--format", "json", "-", stdin: Data("Mål 😀 nådda t.ex. i år.\n".utf8))
        #expect(r.status == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: [[Int]]]
        let tokens = try #require(obj?["tokens"])
        let scalars = Array("Mål 😀 nådda t.ex. i år.\n".unicodeScalars)
        let words = tokens.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
        #expect(words == ["Mål", "😀", "nådda", "t.ex.", "i", "år", "."])
        #expect(obj?["sentences"] == [[0, 23]])
    }

    @Test func textFormatIsOneSentencePerLine() throws {
        let r = try malkoll("segment", "-", stdin: Data("Vi ska växa. Det är bra.\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "Vi ska växa .\nDet är bra .\n")
        let layout = try malkoll("segment", "--format", "layout", "-", stdin: Data("Rubrik\n\nText här.\n".utf8))
        #expect(layout.stdout.hasPrefix("heading(1) 1:1-1:7 Rubrik\nparagraph 3:1-3:10 Text här.\n"))
    }

    @Test func fileAndOutputOption() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-seg-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.txt")
        try "Kommunen ska växa.".write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.json")
        let r = try malkoll("segment", "--format", "json", input.path, "--output", out.path)
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == "{\"sentences\":[[0,18]],\"tokens\":[[0,8],[9,12],[13,17],[17,18]]}\n")
    }

    @Test func missingFileIs66() throws {
        let r = try malkoll("segment", "/nonexistent/plan.txt")
        #expect(r.status == 66)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("/nonexistent/plan.txt"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func binaryFileIs65() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-bin-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("image.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).write(to: file)
        for format in ["json", "text"] {
            let r = try malkoll("segment", "--format", format, file.path)
            #expect(r.status == 65)
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains(file.path) && r.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test func unknownFormatIsUsageError() throws {
        let r = try malkoll("segment", "--format", "xml", "-", stdin: Data())
        #expect(r.status == 64)
    }
}
