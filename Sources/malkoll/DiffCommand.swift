import ArgumentParser
import Foundation
import MalkollCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a steering document goal by goal.",
        discussion: """
        Goals are paired by the words of their text (lower-cased, Swedish endings removed, Dice similarity \
        at least --threshold), best pairs first, one to one; a reworded goal still pairs. Reports added, \
        removed and reworded goals and changed fields: deadline, targets, commitment, actor, program, \
        direction, SMART verdicts ("now time-bound: 2017").
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "The older version.")
    var old: String

    @Argument(help: "The newer version.")
    var new: String

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(help: "Least similarity (0–1) for two goals to count as the same goal.")
    var threshold: Double = 0.5

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @OptionGroup var common: CommonOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1.") }
    }

    func run() throws {
        try runReporting {
            let lexicons = try common.loadLexicons()
            let analyzer = try Analyzer(lexicons: lexicons)
            let before = try analyzer.analyze(try DocumentLoader.load(path: old, lexicons: lexicons))
            let after = try analyzer.analyze(try DocumentLoader.load(path: new, lexicons: lexicons))
            let diff = GoalDiff.compare(old: before, new: after, normaliser: try WordNormaliser(lexicons: lexicons), threshold: threshold)
            try Output.write(format == .json ? GoalDiffRendering.json(diff) : GoalDiffRendering.text(diff), to: output)
            return 0
        }
    }
}
