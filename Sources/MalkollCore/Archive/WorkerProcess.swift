import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One worker child process seen from `batch`: a separate process so that
/// a document over the time limit can be stopped (SIGKILL) and a crash in
/// the analyzer costs one document, not the run.
final class WorkerProcess {
    enum Outcome {
        case reply(WorkerReply)
        case timedOut
        case died(String)
    }

    let pid: pid_t
    private let toChild: Int32
    private let fromChild: Int32

    /// Pipes are made and marked close-on-exec under one lock, so a worker
    /// started by another slot never inherits this one's ends.
    private static let spawnLock = NSLock()

    init(command: [String], stderrFD: Int32) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0, pipe(&outPipe) == 0 else {
            throw ArchiveError.cannotWrite(path: "pipe", reason: String(cString: strerror(errno)))
        }
        for fd in inPipe + outPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrFD, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, command[0], &actions, nil, argv, environ)
        close(inPipe[0])
        close(outPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0])
            throw ArchiveError.cannotWrite(path: command[0], reason: "cannot start a worker: \(String(cString: strerror(rc)))")
        }
        pid = child
        toChild = inPipe[1]
        fromChild = outPipe[0]
    }

    /// Hands the worker a document; the answer is read by `receive`.
    /// Sending the next document before recording the last keeps the worker busy.
    func send(_ request: WorkerRequest) -> Bool {
        WorkerFrame.write(fd: toChild, request.fields)
    }

    /// Waits for the answer until `deadline` (monotonic seconds); past it the worker is killed.
    func receive(deadline: Double) -> Outcome {
        do {
            let fields = try WorkerFrame.read(fd: fromChild, deadline: deadline)
            guard let reply = WorkerReply(fields: fields) else { kill(); return .died("sent a malformed answer") }
            return .reply(reply)
        } catch WorkerFrame.ReadFailure.timedOut {
            kill()
            return .timedOut
        } catch {
            close(toChild)
            return .died(reap())
        }
    }

    /// The worker could not take a document: it has ended; say how.
    func ended() -> Outcome {
        close(toChild)
        return .died(reap())
    }

    /// Asks the worker to end (end of input) and waits for it.
    func stop() {
        close(toChild)
        _ = reap()
    }

    func kill() {
        Glibc.kill(pid, SIGKILL)
        close(toChild)
        _ = reap()
    }

    /// Waits for the process and says how it ended.
    private func reap() -> String {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        close(fromChild)
        let signal = status & 0x7F
        if signal != 0 { return "stopped by signal \(signal)" }
        return "exited with status \((status >> 8) & 0xFF)"
    }
}
