import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the archive knows about one document from earlier runs.
public struct ManifestRecord: Sendable, Equatable {
    public enum Status: String, Sendable { case ok, error }
    public var rel: String
    public var source: String
    public var size: Int
    public var mtime: Int64
    public var sha256: String
    /// `MalkollVersion.string` plus the settings that change the analysis.
    public var analyzer: String
    public var status: Status
    public var goals: Int
    /// Where the rows file splits: its first `jsonlBytes` bytes are goals.jsonl lines, the rest goals.csv rows.
    public var jsonlBytes: Int
    /// For errors: the exit code of spec/cli.md (65, 66, 70) and the reason.
    public var code: Int
    public var reason: String
    /// Timeouts and crashes may pass on another try; read errors will not.
    public var retry: Bool

    public func jsonLine() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("rel"); w.string(rel)
        w.key("source"); w.string(source)
        w.key("size"); w.int(size)
        w.key("mtime"); w.string(String(mtime))
        w.key("sha256"); w.string(sha256)
        w.key("analyzer"); w.string(analyzer)
        w.key("status"); w.string(status.rawValue)
        w.key("goals"); w.int(goals)
        w.key("jsonlBytes"); w.int(jsonlBytes)
        w.key("code"); w.int(code)
        w.key("reason"); w.string(reason)
        w.key("retry"); w.bool(retry)
        w.endObject()
        return w.bytes + [0x0A]
    }

    init?(json: JSONValue) {
        guard let rel = json["rel"]?.string, let source = json["source"]?.string,
              let size = json["size"]?.int, let mtime = json["mtime"]?.string.flatMap({ Int64($0) }),
              let sha = json["sha256"]?.string, let analyzer = json["analyzer"]?.string,
              let status = json["status"]?.string.flatMap(Status.init(rawValue:)) else { return nil }
        self.init(rel: rel, source: source, size: size, mtime: mtime, sha256: sha, analyzer: analyzer, status: status,
                  goals: json["goals"]?.int ?? 0, jsonlBytes: json["jsonlBytes"]?.int ?? 0, code: json["code"]?.int ?? 0,
                  reason: json["reason"]?.string ?? "", retry: json["retry"]?.bool ?? false)
    }

    public init(rel: String, source: String, size: Int, mtime: Int64, sha256: String, analyzer: String,
                status: Status, goals: Int, jsonlBytes: Int = 0, code: Int = 0, reason: String = "", retry: Bool = false) {
        self.rel = rel
        self.source = source
        self.size = size
        self.mtime = mtime
        self.sha256 = sha256
        self.analyzer = analyzer
        self.status = status
        self.goals = goals
        self.jsonlBytes = jsonlBytes
        self.code = code
        self.reason = reason
        self.retry = retry
    }
}

/// The resume log: `DIR/.malkoll/manifest.jsonl`, one record appended per
/// finished document after its outputs are in place. A run killed mid-way
/// leaves at worst a torn last line, which loading ignores; the last
/// record of a document wins. Each run ends by rewriting it compactly.
public final class ResumeManifest {
    public let path: String
    public private(set) var records: [String: ManifestRecord] = [:]
    private var fd: Int32 = -1

    public init(path: String) throws {
        self.path = path
        if let data = AtomicWriter.read(path) {
            for line in data.split(separator: 0x0A) {
                guard let obj = try? JSONValue.parse(Array(line)), let record = ManifestRecord(json: obj) else { continue }
                records[record.rel] = record
            }
        }
        try reopen()
    }

    deinit { if fd >= 0 { close(fd) } }

    private func reopen() throws {
        if fd >= 0 { close(fd) }
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw ArchiveError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        // A torn last line from a killed run must not swallow the next record.
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size > 0 {
            let rfd = open(path, O_RDONLY | O_CLOEXEC)
            var last: UInt8 = 0
            if rfd >= 0 { _ = pread(rfd, &last, 1, st.st_size - 1); close(rfd) }
            if last != 0x0A { try AtomicWriter.writeAll(fd: fd, [0x0A], path: path) }
        }
    }

    /// Appends one record (a single write: a kill cannot split it in practice,
    /// and a torn line is skipped on load anyway).
    public func append(_ record: ManifestRecord) throws {
        records[record.rel] = record
        try AtomicWriter.writeAll(fd: fd, record.jsonLine(), path: path)
    }

    /// Rewrites the log with one line per document, sorted.
    public func compact(using writer: AtomicWriter) throws {
        let tmp = try writer.temporaryFile()
        for rel in records.keys.sorted() { try AtomicWriter.writeAll(fd: tmp.fd, records[rel]!.jsonLine(), path: tmp.path) }
        try writer.commit(tmp, to: path)
        try reopen()
    }
}
