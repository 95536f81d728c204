import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The run's counters and their display on stderr: a redrawn bar on a
/// terminal, a plain line every `interval` seconds otherwise.
final class BatchProgress {
    private let lock = NSLock()
    private let total: Int
    private let totalBytes: Int
    private let terminal: Bool
    private let start = monotonicSeconds()
    private var thread: Thread?
    private var finished = false
    private(set) var done = 0
    private(set) var analysed = 0
    private(set) var unchanged = 0
    private(set) var failed = 0
    private(set) var goals = 0
    private var bytesDone = 0
    /// Bytes of documents actually analysed: the rate that predicts the rest.
    private var bytesAnalysed = 0

    init(total: Int, totalBytes: Int, terminal: Bool) {
        self.total = total
        self.totalBytes = totalBytes
        self.terminal = terminal
    }

    enum Kind { case analysed, unchanged, failed }

    func add(_ kind: Kind, bytes: Int, goals: Int) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        bytesDone += bytes
        self.goals += goals
        switch kind {
        case .analysed: analysed += 1; bytesAnalysed += bytes
        case .unchanged: unchanged += 1
        case .failed: failed += 1; bytesAnalysed += bytes
        }
    }

    var elapsed: Double { monotonicSeconds() - start }

    func startDisplay(interval: Double) {
        let t = Thread { [weak self] in
            while let self, !self.isFinished {
                usleep(UInt32((self.terminal ? 0.2 : interval) * 1_000_000))
                if self.isFinished { break }
                self.draw()
            }
        }
        thread = t
        t.start()
    }

    private var isFinished: Bool { lock.lock(); defer { lock.unlock() }; return finished }

    func stopDisplay() {
        lock.lock(); finished = true; lock.unlock()
        if terminal { fputs("\r\u{1B}[K", stderr) }
    }

    private func draw() {
        lock.lock()
        let (done, goals, failed, bytesDone, bytesAnalysed) = (self.done, self.goals, self.failed, self.bytesDone, self.bytesAnalysed)
        lock.unlock()
        let t = elapsed
        let rate = t > 0 ? Double(done) / t : 0
        let byteRate = t > 0 ? Double(bytesAnalysed) / t : 0
        let left = byteRate > 0 ? Double(totalBytes - bytesDone) / byteRate : 0
        let eta = done == 0 ? "?" : Self.duration(left)
        if terminal {
            let width = 24
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            fputs("\r\u{1B}[K\(bar) \(done)/\(total) documents · \(goals) goals · \(failed) errors · \(String(format: "%.1f", rate))/s · \(eta) left", stderr)
        } else {
            fputs("malkoll batch: \(done)/\(total) documents, \(goals) goals, \(failed) errors, \(String(format: "%.1f", rate)) documents/s, about \(eta) left\n", stderr)
        }
        fflush(stderr)
    }

    static func duration(_ s: Double) -> String {
        if s < 10 { return String(format: "%.1fs", s) }
        let secs = Int(s.rounded())
        if secs < 60 { return "\(secs)s" }
        if secs < 3600 { return "\(secs / 60)m\(String(format: "%02d", secs % 60))s" }
        return "\(secs / 3600)h\(String(format: "%02d", secs / 60 % 60))m"
    }
}
