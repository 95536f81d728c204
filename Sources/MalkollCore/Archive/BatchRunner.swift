import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct BatchOptions {
    public var paths: [String]
    public var outDir: String
    /// Worker processes.
    public var jobs: Int
    /// Seconds one document may take before its worker is stopped.
    public var timeout: Double
    public var database: String?
    /// The command that starts one worker (`malkoll batch --worker ...`).
    public var workerCommand: [String]
    /// What besides the version changes the analysis (lexicons, options): part of the resume key.
    public var settings: String
    /// Draw a bar (stderr is a terminal) or print plain lines every `progressInterval` seconds.
    public var terminal: Bool
    public var progressInterval: Double
    /// Polled between documents: true once the user asked to stop (SIGINT, SIGTERM).
    public var shouldStop: () -> Bool

    public init(paths: [String], outDir: String, jobs: Int, timeout: Double, database: String?, workerCommand: [String],
                settings: String, terminal: Bool, progressInterval: Double = 10, shouldStop: @escaping () -> Bool = { false }) {
        self.paths = paths
        self.outDir = outDir
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.database = database
        self.workerCommand = workerCommand
        self.settings = settings
        self.terminal = terminal
        self.progressInterval = progressInterval
        self.shouldStop = shouldStop
    }
}

public struct BatchSummary: Sendable {
    public var documents = 0
    public var analysed = 0
    public var unchanged = 0
    public var failed = 0
    /// Documents listed in errors.jsonl (failed now or earlier, unchanged since).
    public var errors = 0
    public var unsupported = 0
    public var goals = 0
    public var left = 0
    public var seconds = 0.0
    public var missing: [String] = []

    public var line: String {
        let rate = seconds > 0 ? Double(analysed + failed) / seconds : 0
        var s = "malkoll batch: \(documents) documents (\(analysed) analysed, \(unchanged) unchanged, \(failed) failed), \(goals) goals"
        s += " in \(BatchProgress.duration(seconds)) (\(String(format: "%.1f", rate)) documents/s)"
        if errors > 0 { s += "; \(errors) listed in errors.jsonl" }
        if unsupported > 0 { s += "; \(unsupported) files passed over as not documents" }
        if left > 0 { s += "; interrupted: \(left) documents left, run again to finish" }
        return s
    }
}

/// `malkoll batch`: scans the paths, skips what an earlier run already
/// did for the same bytes and analyzer, spreads the rest over worker
/// processes (largest first, from one shared queue), and writes every
/// output atomically; `goals.csv`, `goals.jsonl` and `errors.jsonl` are
/// rebuilt in path order at the end, so they do not depend on timing.
public final class BatchRunner {
    let options: BatchOptions
    let out: String
    let state: String
    private var writer: AtomicWriter!
    private var manifest: ResumeManifest!
    private var database: DatabaseWriter?
    /// rel -> "sha256 version" of the documents the database holds.
    private var inDatabase: [String: String] = [:]
    private var progress: BatchProgress!
    private let sink = NSLock()
    private var copyBuffer = [UInt8](repeating: 0, count: 1 << 16)
    private var fatal: Error?

    /// Where every output is first written, in the output folder (same file system, so rename works).
    public static func temporaryFolder(out: String) -> String { out + "/.malkoll/tmp" }

    public var analyzerKey: String { MalkollVersion.string + (options.settings.isEmpty ? "" : " " + options.settings) }

    public init(options: BatchOptions) {
        self.options = options
        out = options.outDir.hasSuffix("/") ? String(options.outDir.dropLast()) : options.outDir
        state = out + "/.malkoll"
    }

