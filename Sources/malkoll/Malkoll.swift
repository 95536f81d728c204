import ArgumentParser
import Foundation
import MalkollCore

@main
struct Malkoll: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "malkoll",
        abstract: "Reads Swedish steering documents and checks their goals against SMART.",
        version: MalkollVersion.string,
        subcommands: [
            AnalyzeCommand.self, LintCommand.self, ReportCommand.self, RulesCommand.self,
            SegmentCommand.self, BatchCommand.self, GoalsCommand.self, DiffCommand.self,
        ]
    )
}
