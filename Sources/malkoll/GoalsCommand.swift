import ArgumentParser
import Foundation
import MalkollCore

struct GoalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals",
        abstract: "Query the goals in an SQLite archive (written by `batch --db`).",
        discussion: "Text filters match part of the value, case-insensitively. Filters combine with AND."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Option(help: "The SQLite archive.")
    var db: String

    @Option(help: "Only goals of documents from this organisation.")
    var organisation: String?

    @Option(help: "Only goals under this program or strategy area.")
    var program: String?

    @Option(help: "Only goals under this scorecard direction.")
    var direction: String?

    @Flag(help: "Only vague goals.")
    var vague = false

    @Flag(help: "Only goals that are not vague.")
    var notVague = false

    @Option(help: "Only goals with a finding of this rule id.")
    var rule: String?

    @Option(name: .customLong("year"), help: "Only goals with a deadline in this year.")
    var year: Int?

    @Option(help: "Only goals whose text, headings, program or direction contain this.")
    var search: String?

    @Option(help: "At most this many goals.")
    var limit: Int?

    @Option(help: "Output format.")
    var format: Format = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @Flag(help: ArgumentHelp("Print every table without ids and timestamps (to compare archives).", visibility: .hidden))
    var dump = false

    func validate() throws {
        if vague && notVague { throw ValidationError("--vague and --not-vague exclude each other.") }
    }

    func run() throws {
        try runReporting {
            guard FileManager.default.fileExists(atPath: db) else { throw MalkollError.cannotOpen(path: db, reason: "no such file") }
            let archive: ArchiveDatabase
            do { archive = try ArchiveDatabase(path: db, readOnly: true) } catch let e as ArchiveError {
                throw MalkollError.unreadable(path: db, reason: "not a malkoll archive: \(e)")
            }
            if dump {
                try Output.write(Array(try archive.canonicalDump().utf8), to: output)
                return 0
            }
            let filter = GoalFilter(organisation: organisation, program: program, direction: direction,
                                    vague: vague ? true : notVague ? false : nil, rule: rule, deadlineYear: year,
                                    search: search, limit: limit)
            let goals: [GoalRecord]
            do { goals = try archive.goals(matching: filter) } catch let e as ArchiveError {
                throw MalkollError.unreadable(path: db, reason: "not a malkoll archive: \(e)")
            }
            switch format {
            case .text: try Output.write(GoalRecordRendering.text(goals), to: output)
            case .csv: try Output.write(GoalRecordRendering.csv(goals), to: output)
            case .json: try Output.write(GoalRecordRendering.json(goals), to: output)
            }
            return 0
        }
    }
}
