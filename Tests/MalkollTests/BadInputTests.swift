import Foundation
import Testing
@testable import MalkollCore

/// Every kind of bad input ends in the documented exit code and a one-line
/// message naming the file and the reason (spec/cli.md): 65 for an input
/// that cannot be read as a document, 66 for one that cannot be opened, 0
/// for an empty file. Time and memory are measured in
/// scripts/bench-ingest.sh, not here.
@Suite(.serialized) struct BadInputTests {
    static let bad = Paths.corpus.appendingPathComponent("bad")

    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var status: Int32
        var message: String
        var description: String { file }
    }

    static let cases: [Case] = [
        Case(file: "empty.txt", status: 0, message: ""),
        Case(file: "random.bin", status: 65, message: "not a text file"),
        Case(file: "invalid-utf8.txt", status: 0, message: "warning: not valid UTF-8; read as Windows-1252"),
        Case(file: "mixed-utf8.txt", status: 0, message: "warning: not valid UTF-8 at 1 byte; read those as Windows-1252"),
        Case(file: "truncated.docx", status: 65, message: "truncated DOCX (ZIP central directory missing)"),
        Case(file: "truncated.pdf", status: 65, message: "damaged or not a PDF"),
        Case(file: "fake.pdf", status: 65, message: "damaged or not a PDF"),
        Case(file: "scanned.pdf", status: 65, message: "no text layer; OCR it first"),
        Case(file: "billion-laughs.docx", status: 65, message: "word/document.xml"),
        Case(file: "external-entity.docx", status: 65, message: "has a DOCTYPE"),
        Case(file: "billion-laughs.html", status: 0, message: "entities are never expanded"),
        Case(file: "external-entity.html", status: 0, message: "entities are never expanded"),
    ]

    @Test(arguments: cases) func committedBadInput(_ c: Case) throws {
        let path = Self.bad.appendingPathComponent(c.file).path
        let r = try malkoll("segment", path)
        #expect(r.status == c.status, "\(c.file): \(r.stderr)")
        if c.message.isEmpty {
            #expect(r.stderr.isEmpty)
        } else {
            #expect(r.stderr.contains(path) && r.stderr.contains(c.message), "\(r.stderr)")
            // One line per problem.
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        if c.status != 0 { #expect(r.stdout.isEmpty) }
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        let doc = try DocumentLoader.load(path: Self.bad.appendingPathComponent("invalid-utf8.txt").path)
        #expect(doc.encoding == "windows-1252")
        #expect(doc.text.contains("minska utsläppen med 40 procent") && doc.text.contains("förvaltningar"))
        let mixed = try DocumentLoader.load(path: Self.bad.appendingPathComponent("mixed-utf8.txt").path)
        #expect(mixed.encoding == "utf-8+windows-1252")
        #expect(mixed.text.hasPrefix("Målet är att öka andelen förnybar energi är till 2030."))
    }

    @Test func entitiesAreNeverExpandedNorLoaded() throws {
        for file in ["billion-laughs.html", "external-entity.html"] {
            let doc = try DocumentLoader.load(path: Self.bad.appendingPathComponent(file).path)
            #expect(!doc.text.contains("lollol") && !doc.text.contains("root:"))
            #expect(doc.text.utf16.count < 200)
        }
        for file in ["billion-laughs.docx", "external-entity.docx"] {
            #expect(throws: MalkollError.self) { try DocumentLoader.load(path: Self.bad.appendingPathComponent(file).path) }
        }
        // Not even through a DOCX that declares no DOCTYPE but names an external DTD by reference.
        let xml = #"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:xi="http://www.w3.org/2001/XInclude"><w:body><w:p><w:r><w:t>Text</w:t></w:r><xi:include href="file:///etc/passwd" parse="text"/></w:p></w:body></w:document>"#
        let doc = try DocumentLoader.load(bytes: TestZip.stored([("word/document.xml", Array(xml.utf8))]), source: "xinclude.docx")
        #expect(doc.text == "Text")
    }

    @Test func directoryAndMissingFile() throws {
        let dir = try #require(Self.bad.path as String?)
        let r = try malkoll("segment", dir)
        #expect(r.status == 65 && r.stderr.contains("is a directory"))
        let missing = try malkoll("segment", dir + "/no-such-file.docx")
        #expect(missing.status == 66 && missing.stderr.contains("no such file"))
    }

    /// A DOCX whose document.xml inflates to gigabytes: refused while
    /// inflating, whether its header tells the size or lies about it.
    @Test func zipBombIsRefusedWhileInflating() throws {
        func part(_ n: String) throws -> [UInt8] {
            [UInt8](try Data(contentsOf: Self.bad.appendingPathComponent("zip-bomb-\(n).deflate")))
        }
        let head = try part("head"), mib = try part("mib"), tail = try part("tail")
        func bomb(mebibytes: Int) -> [UInt8] {
            var stream = head
            stream.reserveCapacity(head.count + mebibytes * mib.count + tail.count)
            for _ in 0..<mebibytes { stream += mib }
            return stream + tail
        }
        let big = bomb(mebibytes: 4000) // 3.9 GiB of spaces
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-bomb-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The header tells the truth: refused before inflating.
        let honest = dir.appendingPathComponent("honest.docx")
        try Data(TestZip.deflated("word/document.xml", stream: big, declaredSize: UInt32(4000 << 20))).write(to: honest)
        let r1 = try malkoll("segment", honest.path)
        #expect(r1.status == 65 && r1.stderr.contains("inflates past the 128 MB limit"), "\(r1.stderr)")
        // The header lies: refused once the inflated bytes pass the limit.
        let liar = dir.appendingPathComponent("liar.docx")
        try Data(TestZip.deflated("word/document.xml", stream: big, declaredSize: 2000)).write(to: liar)
        let r2 = try malkoll("segment", liar.path)
        #expect(r2.status == 65 && r2.stderr.contains("inflates"), "\(r2.stderr)")
        // A smaller bomb trips the ratio limit first.
        let dense = TestZip.deflated("word/document.xml", stream: bomb(mebibytes: 60), declaredSize: 2000)
        #expect(throws: MalkollError.unreadable(path: "dense.docx", reason: "DOCX member word/document.xml inflates more than 200 times its compressed size (a ZIP bomb?)")) {
            try DocumentLoader.load(bytes: dense, source: "dense.docx")
        }
    }

    @Test func htmlNested100000Deep() throws {
        let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "Mål" + String(repeating: "</div>", count: 100_000) + "</body></html>"
        #expect(throws: MalkollError.unreadable(path: "deep.html", reason: "HTML nests deeper than 256 levels")) {
            try DocumentLoader.load(bytes: Array(deep.utf8), source: "deep.html")
        }
        // Inline elements nest too.
        let spans = "<html><body><p>" + String(repeating: "<b><i>", count: 50_000) + "text</p></body></html>"
        #expect(throws: MalkollError.self) { try DocumentLoader.load(bytes: Array(spans.utf8), source: "spans.html") }
        // XML nesting in a DOCX.
        let xml = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"# + String(repeating: "<w:sdt>", count: 100_000)
        #expect(throws: MalkollError.self) {
            try DocumentLoader.load(bytes: TestZip.stored([("word/document.xml", Array(xml.utf8))]), source: "deep.docx")
        }
    }

    /// A 50 MB line without a space is one (long) token, not a hang.
    @Test func fiftyMegabyteLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("malkoll-line-\(getpid()).txt")
        try Data(repeating: 0x61, count: 50_000_000).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try malkoll("segment", "--format", "json", file.path)
        #expect(r.status == 0)
        #expect(r.stdout.contains("[[0,50000000]]"))
    }

    /// Bytes that only look like a document format are refused by content.
    @Test func lookalikesAreRefused() throws {
        let cases: [([UInt8], String)] = [
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 100), "legacy Office file"),
            (Array("{\\rtf1\\ansi Hej}".utf8), "RTF"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "an image"),
            (TestZip.stored([("data.csv", Array("a,b".utf8))]), "neither DOCX nor ODT"),
            (TestZip.stored([("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8))]), "not a text document"),
        ]
        for (bytes, reason) in cases {
            do {
                _ = try DocumentLoader.load(bytes: bytes, source: "x.docx")
                Issue.record("accepted: \(reason)")
            } catch let MalkollError.unreadable(_, why) {
                #expect(why.contains(reason), "\(why)")
            }
        }
    }
}
