import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The pipe protocol between `batch` and its worker processes: frames of
/// length-prefixed fields (`[u32 count]` then `[u32 length][bytes]` per field),
/// so paths and JSON pass through unescaped.
enum WorkerFrame {
    static func encode(_ fields: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(fields.reduce(8) { $0 + $1.count + 4 })
        appendU32(&out, UInt32(fields.count))
        for f in fields {
            appendU32(&out, UInt32(f.count))
            out += f
        }
        return out
    }

    static func appendU32(_ out: inout [UInt8], _ v: UInt32) {
        out += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    static func u32(_ b: [UInt8]) -> UInt32 {
        UInt32(b[0]) << 24 | UInt32(b[1]) << 16 | UInt32(b[2]) << 8 | UInt32(b[3])
    }

    enum ReadFailure: Error { case closed, timedOut }

    /// Reads one frame; `deadline` (monotonic seconds) bounds the wait.
    static func read(fd: Int32, deadline: Double?) throws -> [[UInt8]] {
        let count = u32(try readExact(fd: fd, 4, deadline: deadline))
        var fields: [[UInt8]] = []
        for _ in 0..<count {
            let n = Int(u32(try readExact(fd: fd, 4, deadline: deadline)))
            fields.append(try readExact(fd: fd, n, deadline: deadline))
        }
        return fields
    }

    static func readExact(fd: Int32, _ n: Int, deadline: Double?) throws -> [UInt8] {
        var buf = [UInt8](repeating: 0, count: n)
        var got = 0
        while got < n {
            if let deadline {
                let left = deadline - monotonicSeconds()
                if left <= 0 { throw ReadFailure.timedOut }
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let r = poll(&p, 1, Int32(min(left * 1000, 1000).rounded(.up)))
                if r < 0 && errno != EINTR { throw ReadFailure.closed }
                if r <= 0 { continue }
            }
            let k = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, n - got) }
            if k < 0 && errno == EINTR { continue }
            if k <= 0 { throw ReadFailure.closed }
            got += k
        }
        return buf
    }

    static func write(fd: Int32, _ fields: [[UInt8]]) -> Bool {
        let bytes = encode(fields)
        var offset = 0
        return bytes.withUnsafeBytes { buf in
            while offset < buf.count {
                let k = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if k < 0 && errno == EINTR { continue }
                if k <= 0 { return false }
                offset += k
            }
            return true
        }
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// One document for a worker: where to read it and where its outputs go.
struct WorkerRequest {
    var path: String
    /// The sha256 on record, when only the file's time or size changed ("" otherwise).
    var knownSHA: String
    /// `DIR/<rel>.json`, and the goal rows (`goals.jsonl` lines then `goals.csv` rows).
    var jsonPath: String
    var rowsPath: String
    /// Send the JSON back too (for the database).
    var wantJSON: Bool

    var fields: [[UInt8]] {
        [Array(path.utf8), Array(knownSHA.utf8), Array(jsonPath.utf8), Array(rowsPath.utf8), wantJSON ? [1] : []]
    }

    init(path: String, knownSHA: String, jsonPath: String, rowsPath: String, wantJSON: Bool) {
        self.path = path
        self.knownSHA = knownSHA
        self.jsonPath = jsonPath
        self.rowsPath = rowsPath
        self.wantJSON = wantJSON
    }

    init?(fields f: [[UInt8]]) {
        guard f.count == 5 else { return nil }
        let s = { (i: Int) in String(decoding: f[i], as: UTF8.self) }
        self.init(path: s(0), knownSHA: s(1), jsonPath: s(2), rowsPath: s(3), wantJSON: !f[4].isEmpty)
    }
}

/// What a worker answers for one document.
enum WorkerReply {
    /// Bytes unchanged since the record the parent holds.
    case unchanged(sha256: String)
    /// Analysed, outputs in place; `jsonlBytes` splits the rows file; `json` only when asked for.
    case analysed(sha256: String, goals: Int, jsonlBytes: Int, json: [UInt8])
    case failed(sha256: String, code: Int, reason: String)

    var fields: [[UInt8]] {
        switch self {
        case let .unchanged(sha): return [Array("U".utf8), Array(sha.utf8)]
        case let .analysed(sha, goals, split, json):
            return [Array("O".utf8), Array(sha.utf8), Array(String(goals).utf8), Array(String(split).utf8), json]
        case let .failed(sha, code, reason): return [Array("E".utf8), Array(sha.utf8), Array(String(code).utf8), Array(reason.utf8)]
        }
    }

    init?(fields f: [[UInt8]]) {
        let s = { (i: Int) in i < f.count ? String(decoding: f[i], as: UTF8.self) : "" }
        switch s(0) {
        case "U" where f.count == 2: self = .unchanged(sha256: s(1))
        case "O" where f.count == 5: self = .analysed(sha256: s(1), goals: Int(s(2)) ?? 0, jsonlBytes: Int(s(3)) ?? 0, json: f[4])
        case "E" where f.count == 4: self = .failed(sha256: s(1), code: Int(s(2)) ?? 70, reason: s(3))
        default: return nil
        }
    }
}

/// The worker side, run by `malkoll batch --worker` in a child process:
/// reads requests on `input`, analyses, writes the document's outputs
/// (atomically, through `writer`) and answers on `output`. Writing here
/// spreads file creation over the workers instead of one parent thread.
public enum BatchWorker {
    public static func serve(input: Int32, output: Int32, analyzer: Analyzer, writer: AtomicWriter) {
        // Ctrl-C reaches the whole process group: the parent decides when to
        // stop, so the document in hand is finished.
        signal(SIGINT, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        watchParent()
        while let fields = try? WorkerFrame.read(fd: input, deadline: nil), let request = WorkerRequest(fields: fields) {
            let reply = answer(request, analyzer: analyzer, writer: writer)
            if !WorkerFrame.write(fd: output, reply.fields) { break }
        }
    }

    static func answer(_ request: WorkerRequest, analyzer: Analyzer, writer: AtomicWriter) -> WorkerReply {
        let path = request.path
        var sha = ""
        do {
            let bytes = try DocumentLoader.readBytes(path: path)
            if !request.knownSHA.isEmpty {
                sha = SHA256.hex(bytes)
                if sha == request.knownSHA { return .unchanged(sha256: sha) }
            }
            let doc = try DocumentLoader.load(bytes: bytes, source: path, lexicons: analyzer.lexicons, sha256: sha.isEmpty ? nil : sha)
            sha = doc.sha256
            let analysis = try analyzer.analyze(doc)
            let json = AnalysisRenderer.json(analysis), jsonl = GoalRows.jsonl(analysis)
            try writer.write(jsonl + GoalRows.csv(analysis), to: request.rowsPath)
            try writer.write(json, to: request.jsonPath)
            return .analysed(sha256: sha, goals: analysis.goals.count, jsonlBytes: jsonl.count, json: request.wantJSON ? json : [])
        } catch let e as MalkollError {
            return .failed(sha256: sha, code: Int(e.exitCode), reason: e.description)
        } catch let e as ArchiveError {
            return .failed(sha256: sha, code: 73, reason: e.description)
        } catch {
            return .failed(sha256: sha, code: 70, reason: "\(path): internal error (a bug, please report it): \(error)")
        }
    }

    /// A worker whose parent was killed (SIGKILL cannot be caught) ends itself
    /// within a second instead of finishing a long document for nobody.
    static func watchParent() {
        let parent = getppid()
        let t = Thread {
            while true {
                sleep(1)
                if getppid() != parent { _exit(0) }
            }
        }
        t.start()
    }
}
