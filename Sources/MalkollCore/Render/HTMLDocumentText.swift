/// Where each goal, and the spans its findings rest on, lie in the document
/// text: scalar ranges made safe to nest as HTML (goals never overlap, a
/// finding span lies inside its goal, overlapping finding spans merge, and a
/// finding on the whole goal gets no span of its own).
struct HTMLTextPlan {
    struct GoalSpan {
        /// Index of the goal in the report's goal order.
        var goal: Int
        var range: Range<Int>
        /// Merged finding spans inside `range`, in order.
        var marks: [Range<Int>]
    }

    /// Highlighted goals in text order.
    private(set) var spans: [GoalSpan] = []
    /// For each goal: index into `spans`, or nil when it cannot be shown in place.
    private(set) var spanOfGoal: [Int?]
    /// For each goal and each of its findings (in the goal's finding order):
    /// the index of the merged mark it belongs to, or nil.
    private(set) var markOfFinding: [[Int?]]

    /// - Parameters:
    ///   - goals: in the report's order (text order).
    ///   - length: the text's length in Unicode scalars.
    init(goals: [Goal], length: Int) {
        spanOfGoal = Array(repeating: nil, count: goals.count)
        markOfFinding = goals.map { Array(repeating: nil, count: $0.findings.count) }
        var previousEnd = 0
        for (i, goal) in goals.enumerated() {
            // A goal overlapping the one before is shown from where that one ends.
            let start = max(min(goal.location.start, length), previousEnd)
            let end = min(goal.location.end, length)
            guard start < end else { continue }
            previousEnd = end
            var marks: [Range<Int>] = []
            let order = goal.findings.indices.sorted { goal.findings[$0].location.start < goal.findings[$1].location.start }
            for f in order {
                let loc = goal.findings[f].location
                let s = max(loc.start, start), e = min(loc.end, end)
                // A span over the whole goal would only repeat the goal's own mark.
                guard s < e, !(s == start && e == end) else { continue }
                if let last = marks.last, s < last.upperBound {
                    marks[marks.count - 1] = last.lowerBound..<max(last.upperBound, e)
                } else {
                    marks.append(s..<e)
                }
                markOfFinding[i][f] = marks.count - 1
            }
            spanOfGoal[i] = spans.count
            spans.append(GoalSpan(goal: i, range: start..<end, marks: marks))
        }
    }
}

/// Writes the document text with goals and finding spans marked in place.
enum HTMLDocumentText {
    /// Markup to insert before the scalar at `offset`.
    private enum Insert {
        case openGoal(Int)
        case openMark(goal: Int, mark: Int)
        case close(StaticString)
    }

    /// - Parameters:
    ///   - idOfGoal: the HTML id of goal i's card; its mark in the text gets
    ///     `id + "-t"`, its finding span k (from 1) gets `id + "-s" + k`.
    ///   - label: the short label shown at the goal's start ("M3").
    static func write(_ text: String, plan: HTMLTextPlan, goals: [Goal], idOfGoal: (Int) -> String,
                      label: (Int) -> String, into w: inout HTMLWriter) {
        // Goals come in text order and marks nest inside them, so the inserts are in order.
        var inserts: [(offset: Int, what: Insert)] = []
        for span in plan.spans {
            inserts.append((span.range.lowerBound, .openGoal(span.goal)))
            for (k, mark) in span.marks.enumerated() {
                inserts.append((mark.lowerBound, .openMark(goal: span.goal, mark: k)))
                inserts.append((mark.upperBound, .close("</span>")))
            }
            inserts.append((span.range.upperBound, .close("</mark>")))
        }
        func emit(_ insert: Insert) {
            switch insert {
            case let .openGoal(g):
                let id = idOfGoal(g)
                let verdict = goals[g].vague ? "vague" : "clear"
                w.raw("<a class=\"tag \(verdict)\"")
                w.attr("href", "#" + id)
                w.attr("title", "Till mål \(label(g))")
                w.raw(">")
                w.text(label(g))
                w.raw("</a><mark class=\"goal \(verdict)\"")
                w.attr("id", id + "-t")
                w.attr("data-g", id)
                w.raw(">")
            case let .openMark(g, k):
                w.raw("<span class=\"fs\"")
                w.attr("id", "\(idOfGoal(g))-s\(k + 1)")
                w.raw(">")
            case let .close(tag):
                w.raw("\(tag)")
            }
        }
        var next = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            while next < inserts.count, inserts[next].offset == offset {
                emit(inserts[next].what)
                next += 1
            }
            w.scalarText(scalar)
            offset += 1
        }
        while next < inserts.count {
            emit(inserts[next].what)
            next += 1
        }
    }
}
