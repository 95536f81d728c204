import ArgumentParser
import Foundation
import MalkollCore
#if canImport(Glibc)
import Glibc
#endif

/// Set by SIGINT/SIGTERM: stop taking documents, finish those in flight.
private var stopRequests: Int32 = 0

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert a document archive into JSON, CSV and SQLite.",
        discussion: """
        Writes DIR/<relative path>.json per document, DIR/goals.csv and DIR/goals.jsonl (every goal, in path \
        order), DIR/errors.jsonl (documents that failed, with the reason). Every file is written under a \
        temporary name and renamed. Rerunning with the same --out skips documents whose bytes and analyzer \
        are unchanged and finishes what an interrupted run left. Ctrl-C stops after the documents in flight.
        """
    )

    @Argument(help: "Files or folders to convert (folders recursively; hidden files are skipped).")
    var paths: [String] = []

    @Option(help: "Output folder.")
    var out: String?

    @Option(help: "Worker processes (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seconds one document may take before it is stopped and reported.")
    var timeout: Double = 60

    @Option(help: "Also write an SQLite archive to this file.")
    var db: String?

    @Option(help: "The organisation issuing the documents, when the documents do not say.")
    var organisation: String?

    @Option(help: ArgumentHelp("Seconds between progress lines when stderr is not a terminal.", visibility: .hidden))
    var progressInterval: Double = 10

    @Flag(help: ArgumentHelp("Serve documents on stdin/stdout (started by batch itself).", visibility: .private))
    var worker = false

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if worker { return }
        guard out != nil else { throw ValidationError("Missing --out DIR.") }
        guard !paths.isEmpty else { throw ValidationError("Give at least one file or folder to convert.") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive.") }
    }

    func run() throws {
        if worker { return try serveAsWorker() }
        try runReporting {
            _ = try common.loadLexicons() // a bad lexicon stops here, once, not in every worker
            installStopHandlers()
            shareCoresAmongWorkers()
            var settings: [String] = []
            if let lexicons = common.lexicons { settings.append("lexicons=" + URL(fileURLWithPath: lexicons).standardizedFileURL.path) }
            if let organisation { settings.append("organisation=" + organisation) }
            let options = BatchOptions(
                paths: paths, outDir: out!, jobs: jobs, timeout: timeout, database: db,
                workerCommand: workerCommand(), settings: settings.joined(separator: " "),
                terminal: isatty(2) != 0, progressInterval: progressInterval,
                shouldStop: { stopRequests > 0 })
            do {
                let summary = try BatchRunner(options: options).run()
                for path in summary.missing { Output.error("malkoll: \(path): cannot open: no such file") }
                Output.error(summary.line + (summary.documents > 0 ? "; output in \(out!)" : ""))
                return summary.left > 0 ? 130 : 0
            } catch let e as ArchiveError {
                Output.error("malkoll: \(e.description)")
                return 73
            }
        }
    }

    /// This same program in worker mode, with the options that change the analysis.
    private func workerCommand() -> [String] {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var command = [exe, "batch", "--worker", "--out", out!]
        if let lexicons = common.lexicons { command += ["--lexicons", lexicons] }
        if let organisation { command += ["--organisation", organisation] }
        return command
    }

    /// A worker may give one large document a second thread only when the
    /// jobs leave a core free (1 job on 2 cores): with a worker per core,
    /// more threads would only take turns. An explicit MALKOLL_THREADS wins.
    private func shareCoresAmongWorkers() {
        guard getenv("MALKOLL_THREADS") == nil else { return }
        setenv("MALKOLL_THREADS", String(max(1, ProcessInfo.processInfo.activeProcessorCount / jobs)), 1)
    }

    private func installStopHandlers() {
        signal(SIGPIPE, SIG_IGN)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { _ in
                stopRequests += 1
                // A second Ctrl-C ends at once: every output is atomic, a rerun finishes the rest.
                if stopRequests > 1 { _exit(130) }
            }
        }
    }

    private func serveAsWorker() throws {
        // The protocol owns the original stdout; stray prints go to stderr.
        let output = dup(1)
        dup2(2, 1)
        let analyzer = try Analyzer(lexicons: try common.loadLexicons(), options: AnalyzerOptions(organisation: organisation))
        let writer = try AtomicWriter(tmpDir: BatchRunner.temporaryFolder(out: out ?? "."))
        BatchWorker.serve(input: 0, output: output, analyzer: analyzer, writer: writer)
    }
}
