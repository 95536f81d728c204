import Foundation
import Testing
@testable import MalkollCore

@Suite struct DecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try TextDecoding.decode(Array("Målet är nått.".utf8))
        #expect(plain.encoding == "utf-8")
        #expect(plain.text == "Målet är nått.")
        let bom = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Mål".utf8))
        #expect(bom.encoding == "utf-8-bom")
        #expect(bom.text == "Mål")
    }

    @Test func utf16WithBOM() throws {
        var le: [UInt8] = [0xFF, 0xFE]
        for u in "Mål".utf16 { le.append(UInt8(u & 0xFF)); le.append(UInt8(u >> 8)) }
        #expect(try TextDecoding.decode(le).text == "Mål")
        var be: [UInt8] = [0xFE, 0xFF]
        for u in "Mål".utf16 { be.append(UInt8(u >> 8)); be.append(UInt8(u & 0xFF)) }
        let d = try TextDecoding.decode(be)
        #expect(d.text == "Mål")
        #expect(d.encoding == "utf-16be")
    }

    @Test func windows1252WhenNotUTF8() throws {
        // "Målet – nått" in Windows-1252: å = E5, – = 96.
        let bytes: [UInt8] = [0x4D, 0xE5, 0x6C, 0x65, 0x74, 0x20, 0x96, 0x20, 0x6E, 0xE5, 0x74, 0x74]
        let d = try TextDecoding.decode(bytes)
        #expect(d.encoding == "windows-1252")
        #expect(d.text == "Målet – nått")
        #expect(!d.warnings.isEmpty)
    }

    @Test func binaryIsRejected() {
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.decode([0x89, 0x50, 0x4E, 0x47, 0, 0, 1, 2]) }
    }
}

@Suite struct OffsetTests {
    @Test func scalarOffsetsAndLines() {
        let text = "a😀b\r\nc\rd\ne"
        let map = OffsetMap(Array(text.utf16))
        // "b" is at UTF-16 offset 3, scalar offset 2.
        #expect(map.scalarOffset(3) == 2)
        let e = Array(text.utf16).count - 1
        #expect(map.lineColumn(e).line == 4)
        #expect(map.lineColumn(3) == (line: 1, column: 3))
    }

    @Test func sha256MatchesKnownDigest() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

@Suite struct LexiconLoaderTests {
    @Test func malformedRowNamesFileLineAndColumn() {
        let content = "# comment\nword\tclass\nverka för\teffort\nbad\trow\textra\n"
        #expect(throws: LexiconError(file: "cues.tsv", line: 4, column: 9, message: "3 fields, but the header names 2 (word, class)")) {
            try LexiconTable.parse(content, file: "cues.tsv")
        }
    }
}
