/// The bridge to the number and time readers of `Extract/` (targets,
/// deadlines, recurrences). Everything the analyzer reads about quantities
/// and time goes through here, so the readers plug in at one place.
struct TimeFields {
    var deadline: Deadline?
    /// UTF-16 range of the deadline phrase.
    var deadlineRange: Range<Int>?
    var recurrence: String?
}

enum FieldReaders {
    /// Whether the target reader of Extract/ is plugged in (the target bars apply).
    static let targetsPlugged = false

    static func targets(_ doc: Document, _ range: Range<Int>) -> [Target] {
        // TargetReader (Extract/) is not on main yet: no targets until it is.
        []
    }

    static func time(_ doc: Document, _ range: Range<Int>) -> TimeFields {
        // TimeReader (Extract/) is not on main yet. Until it is, the end of
        // the period is the last year or ISO date in the span.
        var fields = TimeFields()
        if let (r, date) = lastDate(doc, range) {
            fields.deadline = Deadline(text: doc.string(r), date: date, inherited: false)
            fields.deadlineRange = r
        }
        return fields
    }

    /// The last year (1900–2099) or ISO date in the span, not part of a
    /// longer number.
    private static func lastDate(_ doc: Document, _ range: Range<Int>) -> (Range<Int>, String)? {
        let u = doc.utf16
        func digit(_ i: Int) -> Bool { i >= range.lowerBound && i < range.upperBound && u[i] >= 0x30 && u[i] <= 0x39 }
        var best: (Range<Int>, String)? = nil
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            if digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i - 1) && !digit(i + 4)
                && (u[i] == 0x31 && u[i + 1] == 0x39 || u[i] == 0x32 && u[i + 1] == 0x30) {
                var end = i + 4
                // YYYY-MM-DD
                if end + 6 <= range.upperBound, u[end] == 0x2D, digit(end + 1), digit(end + 2), u[end + 3] == 0x2D,
                   digit(end + 4), digit(end + 5), !digit(end + 6) {
                    end += 6
                }
                // Space in a number ("10 2020") is not a year; neither is a decade ("2020-talet").
                let decade = end + 1 < range.upperBound && u[end] == 0x2D && u[end + 1] == 0x74
                if !decade { best = (i..<end, doc.string(i..<end)) }
                i = end
            } else {
                i += 1
            }
        }
        return best
    }
}
