import ArgumentParser
import MalkollCore

// Placeholder while the command is built; replaced by its owner.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the SMART rules, or explain one.")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws {
        try runReporting { throw MalkollError.internal("`rules` is not built yet") }
    }
}
