import ArgumentParser
import MalkollCore

// Placeholder while the command is built; replaced by its owner.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "One self-contained HTML page of the documents' goals and verdicts.")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws {
        try runReporting { throw MalkollError.internal("`report` is not built yet") }
    }
}
