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

    /// Lengths around the 56- and 64-byte padding edges (digests from Python's hashlib).
    @Test func sha256PaddingEdges() {
        let cases: [(Int, String)] = [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
        ]
        for (n, digest) in cases {
            #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: n)) == digest, "length \(n)")
        }
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
