import Foundation
import Testing
@testable import MalkollCore

/// The HTML report on hand-made analyses (ReportFixture): the whole page
/// against a stored snapshot, and the properties a reviewer relies on.
@Suite struct ReportTests {
    static let snapshotDir = Paths.repo.appendingPathComponent("Tests/Fixtures/report")

    /// The page without rule summaries, so the snapshots do not change with the rules' wording.
    func page(_ items: [(analysis: Analysis, document: Document)]) -> String {
        String(decoding: HTMLReport.render(items, options: HTMLReport.Options()), as: UTF8.self)
    }

    /// Compares with a stored page; `MALKOLL_RECORD_SNAPSHOTS=1` rewrites it and fails on purpose,
    /// so a recording run can never pass unnoticed.
    func expectSnapshot(_ actual: String, named name: String) throws {
        let url = Self.snapshotDir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["MALKOLL_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshotDir, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(url.path); review the diff and run again without MALKOLL_RECORD_SNAPSHOTS.")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = Array(actual.utf8), e = Array(expected.utf8)
            let at = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            func around(_ b: [UInt8]) -> String { String(decoding: b[max(0, at - 80)..<min(b.count, at + 120)], as: UTF8.self) }
            Issue.record("""
                \(name) differs from the snapshot at byte \(at):
                expected: …\(around(e))…
                actual:   …\(around(a))…
                (MALKOLL_RECORD_SNAPSHOTS=1 rewrites it)
                """)
        }
    }

    @Test func wholePageMatchesSnapshot() throws {
        try expectSnapshot(page([try ReportFixture.program()]), named: "report-fixture.html")
    }

    @Test func severalDocumentsPageMatchesSnapshot() throws {
        try expectSnapshot(page([try ReportFixture.program(), try ReportFixture.plainPlan()]), named: "report-two-documents.html")
    }

    @Test func sameInputSameBytes() throws {
        let item = try ReportFixture.program()
        #expect(HTMLReport.render([item]) == HTMLReport.render([item]))
        #expect(page([item]) == page([item]))
    }

    /// Each goal's mark in the text holds exactly the goal's text, although an
    /// emoji before it makes scalar, UTF-16 and UTF-8 offsets all differ.
    @Test func marksHoldTheGoalText() throws {
        let item = try ReportFixture.program()
        let html = page([item])
        let goals = HTMLReport.inTextOrder(item.analysis.goals)
        for (i, goal) in goals.enumerated() {
            let marked = try #require(ReportHTML.markText(html, id: "d1-m\(i + 1)-t"), "no mark for goal \(i + 1)")
            #expect(marked == goal.text)
        }
        // The merged finding span of goal 4 covers both overlapping findings.
        #expect(ReportHTML.elementText(html, open: "<span class=\"fs\" id=\"d1-m4-s1\">", close: "</span>")
                == "Stärka samverkan med näringslivet 🤝")
        #expect(html.components(separatedBy: "id=\"d1-m4-s2\"").count == 1)
        // Goal 2: two short spans; its finding on the whole goal gets none (the goal's mark says it).
        #expect(ReportHTML.elementText(html, open: "<span class=\"fs\" id=\"d1-m2-s1\">", close: "</span>") == "verka för")
        #expect(ReportHTML.elementText(html, open: "<span class=\"fs\" id=\"d1-m2-s2\">", close: "</span>") == "hållbar utveckling &amp; en god")
        #expect(html.contains("<li class=\"finding warning\" tabindex=\"-1\" data-rule=\"measurable.no-quantity\">"))
    }

    /// The text outside the markup is the document text, unchanged.
    @Test func textSurvivesWhole() throws {
        let item = try ReportFixture.program()
        let html = page([item])
        let region = try #require(ReportHTML.elementText(html, open: "aria-label=\"Dokumentets text\">", close: "</div>"))
        #expect(ReportHTML.stripTags(ReportHTML.removingTags(region)) == item.document.text)
    }

    @Test func documentTextIsEscaped() throws {
        let html = page([try ReportFixture.program()])
        #expect(html.contains("nämnder &lt;och&gt; bolag"))
        #expect(!html.contains("<och>"))
        #expect(html.contains("Klimat- &amp; miljöprogram"))
        #expect(html.contains("&lt;företag&gt; &amp; föreningar"))
        // A quote inside an attribute value cannot end it.
        #expect(html.contains("Utsläpp &quot;och&quot; energi"))
        #expect(!html.contains("Utsläpp \"och\""))
    }

    /// Nothing to fetch: no external URL, script or stylesheet, and a policy that forbids loading.
    @Test func pageIsSelfContained() throws {
        let html = page([try ReportFixture.program(), try ReportFixture.plainPlan()])
        for forbidden in ["http://", "https://", "//cdn", " src=", "@import", "url("] {
            #expect(!html.contains(forbidden), "page contains \(forbidden)")
        }
        #expect(html.contains("default-src 'none'"))
        for href in ReportHTML.attributeValues(html, name: "href") {
            #expect(href.hasPrefix("#") || href.hasPrefix("data:"), "external link \(href)")
        }
    }

    /// Without JavaScript every goal, verdict and finding is in the page, and the
    /// filter bar (which needs the script) stays hidden.
    @Test func readableWithoutJavaScript() throws {
        let item = try ReportFixture.program()
        let html = page([item])
        #expect(html.components(separatedBy: "<article class=\"goal ").count - 1 == 4)
        #expect(html.components(separatedBy: "<tr class=\"pass\">").count - 1 == 12)
        #expect(html.components(separatedBy: "<tr class=\"fail\">").count - 1 == 8)
        #expect(html.components(separatedBy: "<li class=\"finding ").count - 1 == 6)
        #expect(html.contains("<form id=\"filters\" class=\"filters\" hidden>"))
        #expect(html.contains("”verka för” är ett vagt åtagande."))
        #expect(html.contains("Ange ett mätbart mål, t.ex. ”minst 40 % senast 2026”."))
        #expect(html.contains("”minst 40 %” → ≥ 40 %"))
        #expect(html.contains("”till 80 %” → ökning till 80 %, från 62,5"))
        #expect(html.contains("2026 – ”senast 2026”"))
        #expect(html.contains("Klimat- och miljöprogram › Utsläpp &quot;och&quot; energi (rubrik)"))
        #expect(html.contains("varje år"))
    }

    @Test func summaryCountsGoalsAndVagueShare() throws {
        let html = page([try ReportFixture.program()])
        #expect(html.contains("<b>4</b> mål"))
        #expect(html.contains("<b>2</b> vaga (50 %)"))
        #expect(html.contains("<b>6</b> anmärkningar"))
        // Per program: three goals in the climate program, one vague; the fourth has none.
        #expect(html.contains("<th scope=\"row\">Klimat- och miljöprogram</th><td>3</td><td>1</td>"))
        #expect(html.contains("<th scope=\"row\">(inget angivet)</th><td>1</td><td>1</td>"))
        #expect(html.contains("aria-label=\"Uppfyllda SMART-kriterier: Specifikt 2 av 4, Mätbart 2 av 4, Ansvarsfördelat 2 av 4, Relevant 4 av 4, Tidsatt 2 av 4\""))
    }

    @Test func filterOptionsComeFromTheGoals() throws {
        let html = page([try ReportFixture.program()])
        #expect(html.contains("<option value=\"measurable.no-quantity\">measurable.no-quantity (2)</option>"))
        #expect(html.contains("<option value=\"samhalle\">Samhälle &amp; medborgare (1)</option>"))
        #expect(html.contains("<option value=\"-\">(inget angivet) (1)</option>"))
        #expect(html.contains("data-rules=\"measurable.no-quantity specific.vague-verb time-bound.no-deadline\""))
    }

    @Test func ruleSummariesNameTheRules() throws {
        let options = HTMLReport.Options(ruleSummaries: ["specific.vague-verb": "Åtagandet bygger på ett vagt verb (\"verka för\")."])
        let html = String(decoding: HTMLReport.render([try ReportFixture.program()], options: options), as: UTF8.self)
        let title = "title=\"Åtagandet bygger på ett vagt verb (&quot;verka för&quot;).\""
        #expect(html.contains("<option value=\"specific.vague-verb\" \(title)>specific.vague-verb (2)</option>"))
        #expect(html.components(separatedBy: "<code \(title)>specific.vague-verb</code>").count - 1 == 2)
        #expect(html.contains("<code>measurable.no-quantity</code>"))
    }

    /// The standard page names every built-in rule it shows.
    @Test func builtInRulesAreSummarised() throws {
        let summaries = HTMLReport.builtInRuleSummaries
        #expect(!summaries.isEmpty)
        for (id, summary) in summaries { #expect(!summary.isEmpty, "rule \(id) has no summary") }
    }

    /// Goals that overlap or point past the end are still listed, and the
    /// marks stay properly nested.
    @Test func overlappingAndOutOfRangeGoals() throws {
        let item = try ReportFixture.program()
        var goals = item.analysis.goals
        var overlapping = goals[1]
        overlapping.id = "overlap"
        overlapping.location.start -= 10
        var outside = goals[0]
        outside.id = "outside"
        outside.location = Location(line: 99, column: 1, start: 10_000, end: 10_050)
        goals += [overlapping, outside]
        let html = page([(Analysis(document: item.analysis.document, goals: goals), item.document)])
        #expect(html.components(separatedBy: "<article class=\"goal ").count - 1 == 6)
        // The overlapping goal is shown from where the first ends and covers the
        // second one, which is listed as not in the text, like the one past the end.
        #expect(html.contains("rad 99:1 (ej i texten)"))
        #expect(html.components(separatedBy: "(ej i texten)").count - 1 == 2)
        let marks = html.components(separatedBy: "<mark ").count - 1
        #expect(marks == 4)
        #expect(html.components(separatedBy: "</mark>").count - 1 == marks)
        #expect(ReportHTML.nestingIsValid(html, tags: ["mark", "span", "div", "article", "section"]))
    }

    /// A page of real size: the largest seed with its 62 gold goals. Every
    /// goal is marked with exactly its text, and the page stays far under 1 MB.
    @Test func goldAnnotatedSeedPage() throws {
        let item = try ReportGoldFixture.load("002_7376cd425bd909a6.txt")
        let bytes = HTMLReport.render([item])
        print("gold-annotated report of 002_7376cd425bd909a6.txt: \(bytes.count) bytes, \(item.analysis.goals.count) goals")
        #expect(bytes.count < 1_000_000)
        let html = String(decoding: bytes, as: UTF8.self)
        let goals = HTMLReport.inTextOrder(item.analysis.goals)
        #expect(goals.count == 62)
        for (i, goal) in goals.enumerated() {
            #expect(ReportHTML.markText(html, id: "d1-m\(i + 1)-t") == goal.text)
        }
        #expect(ReportHTML.nestingIsValid(html, tags: ["mark", "span", "div", "article", "section"]))
    }

    /// End to end on every seed with the real analyzer: each goal it finds is
    /// marked in place over exactly its span of the text, and the marks nest.
    @Test(arguments: Paths.seedFiles)
    func seedReportMarksEveryGoalInPlace(_ seed: URL) throws {
        let doc = try DocumentLoader.load(path: seed.path)
        let analysis = try Analyzer(lexicons: Lexicons(directory: Paths.lexicons)).analyze(doc)
        let html = page([(analysis, doc)])
        let scalars = Array(doc.text.unicodeScalars)
        var previousEnd = 0
        for (i, goal) in HTMLReport.inTextOrder(analysis.goals).enumerated() {
            let start = max(goal.location.start, previousEnd), end = min(goal.location.end, scalars.count)
            guard start < end else { continue }  // overlapping: listed, not marked (see overlappingAndOutOfRangeGoals)
            previousEnd = end
            var span = ""
            span.unicodeScalars.append(contentsOf: scalars[start..<end])
            #expect(ReportHTML.markText(html, id: "d1-m\(i + 1)-t") == span, "\(seed.lastPathComponent) goal \(goal.id)")
        }
        #expect(ReportHTML.nestingIsValid(html, tags: ["mark", "span", "div", "article", "section"]))
        #expect(html.components(separatedBy: "<article class=\"goal ").count - 1 == analysis.goals.count)
    }

    @Test func documentWithoutGoalsSaysSo() throws {
        let html = page([try ReportFixture.plainPlan()])
        #expect(html.contains("Inga mål hittades i dokumentet."))
        #expect(html.contains("<b>0</b> mål"))
    }
}

