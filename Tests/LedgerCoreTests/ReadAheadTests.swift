import Foundation
@testable import LedgerCore
import Testing

/// `ReadAhead` must behave as if producer and consumer ran one after the other on one thread: same items in the
/// same order, the producer's error after the items before it, the consumer's error stopping the producer.
@Suite("ReadAhead: reading on one thread, storing on another")
struct ReadAheadTests {
    struct Bad: Error, Equatable { let at: Int }

    /// Counts what the producer did, across threads.
    final class Probe: @unchecked Sendable {
        private let lock = NSLock()
        private var emitted = 0
        private var refused = false
        func emitted(_ accepted: Bool) { lock.withLock { if accepted { emitted += 1 } else { refused = true } } }
        var counts: (emitted: Int, refused: Bool) { lock.withLock { (emitted, refused) } }
    }

    @Test("every item arrives once, in order, whatever the batch size and queue depth",
          arguments: [(1, 1), (7, 2), (512, 8), (10_000, 1)])
    func order(batchSize: Int, depth: Int) throws {
        var seen: [Int] = []
        let result = try ReadAhead.run(batchSize: batchSize, depth: depth, produce: { emit in
            for i in 0..<5_000 { guard emit(i) else { throw ReadAhead.Stopped() } }
            return "done"
        }, consume: { batch in
            #expect(batch.count <= batchSize)
            seen += batch
        })
        #expect(result == "done")
        #expect(seen == Array(0..<5_000))
    }

    @Test("nothing produced: the result alone")
    func empty() throws {
        var batches = 0
        let result = try ReadAhead.run(produce: { (_: (Int) -> Bool) in 42 }, consume: { _ in batches += 1 })
        #expect(result == 42 && batches == 0)
    }

    @Test("the producer's error comes after every item it produced before it")
    func producerError() throws {
        var seen: [Int] = []
        #expect(throws: Bad(at: 1_000)) {
            _ = try ReadAhead.run(batchSize: 64, depth: 2, produce: { emit -> Int in
                for i in 0..<1_000 { guard emit(i) else { throw ReadAhead.Stopped() } }
                throw Bad(at: 1_000)
            }, consume: { batch in seen += batch })
        }
        #expect(seen == Array(0..<1_000))
    }

    @Test("the consumer's error stops the producer, which is finished when run returns")
    func consumerError() throws {
        let probe = Probe()
        var consumed = 0
        #expect(throws: Bad(at: 3)) {
            _ = try ReadAhead.run(batchSize: 10, depth: 2, produce: { emit -> Int in
                for i in 0..<1_000_000 {
                    let accepted = emit(i)
                    probe.emitted(accepted)
                    guard accepted else { throw ReadAhead.Stopped() }
                }
                return 0
            }, consume: { batch in
                consumed += 1
                if consumed == 3 { throw Bad(at: 3) }
            })
        }
        // The producer was joined: its counts no longer move, and it was told to stop long before its end.
        let (emitted, refused) = probe.counts
        #expect(refused)
        #expect(emitted < 1_000)
        #expect(probe.counts.emitted == emitted)
    }
}
