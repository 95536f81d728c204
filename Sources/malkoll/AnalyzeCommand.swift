import ArgumentParser
import MalkollCore

// Placeholder while the command is built; replaced by its owner.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Analyze documents: goals, targets, deadlines, actors, program, direction, SMART verdicts, findings.")

    @Argument(parsing: .captureForPassthrough) var rest: [String] = []

    func run() throws {
        try runReporting { throw MalkollError.internal("`analyze` is not built yet") }
    }
}
