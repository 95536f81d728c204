import ArgumentParser
import MalkollCore

// Placeholder while the command is built; replaced by its owner.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Convert a document archive into JSON, CSV and SQLite.")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws {
        try runReporting { throw MalkollError.internal("`batch` is not built yet") }
    }
}
