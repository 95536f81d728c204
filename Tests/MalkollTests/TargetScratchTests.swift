import Foundation
import Testing
@testable import MalkollCore

@Suite struct TargetScratchTests {
    @Test func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["DUMP"] else { return }
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            let (ts, tm) = try ExtractReaders.read(String(line))
            print("S: \(line)")
            for t in ts { print("   T \(t.comparator.rawValue) \(t.value) \(t.unit.rawValue) \"\(t.text)\" q=\(t.quantity ?? "-") b=\(t.baseline.map{"\($0)"} ?? "-")") }
            if let d = tm.deadline { print("   D \(d.date) \"\(d.text)\"") }
            if let r = tm.recurrence { print("   R \(r)") }
            if let b = tm.baseline { print("   B \(b)") }
        }
    }
}
