import ArgumentParser
import MalkollCore

// Placeholder while the command is built; replaced by its owner.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "The reviewer's view: one line per finding, like a compiler.")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws {
        try runReporting { throw MalkollError.internal("`lint` is not built yet") }
    }
}
