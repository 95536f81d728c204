import ArgumentParser
import MalkollCore

// Placeholder while the command is built; replaced by its owner.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Compare two versions of a steering document goal by goal.")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws {
        try runReporting { throw MalkollError.internal("`diff` is not built yet") }
    }
}