/// Small readers of the report's HTML for the tests (the page is our own,
/// regular markup, so string scanning is enough).
enum ReportHTML {
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Text with tags removed and entities decoded.
    static func stripTags(_ s: String) -> String {
        var out = "", inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return unescape(out)
    }

    /// Without the goal labels ("M1") the page puts before each goal in the text.
    static func removingTags(_ html: String) -> String {
        var out = html
        while let start = out.range(of: "<a class=\"tag "), let end = out[start.upperBound...].range(of: "</a>") {
            out.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return out
    }

    /// The raw HTML between `open` and the matching `close` of the same element name.
    static func elementText(_ html: String, open: String, close: String) -> String? {
        guard let start = html.range(of: open) else { return nil }
        let name = close.dropFirst(2).dropLast()
        var depth = 1, i = start.upperBound
        while i < html.endIndex {
            if html[i...].hasPrefix(close) {
                depth -= 1
                if depth == 0 { return String(html[start.upperBound..<i]) }
            } else if html[i...].hasPrefix("<\(name) ") || html[i...].hasPrefix("<\(name)>") {
                depth += 1
            }
            i = html.index(after: i)
        }
        return nil
    }

    /// The text a goal's mark shows, without the finding spans' markup.
    static func markText(_ html: String, id: String) -> String? {
        guard let r = html.range(of: "id=\"\(id)\""), let gt = html[r.upperBound...].firstIndex(of: ">") else { return nil }
        let rest = html[html.index(after: gt)...]
        guard let end = rest.range(of: "</mark>") else { return nil }
        return stripTags(String(rest[..<end.lowerBound]))
    }

    static func attributeValues(_ html: String, name: String) -> [String] {
        html.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// Every listed element closes in the reverse order it opened.
    static func nestingIsValid(_ html: String, tags: Set<String>) -> Bool {
        var stack: [String] = []
        var i = html.startIndex
        while let lt = html[i...].firstIndex(of: "<") {
            let after = html.index(after: lt)
            let closing = after < html.endIndex && html[after] == "/"
            let nameStart = closing ? html.index(after: after) : after
            let name = String(html[nameStart...].prefix { $0.isLetter })
            if tags.contains(name) {
                if closing {
                    if stack.popLast() != name { return false }
                } else {
                    stack.append(name)
                }
            }
            i = after
        }
        return stack.isEmpty
    }
}
