/// Converts the internal coordinate (UTF-16 offsets) to what people and the
/// JSON see: Unicode-scalar offsets, and 1-based line:column (column in
/// scalars). LF, CRLF and CR all end a line.
public struct OffsetMap: Sendable {
    /// UTF-16 offsets of the high surrogates: each one makes the UTF-16
    /// offset run one ahead of the scalar offset.
    private let surrogates: [Int32]
    /// UTF-16 offsets where each line starts.
    private let lineStarts: [Int32]

    public init(_ utf16: [UInt16]) {
        var surrogates: [Int32] = []
        var lineStarts: [Int32] = [0]
        let n = utf16.count
        var i = 0
        while i < n {
            let u = utf16[i]
            if u < 0x0E {
                if u == 0x0A {
                    lineStarts.append(Int32(i + 1))
                } else if u == 0x0D {
                    if i + 1 < n, utf16[i + 1] == 0x0A { i += 1 }
                    lineStarts.append(Int32(i + 1))
                }
            } else if u >= 0xD800 && u < 0xDC00 {
                surrogates.append(Int32(i))
            }
            i += 1
        }
        self.surrogates = surrogates
        self.lineStarts = lineStarts
    }

    /// Number of elements of `array` that are < `value` (binary search).
    private static func countBelow(_ array: [Int32], _ value: Int32) -> Int {
        var lo = 0, hi = array.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if array[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// True when UTF-16 and scalar offsets coincide (no astral characters).
    public var isIdentity: Bool { surrogates.isEmpty }

    /// The Unicode-scalar offset of a UTF-16 offset.
    public func scalarOffset(_ utf16Offset: Int) -> Int {
        if surrogates.isEmpty { return utf16Offset }
        return utf16Offset - OffsetMap.countBelow(surrogates, Int32(utf16Offset))
    }

    /// 1-based line and column (column counted in scalars).
    public func lineColumn(_ utf16Offset: Int) -> (line: Int, column: Int) {
        let line = OffsetMap.countBelow(lineStarts, Int32(utf16Offset) + 1)
        let start = Int(lineStarts[line - 1])
        return (line, scalarOffset(utf16Offset) - scalarOffset(start) + 1)
    }

    public var lineCount: Int { lineStarts.count }
}
