import CICU

/// Decodes the bytes of a plain-text document: UTF-8 (with or without BOM),
/// UTF-16 with BOM, and Windows-1252 when the bytes are not valid UTF-8.
/// Line endings are left as they are: offsets point into this text.
public enum TextDecoding {
    public struct Decoded {
        public var utf16: [UInt16]
        public var encoding: String
        public var warnings: [String]
        public var text: String { String(utf16Units: utf16) }
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
            return Decoded(utf16: units, encoding: encoding, warnings: [])
        }
        // Not valid UTF-8. Mostly UTF-8 with stray bytes (a Latin-1 "ä" pasted
        // into a UTF-8 file): the valid sequences as UTF-8, each stray byte as
        // Windows-1252. Otherwise the whole file is Windows-1252 (a superset
        // of Latin-1's printable range).
        let mixed = decodeMixed(body)
        if mixed.validMultibyte > mixed.strayBytes {
            return Decoded(utf16: mixed.units, encoding: "utf-8+windows-1252",
                           warnings: ["not valid UTF-8 at \(mixed.strayBytes) byte\(mixed.strayBytes == 1 ? "" : "s"); read those as Windows-1252"])
        }
        var units = [UInt16]()
        units.reserveCapacity(body.count)
        for b in body { units.append(windows1252(b)) }
        return Decoded(utf16: units, encoding: "windows-1252",
                       warnings: ["not valid UTF-8; read as Windows-1252"])
    }

    @inline(__always) static func windows1252(_ b: UInt8) -> UInt16 {
        if b >= 0x80 && b < 0xA0 {
            let u = cp1252High[Int(b - 0x80)]
            return u == 0 ? UInt16(b) : u
        }
        return UInt16(b)
    }

    /// UTF-8 where it is valid, Windows-1252 byte by byte where it is not;
    /// with the number of valid multi-byte sequences and of stray bytes.
    static func decodeMixed(_ bytes: ArraySlice<UInt8>) -> (units: [UInt16], validMultibyte: Int, strayBytes: Int) {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count)
        var valid = 0, stray = 0
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { units.append(UInt16(b)); i += 1; continue }
            var need = 0
            var scalar: UInt32 = 0
            var minimum: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; scalar = UInt32(b & 0x1F); minimum = 0x80 }
            else if b & 0xF0 == 0xE0 { need = 2; scalar = UInt32(b & 0x0F); minimum = 0x800 }
            else if b & 0xF8 == 0xF0 { need = 3; scalar = UInt32(b & 0x07); minimum = 0x10000 }
            var ok = need > 0 && i + need < end
            if ok {
                for k in 1...need {
                    let c = bytes[i + k]
                    if c & 0xC0 != 0x80 { ok = false; break }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
            }
            if ok, scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar), let u = Unicode.Scalar(scalar) {
                if u.value > 0xFFFF {
                    let v = u.value - 0x10000
                    units.append(UInt16(0xD800 + (v >> 10)))
                    units.append(UInt16(0xDC00 + (v & 0x3FF)))
                } else {
                    units.append(UInt16(u.value))
                }
                valid += 1
                i += need + 1
            } else {
                units.append(windows1252(b))
                stray += 1
                i += 1
            }
        }
        return (units, valid, stray)
    }

    /// UTF-8 to UTF-16 through ICU (fast, and it rejects invalid UTF-8).
    /// A large text is converted in two halves at once, each straight into
    /// its place: the first half's UTF-16 length is counted from its bytes.
    static func utf8ToUTF16(_ bytes: ArraySlice<UInt8>) -> [UInt16]? {
        if bytes.isEmpty { return [] }
        guard bytes.count < Int(Int32.max) else { return nil }
        return bytes.withUnsafeBufferPointer { src -> [UInt16]? in
            // The second half starts at a lead byte, not inside a sequence.
            let threads = src.count >= Parallelism.minimumUnits ? min(2, Parallelism.maxThreads) : 1
            let halves = Parallelism.pieces(src.count, threads) { src[$0] & 0xC0 != 0x80 }
            let firstLength = halves.count > 1 ? utf16Length(UnsafeBufferPointer(rebasing: src[halves[0]])) : 0
            var failed = false
            // UTF-16 never needs more units than UTF-8 has bytes; ICU fills
            // the buffer, so it is not zeroed first.
            let units = [UInt16](unsafeUninitializedCapacity: src.count) { dst, count in
                var lengths = [Int32](repeating: 0, count: halves.count)
                var codes = [Int32](repeating: 0, count: halves.count)
                lengths.withUnsafeMutableBufferPointer { length in
                    codes.withUnsafeMutableBufferPointer { code in
                        Parallelism.run(halves.count) { k in
                            let part = halves[k]
                            let at = k == 0 ? 0 : firstLength
                            code[k] = src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: src.count) { s in
                                // The first half gets no room for ICU's closing NUL, which would
                                // land on the second half's first unit.
                                mk_utf8_to_utf16(s + part.lowerBound, Int32(part.count), dst.baseAddress! + at,
                                                 Int32(halves.count > 1 && k == 0 ? firstLength : src.count - at), &length[k])
                            }
                        }
                    }
                }
                failed = codes.contains { $0 != 0 } || (halves.count > 1 && Int(lengths[0]) != firstLength)
                count = failed ? 0 : firstLength + Int(lengths.last!)
            }
            return failed ? nil : units
        }
    }

    /// The number of UTF-16 units that valid UTF-8 `bytes` decode to: one
    /// per sequence (every byte but a continuation byte), two for a 4-byte one.
    static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        for b in bytes { n &+= (b & 0xC0 != 0x80 ? 1 : 0) &+ (b >= 0xF0 ? 1 : 0) }
        return n
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
        return Decoded(utf16: units, encoding: littleEndian ? "utf-16le" : "utf-16be", warnings: warnings)
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
