import Foundation

/// How many threads one document's work may use, and a helper that runs
/// independent pieces of it on them. Every caller produces the same output
/// with any number of threads: pieces are cut and joined in a fixed order.
public enum Parallelism {
    /// At most two threads (more gave nothing measurable on the language
    /// layer), or fewer cores; `MALKOLL_THREADS=1` forbids the second thread
    /// (benchmarks, and batch jobs when every core has a worker).
    public static let maxThreads: Int = {
        let env = ProcessInfo.processInfo.environment["MALKOLL_THREADS"].flatMap { Int($0) }
        return max(1, min(2, env ?? ProcessInfo.processInfo.activeProcessorCount))
    }()

    /// Documents below this many UTF-16 units use one thread: below it the
    /// threads' start-up costs more than they save.
    public static let minimumUnits = 1 << 20

    /// Cuts 0..<count into at most `pieces` consecutive ranges of about
    /// equal size, each cut at an index where `canCut` holds (searching
    /// forward from the even split); fewer pieces when no such index is left.
    public static func pieces(_ count: Int, _ pieces: Int, canCut: (Int) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var from = 0
        for k in 1..<max(1, pieces) {
            var cut = max(from + 1, count * k / pieces)
            while cut < count, !canCut(cut) { cut += 1 }
            if cut >= count { break }
            ranges.append(from..<cut)
            from = cut
        }
        ranges.append(from..<count)
        return ranges
    }

    /// `transform` of every element, computed at once on up to `threads`.
    public static func map<T, R>(_ items: [T], threads: Int = maxThreads, _ transform: (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { out in
            run(items.count, threads: threads) { out[$0] = transform(items[$0]) }
        }
        return results.map { $0! }
    }

    /// The parts one after another, each copied into place by its own thread.
    public static func concatenate<T>(_ parts: [[T]], threads: Int = maxThreads) -> [T] {
        if parts.count == 1 { return parts[0] }
        var starts = [0]
        for p in parts { starts.append(starts.last! + p.count) }
        return [T](unsafeUninitializedCapacity: starts.last!) { out, count in
            run(parts.count, threads: threads) { k in
                _ = UnsafeMutableBufferPointer(rebasing: out[starts[k]..<starts[k + 1]]).initialize(from: parts[k])
            }
            count = starts.last!
        }
    }

    /// Runs `body(i)` for every i in 0..<count, at once when `threads` > 1.
    public static func run(_ count: Int, threads: Int = maxThreads, _ body: (Int) -> Void) {
        if count == 1 || threads <= 1 {
            for i in 0..<count { body(i) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }
}