    public func run() throws -> BatchSummary {
        try AtomicWriter.makeDirectory(state)
        let lock = try lockOutput()
        defer { close(lock) }
        writer = try AtomicWriter(tmpDir: Self.temporaryFolder(out: out))
        writer.clearLeftovers()
        manifest = try ResumeManifest(path: state + "/manifest.jsonl")
        if let db = options.database { database = DatabaseWriter(try ArchiveDatabase(path: db)) }

        var scanner = ArchiveScanner(excluding: [out])
        scanner.scan(options.paths)
        var summary = BatchSummary()
        summary.unsupported = scanner.unsupported
        summary.missing = scanner.missing
        summary.documents = scanner.entries.count

        progress = BatchProgress(total: scanner.entries.count, totalBytes: scanner.entries.reduce(0) { $0 + $1.size },
                                 terminal: options.terminal)
        let queue = JobQueue(try plan(scanner.entries))
        if queue.count > 0 { progress.startDisplay(interval: options.progressInterval) }

        let threads = (0..<min(options.jobs, max(queue.count, 1))).map { _ in
            let t = SlotThread { [self] in self.serve(queue) }
            t.start()
            return t
        }
        threads.forEach { $0.join() }
        progress.stopDisplay()
        if let fatal { throw fatal }
        try database?.finish()

        try manifest.compact(using: writer)
        try writeAggregates(scanner.entries)
        summary.analysed = progress.analysed
        summary.unchanged = progress.unchanged
        summary.failed = progress.failed
        summary.errors = scanner.entries.filter { manifest.records[$0.rel]?.status == .error }.count
        summary.goals = scanner.entries.reduce(0) { $0 + (manifest.records[$1.rel].map { $0.status == .ok ? $0.goals : 0 } ?? 0) }
        summary.left = queue.remaining
        summary.seconds = progress.elapsed
        return summary
    }

