import ArgumentParser
import MalkollCore

// Placeholder while the command is built; replaced by its owner.
struct GoalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "goals", abstract: "Query the goals in an SQLite archive.")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws {
        try runReporting { throw MalkollError.internal("`goals` is not built yet") }
    }
}
