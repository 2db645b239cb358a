import Foundation
import LedgerCore

/// Hands reconciliation batches from the thread that decides to the thread that writes.
///
/// A run spends about a third of its time in Swift (reading descriptions, sealing journal records) and the
/// rest in SQLite; on two cores the two overlap. At most `capacity` batches wait, so memory stays bounded
/// whichever side is slower. Either side can stop the other: the decider by finishing (with or without an
/// error), the writer by failing — the decider's next `send` then throws.
final class BatchPipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: [LedgerChanges] = []
    private var producerFinished = false
    private var decidersError: (any Error)?
    private var writerError: (any Error)?
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The writer stopped with an error; the decider stops at its next batch.
    struct WriterStopped: Error {}

    /// Decider: queue a batch, waiting while `capacity` batches wait already.
    func send(_ changes: LedgerChanges) throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= capacity && writerError == nil { condition.wait() }
        if writerError != nil { throw WriterStopped() }
        waiting.append(changes)
        condition.broadcast()
    }

    /// Decider: no more batches (`error`: why it stopped early).
    func finish(_ error: (any Error)?) {
        condition.lock()
        producerFinished = true
        decidersError = error
        condition.broadcast()
        condition.unlock()
    }

    /// Writer: the next batch, or nil once the decider has finished and every batch was taken.
    func next() -> LedgerChanges? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !producerFinished { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Why the decider stopped early, if it did (read by the writer once `next()` has returned nil).
    var producerError: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return decidersError
    }

    /// Writer: a batch could not be written; what waits is dropped and the decider is told.
    func fail(_ error: any Error) {
        condition.lock()
        writerError = error
        waiting.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// A one-shot result handed from the writer queue back to the caller.
final class WriterOutcome: @unchecked Sendable {
    private let condition = NSCondition()
    private var started: Result<Void, any Error>?
    private var ended: Result<Void, any Error>?

    func didStart(_ result: Result<Void, any Error>) {
        condition.lock(); started = result; condition.broadcast(); condition.unlock()
    }
    func didEnd(_ result: Result<Void, any Error>) {
        condition.lock(); ended = result; if started == nil { started = result }; condition.broadcast(); condition.unlock()
    }
    func waitForStart() -> Result<Void, any Error> {
        condition.lock(); defer { condition.unlock() }
        while started == nil { condition.wait() }
        return started!
    }
    func waitForEnd() -> Result<Void, any Error> {
        condition.lock(); defer { condition.unlock() }
        while ended == nil { condition.wait() }
        return ended!
    }
}
