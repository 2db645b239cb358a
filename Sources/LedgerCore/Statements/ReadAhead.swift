#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Foundation

/// Runs a producer on a thread of its own while the calling thread consumes what it produces, in batches,
/// through a bounded queue: the two halves of a statement import (reading and fingerprinting lines, storing
/// them) then run on two cores at once, and memory stays bounded because the producer waits when `depth`
/// batches are waiting.
///
/// Order and errors are those of running both on one thread: batches are consumed in the order produced, and
/// the producer's error (or its result) comes after its last batch, so a failure on an earlier line is met
/// first. When the consumer throws, the producer is told to stop (its next `emit` returns false) and is joined
/// before `run` returns, so nothing it touches is used by two threads at once, and nothing outlives the call.
enum ReadAhead {
    /// What a producer throws when `emit` says the consumer has stopped.
    struct Stopped: Error {}

    /// - Parameters:
    ///   - produce: runs on the new thread; hands items to `emit`, which returns false once the consumer has
    ///     stopped (the producer should then throw `Stopped` at once; nobody waits for its result any more).
    ///   - consume: runs on the calling thread, once per batch, in order.
    static func run<Item: Sendable, Result: Sendable>(
        batchSize: Int = 512, depth: Int = 8,
        produce: @escaping @Sendable (_ emit: (Item) -> Bool) throws -> Result,
        consume: ([Item]) throws -> Void
    ) throws -> Result {
        let queue = BoundedBatches<Item, Result>(depth: depth)
        let worker = try JoinedThread {
            var batch: [Item] = []
            batch.reserveCapacity(batchSize)
            var open = true
            let outcome = Swift.Result { () throws -> Result in
                try produce { item in
                    guard open else { return false }
                    batch.append(item)
                    if batch.count == batchSize {
                        open = queue.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                    return open
                }
            }
            // The items before an error too: the consumer meets them first, as it would on one thread.
            if open, !batch.isEmpty { open = queue.put(batch) }
            queue.finish(outcome)
        }
        defer { worker.join() }
        do {
            while true {
                switch queue.take() {
                case .batch(let items): try consume(items)
                case .end(let outcome): return try outcome.get()
                }
            }
        } catch {
            queue.cancel()
            throw error
        }
    }
}

/// The queue between the two threads: at most `depth` batches wait; the producer's outcome ends it.
private final class BoundedBatches<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    // Every stored property is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private let depth: Int
    private var batches: [[Item]] = []
    private var head = 0
    private var outcome: Swift.Result<Result, any Error>?
    private var cancelled = false

    enum Next {
        case batch([Item])
        case end(Swift.Result<Result, any Error>)
    }

    init(depth: Int) { self.depth = depth }

    /// Waits for room; false when the consumer has stopped.
    func put(_ batch: [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= depth && !cancelled { condition.wait() }
        if cancelled { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    func finish(_ result: Swift.Result<Result, any Error>) {
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; the outcome once every batch has been taken.
    func take() -> Next {
        condition.lock()
        defer { condition.unlock() }
        while head == batches.count && outcome == nil { condition.wait() }
        if head < batches.count {
            let batch = batches[head]
            head += 1
            if head == batches.count || head > 64 {
                batches.removeFirst(head)
                head = 0
            }
            condition.broadcast()
            return .batch(batch)
        }
        return .end(outcome!)
    }

    func cancel() {
        condition.lock()
        cancelled = true
        batches = []
        head = 0
        condition.broadcast()
        condition.unlock()
    }
}

/// A POSIX thread running one closure, joined explicitly: unlike `Thread`, `join` guarantees the thread has
/// finished and released the closure (and what it captured) before the caller goes on.
private struct JoinedThread {
    private let thread: pthread_t

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    struct StartFailure: Error, CustomStringConvertible {
        let code: Int32
        var description: String { "cannot start a thread to read the statement (error \(code))" }
    }

    init(_ run: @escaping @Sendable () -> Void) throws {
        let context = Unmanaged.passRetained(Body(run)).toOpaque()
        #if canImport(Darwin)
        var handle: pthread_t?
        let code = pthread_create(&handle, nil, { context in
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        #else
        var handle = pthread_t()
        let code = pthread_create(&handle, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        #endif
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw StartFailure(code: code)
        }
        #if canImport(Darwin)
        thread = handle!
        #else
        thread = handle
        #endif
    }

    func join() {
        pthread_join(thread, nil)
    }
}
