import Foundation

/// Converts the internal coordinate (UTF-16 offsets) to what people and the
/// JSON see: Unicode-scalar offsets, and 1-based line:column (column in
/// scalars). LF, CRLF and CR all end a line.
public struct OffsetMap: @unchecked Sendable {
    /// UTF-16 offsets of the high surrogates: each one makes the UTF-16
    /// offset run one ahead of the scalar offset.
    private let surrogates: [Int32]
    /// UTF-16 offsets where each line starts: found on first use, as only
    /// line:column output needs them (not `segment`'s scalar spans).
    private let lines: LineStarts

    public init(_ utf16: [UInt16]) {
        surrogates = utf16.withUnsafeBufferPointer(OffsetMap.highSurrogates)
        lines = LineStarts(utf16)
    }

    private var lineStarts: [Int32] { lines.value }

    /// Offsets of the high surrogates. Most text has none: each block of
    /// units is first checked by a minimum, a loop the compiler vectorises.
    private static func highSurrogates(_ u: UnsafeBufferPointer<UInt16>) -> [Int32] {
        var found: [Int32] = []
        let block = 4096
        var from = 0
        while from < u.count {
            let to = min(u.count, from + block)
            var least: UInt16 = .max
            for i in from..<to { least = min(least, u[i] &- 0xD800) }
            if least < 0x400 {
                for i in from..<to where u[i] &- 0xD800 < 0x400 { found.append(Int32(i)) }
            }
            from = to
        }
        return found
    }

    /// Line starts, scanned once when first asked for (thread-safe).
    private final class LineStarts: @unchecked Sendable {
        private let utf16: [UInt16]
        private var starts: [Int32]?
        private let lock = NSLock()

        init(_ utf16: [UInt16]) { self.utf16 = utf16 }

        var value: [Int32] {
            lock.lock()
            defer { lock.unlock() }
            if let starts { return starts }
            let made = utf16.withUnsafeBufferPointer(LineStarts.scan)
            starts = made
            return made
        }

        private static func scan(_ u: UnsafeBufferPointer<UInt16>) -> [Int32] {
            var starts: [Int32] = [0]
            let n = u.count
            var i = 0
            while i < n {
                let c = u[i]
                if c == 0x0A {
                    starts.append(Int32(i + 1))
                } else if c == 0x0D {
                    if i + 1 < n, u[i + 1] == 0x0A { i += 1 }
                    starts.append(Int32(i + 1))
                }
                i += 1
            }
            return starts
        }
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
