import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An output directory's writes: every file is written under a temporary
/// name in `tmpDir` (same file system) and renamed into place, so a reader
/// (or a rerun after a kill) never sees half a file.
public final class AtomicWriter: @unchecked Sendable {
    public let tmpDir: String
    /// Folders known to exist: most outputs land in a folder already made.
    private var folders = Set<String>()
    private let lock = NSLock()

    public init(tmpDir: String) throws {
        self.tmpDir = tmpDir
        try Self.makeDirectory(tmpDir)
    }

    /// Removes what a killed run left in the temporary folder.
    public func clearLeftovers() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: tmpDir)) ?? [] {
            unlink(tmpDir + "/" + name)
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        let tmp = try temporaryFile()
        try Self.writeAll(fd: tmp.fd, bytes, path: path)
        try commit(tmp, to: path)
    }

    /// A fresh temporary file, open for writing.
    public func temporaryFile() throws -> (fd: Int32, path: String) {
        var template = Array((tmpDir + "/part-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw ArchiveError.cannotWrite(path: tmpDir, reason: String(cString: strerror(errno))) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (fd, path)
    }

    /// Closes the temporary file and renames it to `path` (creating folders).
    public func commit(_ tmp: (fd: Int32, path: String), to path: String) throws {
        fchmod(tmp.fd, 0o644)
        close(tmp.fd)
        let folder = (path as NSString).deletingLastPathComponent
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        if !known {
            try Self.makeDirectory(folder)
            lock.lock(); folders.insert(folder); lock.unlock()
        }
        if rename(tmp.path, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw ArchiveError.cannotWrite(path: path, reason: reason)
        }
    }

    static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { try writeAll(fd: fd, $0, path: path) }
    }

    static func writeAll(fd: Int32, _ buf: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < buf.count {
            let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw ArchiveError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += n
        }
    }

    /// A whole small file, read with plain system calls (FileManager's
    /// `contents(atPath:)` keeps memory per call on Linux: it grew by
    /// 70 MB over 20 000 files).
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        if size == 0 { return [] }
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            count = max(0, DocumentLoader.readFully(fd, buf.baseAddress!, size, at: 0))
        }
        return bytes.count == size ? bytes : nil
    }

    static func makeDirectory(_ path: String) throws {
        if path.isEmpty { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError.cannotWrite(path: path, reason: "cannot create the folder")
        }
    }
}

/// Errors that stop a batch run as a whole (exit 73: output not writable).
public enum ArchiveError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case busy(path: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "\(path): cannot write: \(reason)"
        case let .busy(path): return "\(path): another `malkoll batch` is writing to this folder"
        }
    }
}
