import CLibXML2

/// The members of a DOCX or ODT file, read straight from its bytes: the
/// central directory locates each member, whose compressed bytes are
/// inflated with zlib within their own bounds (a stream that does not end
/// inside them is damaged, never read past). Limits are enforced while
/// inflating, so a ZIP bomb is refused after a few megabytes, not after it
/// has filled the memory: at most `maxMemberBytes` per member, at most
/// `maxInflatedBytes` for all members read, and no more than
/// `maxCompressionRatio` times the member's compressed size once past
/// `ratioCheckAfterBytes`. (ZIPFoundation's reader was dropped: the fuzz
/// test found it trapping on a damaged archive in memory and looping
/// forever on a deflate stream cut short.)
struct ZipContainer {
    struct Member {
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
    }

    private let bytes: [UInt8]
    private let source: String
    /// "DOCX" or "ODT", for messages.
    private let kind: String
    private let limits: ReadLimits
    private var members: [String: Member] = [:]
    private var inflated = 0

    init(bytes: [UInt8], source: String, kind: String, limits: ReadLimits) throws {
        self.bytes = bytes
        self.source = source
        self.kind = kind
        self.limits = limits
        guard let end = ZipContainer.endOfCentralDirectory(bytes) else {
            throw MalkollError.unreadable(path: source, reason: "truncated \(kind) (ZIP central directory missing)")
        }
        guard let members = ZipContainer.centralDirectory(bytes, end: end) else {
            throw MalkollError.unreadable(path: source, reason: "corrupt \(kind) (ZIP central directory unreadable)")
        }
        self.members = members
    }

    /// Whether the member exists.
    func has(_ path: String) -> Bool { members[path] != nil }

