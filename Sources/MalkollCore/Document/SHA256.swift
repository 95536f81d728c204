import CLibCrypto

/// SHA-256 fingerprints of inputs, through the system's libcrypto (OpenSSL):
/// a 20 MB input hashes in a few milliseconds where portable code took a
/// tenth of the whole analysis.
public enum SHA256 {
    /// Lower-case hex digest of `bytes`.
    public static func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let empty: [UInt8] = [0]
        let ok = digest.withUnsafeMutableBufferPointer { out in
            empty.withUnsafeBufferPointer { e in
                EVP_Digest(bytes.baseAddress ?? e.baseAddress, bytes.count, out.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest fails only without memory for its context.
        precondition(ok == 1 && length == 32, "libcrypto could not compute SHA-256")
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in digest.prefix(32) {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case hex digest of `bytes`.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hex($0) }) { return digest }
        return Array(bytes).withUnsafeBufferPointer { hex($0) }
    }
}
