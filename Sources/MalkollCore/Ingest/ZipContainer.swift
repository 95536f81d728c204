import Foundation
import ZIPFoundation

/// The members of a DOCX or ODT file, read with limits enforced while they
/// inflate (a ZIP bomb is refused after a few megabytes, not after it has
/// filled the memory): at most `maxMemberBytes` per member, at most
/// `maxInflatedBytes` for all members read, and no more than
/// `maxCompressionRatio` times the member's compressed size once it has
/// passed `ratioCheckAfterBytes`.
struct ZipContainer {
    private let archive: Archive
    private let source: String
    /// "DOCX" or "ODT", for messages.
    private let kind: String
    private let limits: ReadLimits
    private var inflated = 0

    init(bytes: [UInt8], source: String, kind: String, limits: ReadLimits) throws {
        self.source = source
        self.kind = kind
        self.limits = limits
        // A file-backed archive, not ZIPFoundation's in-memory one: that one
        // traps when a damaged archive makes it seek past the end of its data
        // (found by the fuzz test). The file is unlinked once open.
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("malkoll-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).zip")
        do {
            try Data(bytes).write(to: tmp)
        } catch {
            throw MalkollError.cannotOpen(path: source, reason: "cannot write a temporary copy (\(error.localizedDescription))")
        }
        defer { try? FileManager.default.removeItem(at: tmp) }
        do {
            archive = try Archive(url: tmp, accessMode: .read)
        } catch {
            let hasEnd = ZipContainer.hasEndOfCentralDirectory(bytes)
            throw MalkollError.unreadable(path: source, reason: hasEnd
                ? "corrupt \(kind) (ZIP central directory unreadable)"
                : "truncated \(kind) (ZIP central directory missing)")
        }
    }

    /// Whether the member exists.
    func has(_ path: String) -> Bool { archive[path] != nil }

    /// The inflated bytes of a member, or nil if the archive has none by that name.
    mutating func read(_ path: String) throws -> [UInt8]? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        let mb = 1_048_576
        let memberLimit = limits.maxMemberBytes
        if entry.uncompressedSize > UInt64(memberLimit) {
            throw MalkollError.unreadable(path: source, reason: "\(kind) member \(path) inflates past the \(memberLimit / mb) MB limit (it says \(entry.uncompressedSize / UInt64(mb)) MB)")
        }
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(memberLimit))))
        let alreadyInflated = inflated
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                out.append(contentsOf: chunk)
                if out.count > memberLimit {
                    throw Overflow.member
                }
                if alreadyInflated + out.count > limits.maxInflatedBytes {
                    throw Overflow.total
                }
                if out.count > limits.ratioCheckAfterBytes && out.count / compressed > limits.maxCompressionRatio {
                    throw Overflow.ratio
                }
            }
        } catch let o as Overflow {
            let reason: String
            switch o {
            case .member: reason = "\(kind) member \(path) inflates past the \(memberLimit / mb) MB limit"
            case .total: reason = "\(kind) inflates past the \(limits.maxInflatedBytes / mb) MB limit for all its parts"
            case .ratio: reason = "\(kind) member \(path) inflates more than \(limits.maxCompressionRatio) times its compressed size (a ZIP bomb?)"
            }
            throw MalkollError.unreadable(path: source, reason: reason)
        } catch {
            throw MalkollError.unreadable(path: source, reason: "corrupt \(kind) (member \(path): \(ZipContainer.describe(error)))")
        }
        inflated += out.count
        return out
    }

    private enum Overflow: Error { case member, total, ratio }

    static func describe(_ error: Error) -> String {
        switch error {
        case Archive.ArchiveError.invalidCRC32: return "checksum mismatch"
        case Archive.ArchiveError.invalidCompressionMethod: return "unsupported compression method"
        case is Archive.ArchiveError: return "unreadable data"
        default: return "damaged compressed data"
        }
    }

    /// The end-of-central-directory signature PK\5\6 in the last 64 KB + 22 bytes.
    static func hasEndOfCentralDirectory(_ bytes: [UInt8]) -> Bool {
        let tail = bytes.suffix(65_557)
        var i = tail.endIndex - 4
        while i >= tail.startIndex {
            if tail[i] == 0x50 && tail[i + 1] == 0x4B && tail[i + 2] == 0x05 && tail[i + 3] == 0x06 { return true }
            i -= 1
        }
        return false
    }
}