    /// The inflated bytes of a member, or nil if the archive has none by that name.
    mutating func read(_ path: String) throws -> [UInt8]? {
        guard let m = members[path] else { return nil }
        let mb = 1_048_576
        let memberLimit = limits.maxMemberBytes
        if m.uncompressedSize > memberLimit {
            throw MalkollError.unreadable(path: source, reason: "\(kind) member \(path) inflates past the \(memberLimit / mb) MB limit (it says \(m.uncompressedSize / mb) MB)")
        }
        guard let data = dataRange(m) else {
            throw MalkollError.unreadable(path: source, reason: "corrupt \(kind) (member \(path) lies outside the file)")
        }
        var out: [UInt8]
        switch m.method {
        case 0:
            out = Array(bytes[data])
        case 8:
            out = try inflate(data, path: path)
        default:
            throw MalkollError.unreadable(path: source, reason: "corrupt \(kind) (member \(path): unsupported compression method \(m.method))")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        if crc != m.crc {
            throw MalkollError.unreadable(path: source, reason: "corrupt \(kind) (member \(path): checksum mismatch)")
        }
        inflated += out.count
        if inflated > limits.maxInflatedBytes {
            throw MalkollError.unreadable(path: source, reason: "\(kind) inflates past the \(limits.maxInflatedBytes / mb) MB limit for all its parts")
        }
        return out
    }

    /// Raw deflate of `range`, bounded by the limits.
    private func inflate(_ range: Range<Int>, path: String) throws -> [UInt8] {
        let mb = 1_048_576
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw MalkollError.internal("zlib would not start")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        let compressed = max(range.count, 1)
        let already = inflated
        return try bytes.withUnsafeBufferPointer { buf -> [UInt8] in
            stream.next_in = UnsafeMutablePointer(mutating: buf.baseAddress! + range.lowerBound)
            stream.avail_in = UInt32(range.count)
            while true {
                let (rc, produced) = chunk.withUnsafeMutableBufferPointer { c -> (Int32, Int) in
                    stream.next_out = c.baseAddress
                    stream.avail_out = UInt32(c.count)
                    let rc = CLibXML2.inflate(&stream, Z_NO_FLUSH)
                    return (rc, c.count - Int(stream.avail_out))
                }
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limits.maxMemberBytes {
                    throw MalkollError.unreadable(path: source, reason: "\(kind) member \(path) inflates past the \(limits.maxMemberBytes / mb) MB limit")
                }
                if already + out.count > limits.maxInflatedBytes {
                    throw MalkollError.unreadable(path: source, reason: "\(kind) inflates past the \(limits.maxInflatedBytes / mb) MB limit for all its parts")
                }
                if out.count > limits.ratioCheckAfterBytes && out.count / compressed > limits.maxCompressionRatio {
                    throw MalkollError.unreadable(path: source, reason: "\(kind) member \(path) inflates more than \(limits.maxCompressionRatio) times its compressed size (a ZIP bomb?)")
                }
                if rc == Z_STREAM_END { return out }
                // Out of input before the end of the stream, or no progress: damaged.
                if rc != Z_OK || (produced == 0 && stream.avail_in == 0) {
                    throw MalkollError.unreadable(path: source, reason: "corrupt \(kind) (member \(path): damaged compressed data)")
                }
            }
        }
    }

    /// Where a member's compressed bytes are, from its local header.
    private func dataRange(_ m: Member) -> Range<Int>? {
        let h = m.localHeader
        guard h >= 0, h + 30 <= bytes.count, ZipContainer.u32(bytes, h) == 0x0403_4B50 else { return nil }
        let start = h + 30 + Int(ZipContainer.u16(bytes, h + 26)) + Int(ZipContainer.u16(bytes, h + 28))
        guard start <= bytes.count, m.compressedSize <= bytes.count - start else { return nil }
        return start..<(start + m.compressedSize)
    }

    /// The offset of the end-of-central-directory record (PK\5\6) in the
    /// last 64 KB + 22 bytes.
    static func endOfCentralDirectory(_ b: [UInt8]) -> Int? {
        guard b.count >= 22 else { return nil }
        var i = b.count - 22
        let stop = max(0, b.count - 65_557)
        while i >= stop {
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x05 && b[i + 3] == 0x06 { return i }
            i -= 1
        }
        return nil
    }

    /// The members listed in the central directory (with ZIP64 sizes and
    /// offsets where the record says so), or nil if it is damaged.
    static func centralDirectory(_ b: [UInt8], end: Int) -> [String: Member]? {
        var count = Int(u16(b, end + 10))
        var offset = Int(u32(b, end + 16))
        // ZIP64: the locator just before the record points at the ZIP64 record.
        if (count == 0xFFFF || offset == 0xFFFF_FFFF), end >= 20, u32(b, end - 20) == 0x0706_4B50 {
            let z = Int(clamping: u64(b, end - 12))
            guard z >= 0, z + 56 <= b.count, u32(b, z) == 0x0606_4B50 else { return nil }
            count = Int(clamping: u64(b, z + 32))
            offset = Int(clamping: u64(b, z + 48))
        }
        var members: [String: Member] = [:]
        var p = offset
        for _ in 0..<count {
            guard p >= 0, p + 46 <= b.count, u32(b, p) == 0x0201_4B50 else { return nil }
            let nameLength = Int(u16(b, p + 28)), extraLength = Int(u16(b, p + 30)), commentLength = Int(u16(b, p + 32))
            guard p + 46 + nameLength + extraLength + commentLength <= b.count else { return nil }
            let name = String(decoding: b[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            var m = Member(method: u16(b, p + 10), crc: u32(b, p + 16), compressedSize: Int(u32(b, p + 20)),
                           uncompressedSize: Int(u32(b, p + 24)), localHeader: Int(u32(b, p + 42)))
            // ZIP64 extra field: the 64-bit values of the fields set to all ones.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd {
                let id = u16(b, e), size = Int(u16(b, e + 2))
                if id == 0x0001 {
                    var q = e + 4
                    if m.uncompressedSize == 0xFFFF_FFFF, q + 8 <= extraEnd { m.uncompressedSize = Int(clamping: u64(b, q)); q += 8 }
                    if m.compressedSize == 0xFFFF_FFFF, q + 8 <= extraEnd { m.compressedSize = Int(clamping: u64(b, q)); q += 8 }
                    if m.localHeader == 0xFFFF_FFFF, q + 8 <= extraEnd { m.localHeader = Int(clamping: u64(b, q)) }
                }
                e += 4 + size
            }
            if members[name] == nil { members[name] = m }
            p += 46 + nameLength + extraLength + commentLength
        }
        return members
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i >= 0, i + 2 <= b.count else { return 0 }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i >= 0, i + 4 <= b.count else { return 0 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    static func u64(_ b: [UInt8], _ i: Int) -> UInt64 {
        UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32
    }
}
