import CICU

/// An ICU break iterator (word or sentence, locale sv) over a UTF-16 buffer.
/// Not thread-safe: one per thread.
public final class ICUBreaker {
    public enum Kind { case word, sentence }
    private let handle: OpaquePointer
    // Reused between calls from one thread: no dynamic exclusivity check.
    @exclusivity(unchecked) private var boundaries: [Int32] = []

    public init(_ kind: Kind, locale: String = "sv_SE") throws {
        var error: UnsafePointer<CChar>? = nil
        var empty: [UInt16] = [0]
        let h = empty.withUnsafeMutableBufferPointer { buf in
            mk_breaker_open(kind == .word ? Int32(MK_BREAK_WORD) : Int32(MK_BREAK_SENTENCE), locale, buf.baseAddress, 0, &error)
        }
        guard let h else {
            throw MalkollError.internal("ICU break iterator: \(error.map { String(cString: $0) } ?? "unknown error")")
        }
        handle = h
    }

    deinit { mk_breaker_close(handle) }

    /// Every boundary of `units[range]` after its start, as absolute offsets.
    /// (ICU's rule statuses are not asked for: the tokenizer reads the same
    /// from the characters, and asking cost a tenth of the word break.)
    /// The result array is reused between calls.
    public func breaks(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
                       _ body: (_ boundaries: UnsafeBufferPointer<Int32>) -> Void) {
        let length = range.count
        if length == 0 { return }
        if boundaries.count < length + 1 { boundaries = [Int32](repeating: 0, count: length + 1) }
        _ = mk_breaker_set_text(handle, units.baseAddress! + range.lowerBound, Int32(length))
        _ = mk_breaker_first(handle)
        let base = Int32(range.lowerBound)
        boundaries.withUnsafeMutableBufferPointer { b in
            let n = Int(mk_breaker_all(handle, b.baseAddress, Int32(b.count)))
            if base != 0 { for i in 0..<n { b[i] += base } }
            body(UnsafeBufferPointer(rebasing: b[0..<n]))
        }
    }
}
