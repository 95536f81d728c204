extension String {
    /// A string from UTF-16 code units, transcoded to UTF-8 in one tight
    /// loop. The standard library's `String(decoding:as: UTF16.self)` takes a
    /// scalar-by-scalar slow path that cost a fifth of reading a large DOCX.
    /// Unpaired surrogates become U+FFFD, as there.
    init(utf16Units u: UnsafeBufferPointer<UInt16>) {
        if u.isEmpty { self = ""; return }
        self.init(unsafeUninitializedCapacity: u.count * 3) { out in
            var o = 0
            var i = 0
            let n = u.count
            while i < n {
                let c = UInt32(u[i])
                i += 1
                if c < 0x80 {
                    out[o] = UInt8(c); o += 1
                } else if c < 0x800 {
                    out[o] = UInt8(0xC0 | (c >> 6)); out[o + 1] = UInt8(0x80 | (c & 0x3F)); o += 2
                } else if c >= 0xD800 && c < 0xDC00 && i < n && u[i] >= 0xDC00 && u[i] < 0xE000 {
                    let s = 0x10000 + ((c - 0xD800) << 10) + (UInt32(u[i]) - 0xDC00)
                    i += 1
                    out[o] = UInt8(0xF0 | (s >> 18)); out[o + 1] = UInt8(0x80 | ((s >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((s >> 6) & 0x3F)); out[o + 3] = UInt8(0x80 | (s & 0x3F)); o += 4
                } else {
                    let v = (c >= 0xD800 && c < 0xE000) ? 0xFFFD : c
                    out[o] = UInt8(0xE0 | (v >> 12)); out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (v & 0x3F)); o += 3
                }
            }
            return o
        }
    }

    init(utf16Units units: [UInt16]) {
        self = units.withUnsafeBufferPointer { String(utf16Units: $0) }
    }
}
