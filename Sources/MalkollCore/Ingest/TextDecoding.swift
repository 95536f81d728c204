import CICU

/// Decodes the bytes of a plain-text document: UTF-8 (with or without BOM),
/// UTF-16 with BOM, and Windows-1252 when the bytes are not valid UTF-8.
/// Line endings are left as they are: offsets point into this text.
public enum TextDecoding {
    public struct Decoded {
        public var text: String
        public var utf16: [UInt16]
        public var encoding: String
        public var warnings: [String]
    }

    public enum Failure: Error, Equatable {
        /// Binary data, not text; the reason says why.
        case notText(String)
    }

    /// Windows-1252's 0x80...0x9F (0 where the code page leaves a hole).
    private static let cp1252High: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    public static func decode(_ bytes: [UInt8]) throws -> Decoded {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return try decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF)
        }
        var body = bytes[...]
        var encoding = "utf-8"
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            body = bytes[3...]
            encoding = "utf-8-bom"
        }
        if let reason = binaryReason(body) { throw Failure.notText(reason) }
        if let units = utf8ToUTF16(body) {
            let text = String(decoding: body, as: UTF8.self)
            return Decoded(text: text, utf16: units, encoding: encoding, warnings: [])
        }
        // Not valid UTF-8: Windows-1252 (a superset of Latin-1's printable range).
        var units = [UInt16]()
        units.reserveCapacity(body.count)
        for b in body {
            if b >= 0x80 && b < 0xA0 {
                let u = cp1252High[Int(b - 0x80)]
                units.append(u == 0 ? UInt16(b) : u)
            } else {
                units.append(UInt16(b))
            }
        }
        let text = String(decoding: units, as: UTF16.self)
        return Decoded(text: text, utf16: units, encoding: "windows-1252",
                       warnings: ["not valid UTF-8; read as Windows-1252"])
    }

    /// UTF-8 to UTF-16 through ICU (fast, and it rejects invalid UTF-8).
    static func utf8ToUTF16(_ bytes: ArraySlice<UInt8>) -> [UInt16]? {
        if bytes.isEmpty { return [] }
        guard bytes.count < Int(Int32.max) else { return nil }
        var units = [UInt16](repeating: 0, count: bytes.count)
        var length: Int32 = 0
        let rc = bytes.withUnsafeBufferPointer { src in
            units.withUnsafeMutableBufferPointer { dst in
                src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: src.count) { s in
                    mk_utf8_to_utf16(s, Int32(src.count), dst.baseAddress, Int32(dst.count), &length)
                }
            }
        }
        guard rc == 0 else { return nil }
        units.removeLast(units.count - Int(length))
        return units
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) throws -> Decoded {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                                      : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        var warnings: [String] = []
        if bytes.count % 2 == 1 { warnings.append("odd number of bytes in UTF-16; last byte ignored") }
        // Unpaired surrogates become U+FFFD so that String and utf16 agree.
        var repaired = false
        var k = 0
        while k < units.count {
            let u = units[k]
            if u >= 0xD800 && u < 0xDC00 {
                if k + 1 < units.count, units[k + 1] >= 0xDC00, units[k + 1] < 0xE000 { k += 2; continue }
                units[k] = 0xFFFD; repaired = true
            } else if u >= 0xDC00 && u < 0xE000 {
                units[k] = 0xFFFD; repaired = true
            }
            k += 1
        }
        if repaired { warnings.append("unpaired UTF-16 surrogates replaced with U+FFFD") }
        if units.contains(0) { throw Failure.notText("contains NUL characters") }
        let text = String(decoding: units, as: UTF16.self)
        return Decoded(text: text, utf16: units, encoding: littleEndian ? "utf-16le" : "utf-16be", warnings: warnings)
    }

    /// Why `bytes` look like binary data rather than text, or nil.
    static func binaryReason(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.isEmpty { return nil }
        let sample = bytes.prefix(65536)
        var controls = 0
        for b in sample {
            if b == 0 { return "not a text file (contains NUL bytes)" }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
        }
        if controls * 20 > sample.count { return "not a text file (too many control characters)" }
        return nil
    }
}