    /// One run per output folder at a time.
    private func lockOutput() throws -> Int32 {
        let fd = open(state + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw ArchiveError.cannotWrite(path: state + "/lock", reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 { close(fd); throw ArchiveError.busy(path: out) }
        return fd
    }

    func jsonPath(_ rel: String) -> String { out + "/" + rel + ".json" }
    func rowsPath(_ rel: String) -> String { state + "/rows/" + rel + ".rows" }

    /// The documents to send to a worker; the others are counted as unchanged now.
    private func plan(_ entries: [ArchiveEntry]) throws -> [Job] {
        inDatabase = try database?.database.documentIndex() ?? [:]
        var jobs: [Job] = []
        for e in entries {
            guard let r = manifest.records[e.rel], r.analyzer == analyzerKey, outputsStand(r) else {
                jobs.append(Job(entry: e, knownSHA: ""))
                continue
            }
            if r.size == e.size && r.mtime == e.mtime {
                reconcileDatabase(r)
                progress.add(.unchanged, bytes: e.size, goals: r.status == .ok ? r.goals : 0)
            } else {
                jobs.append(Job(entry: e, knownSHA: r.sha256))
            }
        }
        // Largest first: a huge document starts early instead of ending the run alone.
        return jobs.sorted { $0.entry.size != $1.entry.size ? $0.entry.size > $1.entry.size : $0.entry.rel < $1.entry.rel }
    }

    /// A record can be trusted if its outputs are on disk (or, for an error, it would fail again).
    private func outputsStand(_ r: ManifestRecord) -> Bool {
        switch r.status {
        case .ok: return access(jsonPath(r.rel), F_OK) == 0 && access(rowsPath(r.rel), F_OK) == 0
        case .error: return !r.retry
        }
    }

    /// The database may lag the manifest (it is written behind, and `--db`
    /// may be new on a rerun): bring an unchanged document's rows in line.
    private func reconcileDatabase(_ r: ManifestRecord) {
        guard let database else { return }
        let stored = inDatabase[r.rel]
        switch r.status {
        case .ok:
            guard stored != r.sha256 + " " + MalkollVersion.string,
                  let json = AtomicWriter.read(jsonPath(r.rel)) else { return }
            database.store(json: json, rel: r.rel)
        case .error:
            if stored != nil { database.remove(rel: r.rel) }
        }
    }

    /// Documents handed to one worker ahead of its answers: the next one
    /// already waits in the pipe when the worker finishes one, so it never
    /// idles while this thread reads, records and answers.
    static let pipelineDepth = 2

    /// One slot: a worker process fed from the shared queue, `pipelineDepth`
    /// documents ahead. The worker takes them in order; the time limit of
    /// each runs from when the worker could start on it.
    private func serve(_ queue: JobQueue) {
        var worker: WorkerProcess?
        /// Sent and not yet answered, oldest first; the first one's limit is `deadline`.
        var sent: [Job] = []
        var deadline = 0.0
        /// Sent to a worker that ended before taking them: they go to its successor.
        var resend: [Job] = []
        let logFD = open(state + "/workers.log", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        defer { worker?.stop(); if logFD >= 0 { close(logFD) } }
        /// Sends documents until `pipelineDepth` are out; false when none could be sent.
        func dispatch() -> Bool {
            while sent.count < Self.pipelineDepth, !options.shouldStop(), !hasFailed {
                guard let job = resend.isEmpty ? queue.next() : resend.removeFirst() else { break }
                do {
                    if worker == nil { worker = try WorkerProcess(command: options.workerCommand, stderrFD: logFD >= 0 ? logFD : 2) }
                } catch {
                    resend.insert(job, at: 0)
                    fail(error)
                    break
                }
                let request = WorkerRequest(path: job.entry.path, knownSHA: job.knownSHA, jsonPath: jsonPath(job.entry.rel),
                                            rowsPath: rowsPath(job.entry.rel), wantJSON: database != nil)
                if worker!.send(request) {
                    if sent.isEmpty { deadline = monotonicSeconds() + options.timeout }
                    sent.append(job)
                } else if !sent.isEmpty {
                    // The worker ended on an earlier document: receiving says how.
                    resend.insert(job, at: 0)
                    break
                } else {
                    // It ended without taking this one: the document is what it could not take.
                    let outcome = worker!.ended()
                    worker = nil
                    settle(job, outcome, queue)
                }
            }
            return !sent.isEmpty
        }
        while dispatch() {
            let outcome = worker!.receive(deadline: deadline)
            let job = sent.removeFirst()
            if case .reply = outcome {
                deadline = monotonicSeconds() + options.timeout
            } else {
                worker = nil
                resend.insert(contentsOf: sent, at: 0)
                sent.removeAll()
            }
            _ = dispatch()
            settle(job, outcome, queue)
        }
    }

    private func settle(_ job: Job, _ outcome: WorkerProcess.Outcome, _ queue: JobQueue) {
        switch outcome {
        case let .reply(reply):
            record(job, reply)
        case .timedOut:
            record(job, .failed(sha256: "", code: 65, reason: "\(job.entry.path): took longer than the \(String(format: "%g", options.timeout)) s limit per document; stopped"), retry: true)
        case let .died(how):
            record(job, .failed(sha256: "", code: 70, reason: "\(job.entry.path): internal error (a bug, please report it): the analyzer \(how) on this document (see \(state)/workers.log)"), retry: true)
        }
        queue.finish()
    }

    private var hasFailed: Bool { sink.lock(); defer { sink.unlock() }; return fatal != nil }

    private func fail(_ error: Error) {
        sink.lock(); defer { sink.unlock() }
        if fatal == nil { fatal = error }
    }

    /// Puts one document's result in place: row fragments, then its JSON,
    /// then the database, then the manifest line that marks it done.
    private func record(_ job: Job, _ reply: WorkerReply, retry: Bool = false) {
        sink.lock(); defer { sink.unlock() }
        guard fatal == nil else { return }
        let e = job.entry
        do {
            switch reply {
            case .unchanged:
                var r = manifest.records[e.rel]!
                r.size = e.size
                r.mtime = e.mtime
                r.source = e.path
                reconcileDatabase(r)
                try manifest.append(r)
                progress.add(.unchanged, bytes: e.size, goals: r.status == .ok ? r.goals : 0)
            case let .analysed(sha, goals, jsonlBytes, json):
                // The worker has put the JSON and the rows in place.
                database?.store(json: json, rel: e.rel)
                try manifest.append(ManifestRecord(rel: e.rel, source: e.path, size: e.size, mtime: e.mtime, sha256: sha,
                                                   analyzer: analyzerKey, status: .ok, goals: goals, jsonlBytes: jsonlBytes))
                progress.add(.analysed, bytes: e.size, goals: goals)
            case let .failed(_, 73, reason):
                // The worker could not write its outputs: the run cannot go on.
                throw ArchiveError.cannotWrite(path: jsonPath(e.rel), reason: reason)
            case let .failed(sha, code, reason):
                // The document's earlier outputs no longer describe its bytes.
                for p in [jsonPath(e.rel), rowsPath(e.rel)] { unlink(p) }
                database?.remove(rel: e.rel)
                try manifest.append(ManifestRecord(rel: e.rel, source: e.path, size: e.size, mtime: e.mtime, sha256: sha,
                                                   analyzer: analyzerKey, status: .error, goals: 0, code: code,
                                                   reason: reason, retry: retry))
                progress.add(.failed, bytes: e.size, goals: 0)
            }
        } catch {
            fatal = error
        }
    }

    /// `goals.jsonl`, `goals.csv` and `errors.jsonl` from the per-document
    /// fragments, in path order, streamed (never all analyses in memory).
    private func writeAggregates(_ entries: [ArchiveEntry]) throws {
        let jsonl = try writer.temporaryFile(), csv = try writer.temporaryFile(), errors = try writer.temporaryFile()
        try AtomicWriter.writeAll(fd: csv.fd, GoalRows.csvHeader, path: csv.path)
        for e in entries {
            guard let r = manifest.records[e.rel] else { continue }
            switch r.status {
            case .ok:
                try copy(rowsPath(e.rel), split: r.jsonlBytes, to: jsonl, csv)
            case .error:
                var w = JSONWriter()
                w.beginObject()
                w.key("path"); w.string(r.source)
                w.key("code"); w.int(r.code)
                w.key("reason"); w.string(r.reason)
                w.endObject()
                try AtomicWriter.writeAll(fd: errors.fd, w.bytes + [0x0A], path: errors.path)
            }
        }
        try writer.commit(jsonl, to: out + "/goals.jsonl")
        try writer.commit(csv, to: out + "/goals.csv")
        try writer.commit(errors, to: out + "/errors.jsonl")
    }

    /// Appends a rows file, its first `split` bytes to one output and the
    /// rest to the other, copied inside the kernel (sendfile: no pass
    /// through this process's memory); a plain read/write loop where the
    /// file system does not support it.
    private func copy(_ path: String, split: Int, to first: (fd: Int32, path: String), _ second: (fd: Int32, path: String)) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw ArchiveError.cannotWrite(path: path, reason: "rows file missing") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ArchiveError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(st.st_size), head = min(split, size)
        if try sendAll(fd, head, to: first), try sendAll(fd, size - head, to: second) { return }
        // No in-kernel copy here: start again from where the kernel stopped.
        var offset = Int(lseek(fd, 0, SEEK_CUR))
        try copyBuffer.withUnsafeMutableBytes { buf in
            while true {
                let n = read(fd, buf.baseAddress!, buf.count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw ArchiveError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
                if n == 0 { break }
                let cut = max(0, min(n, head - offset))
                try AtomicWriter.writeAll(fd: first.fd, UnsafeRawBufferPointer(rebasing: buf[0..<cut]), path: first.path)
                try AtomicWriter.writeAll(fd: second.fd, UnsafeRawBufferPointer(rebasing: buf[cut..<n]), path: second.path)
                offset += n
            }
        }
    }

    /// Copies `count` bytes from `fd`'s position to `out` with sendfile;
    /// false when the kernel cannot (the caller then copies the rest itself).
    private func sendAll(_ fd: Int32, _ count: Int, to out: (fd: Int32, path: String)) throws -> Bool {
        var left = count
        while left > 0 {
            let n = sendfile(out.fd, fd, nil, left)
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) { return false }
            if n < 0 { throw ArchiveError.cannotWrite(path: out.path, reason: String(cString: strerror(errno))) }
            if n == 0 { throw ArchiveError.cannotWrite(path: out.path, reason: "rows file shorter than its record") }
            left -= n
        }
        return true
    }
}

struct Job {
    var entry: ArchiveEntry
    /// The sha256 on record, when only the file's time or size changed: the worker compares before analysing.
    var knownSHA: String
}

/// The shared work queue the slots take from.
final class JobQueue {
    private let lock = NSLock()
    private let jobs: [Job]
    private var nextIndex = 0
    private var finished = 0

    init(_ jobs: [Job]) { self.jobs = jobs }

    var count: Int { jobs.count }
    var remaining: Int { lock.lock(); defer { lock.unlock() }; return jobs.count - finished }

    func next() -> Job? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < jobs.count else { return nil }
        nextIndex += 1
        return jobs[nextIndex - 1]
    }

    func finish() { lock.lock(); finished += 1; lock.unlock() }
}

/// A thread that can be joined.
final class SlotThread {
    private let thread: Thread
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping () -> Void) {
        let done = self.done
        thread = Thread { body(); done.signal() }
        thread.stackSize = 8 << 20
    }

    func start() { thread.start() }
    func join() { done.wait() }
}

