import Foundation

/// Writes the archive database behind the run, on its own thread: a few
/// documents per transaction (each document whole), so the slots never wait
/// on SQLite. A run killed before a write reaches the database leaves it
/// consistent, only behind; the next run fills it in from the JSON files.
final class DatabaseWriter {
    let database: ArchiveDatabase
    private let condition = NSCondition()
    private var pending: [ArchiveDatabase.Change] = []
    private var closed = false
    private var error: Error?
    private let done = DispatchSemaphore(value: 0)
    /// Back-pressure: at most this many documents wait in memory.
    private let capacity = 64

    init(_ database: ArchiveDatabase) {
        self.database = database
        let t = Thread { [unowned self] in self.loop() }
        t.start()
    }

    func store(json: [UInt8], rel: String) { put(.store(json: json, rel: rel)) }
    func remove(rel: String) { put(.remove(rel: rel)) }

    private func put(_ change: ArchiveDatabase.Change) {
        condition.lock()
        while pending.count >= capacity && error == nil { condition.wait() }
        pending.append(change)
        condition.broadcast()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while pending.isEmpty && !closed { condition.wait() }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            let finished = closed && batch.isEmpty
            condition.broadcast()
            condition.unlock()
            if finished { break }
            do {
                try database.apply(batch, analyzerVersion: MalkollVersion.string)
            } catch {
                condition.lock()
                self.error = error
                closed = true
                pending.removeAll()
                condition.broadcast()
                condition.unlock()
                break
            }
        }
        done.signal()
    }

    /// Writes what is left and ends the thread; rethrows the first error.
    func finish() throws {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        done.wait()
        if let error { throw error }
    }
}
