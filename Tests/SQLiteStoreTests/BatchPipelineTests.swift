import Foundation
import GRDB
import LedgerCore
import Testing
@testable import SQLiteStore

@Suite("Batch pipeline")
struct BatchPipelineTests {
    static func batch(_ n: Int64) -> LedgerChanges {
        LedgerChanges(base: LedgerHead(journalSequence: n), at: Timestamp(secondsSince1970: 0), actor: "test")
    }

    @Test("batches arrive in order across threads; the writer sees the end once every batch is taken")
    func inOrder() async throws {
        let pipeline = BatchPipeline(capacity: 2)
        let producer = Task.detached {
            for n in 1...50 { try pipeline.send(Self.batch(Int64(n))) }
            pipeline.finish(nil)
        }
        var received: [Int64] = []
        while let batch = pipeline.next() { received.append(batch.base.journalSequence) }
        try await producer.value
        #expect(received == Array(1...50))
        #expect(pipeline.producerError == nil)
    }

    @Test("a writer failure stops the decider at its next batch; a decider failure reaches the writer")
    func failures() async throws {
        struct Broken: Error {}
        let pipeline = BatchPipeline(capacity: 1)
        try pipeline.send(Self.batch(1))
        #expect(pipeline.next() != nil)
        pipeline.fail(Broken())
        #expect(throws: BatchPipeline.WriterStopped.self) { try pipeline.send(Self.batch(2)) }

        let other = BatchPipeline(capacity: 1)
        other.finish(Broken())
        #expect(other.next() == nil)
        #expect(other.producerError is Broken)
    }
}

@Suite("Reconciliation transaction")
struct ReconciliationTransactionTests {
    struct Stop: Error {}

    /// A batch that adds one audit record on `head`.
    static func batch(on head: LedgerHead, _ n: Int) -> LedgerChanges {
        var changes = LedgerChanges(base: head, at: Timestamp(secondsSince1970: 1_760_000_000), actor: "test")
        changes.audit(AuditEvent("test.batch", subject: "\(n)"))
        return changes
    }

    /// Three batches, each on the previous one's head.
    static func applyThree(_ session: any ReconciliationSession, on base: LedgerHead) throws {
        var head = base
        for n in 1...3 {
            let changes = batch(on: head, n)
            try session.apply(changes)
            head = changes.head
        }
    }

    @Test("on a ledger file and in memory: every batch lands, or none does when the run throws after some", arguments: [true, false])
    func allOrNothing(onDisk: Bool) throws {
        let fixture = try Fixture(onDisk: onDisk)
        try fixture.populate()
        let before = try fixture.store.head()
        #expect(throws: Stop.self) {
            try fixture.store.reconcileInTransaction(base: before) { session in
                try Self.applyThree(session, on: before)
                _ = try session.undecidedLineIDs()
                throw Stop()
            }
        }
        #expect(try fixture.store.head() == before)

        try fixture.store.reconcileInTransaction(base: before) { session in
            try Self.applyThree(session, on: before)
        }
        #expect(try fixture.store.head().auditSequence == before.auditSequence + 3)
    }

    @Test("a stale head, or a batch that does not continue the last one, is refused and writes nothing", arguments: [true, false])
    func conflicts(onDisk: Bool) throws {
        let fixture = try Fixture(onDisk: onDisk)
        try fixture.populate()
        let before = try fixture.store.head()
        #expect(throws: StoreConflict.self) { try fixture.store.reconcileInTransaction(base: .empty) { _ in } }
        #expect(throws: StoreConflict.self) {
            try fixture.store.reconcileInTransaction(base: before) { session in
                try session.apply(Self.batch(on: before, 1))
                try session.apply(Self.batch(on: before, 2))          // not on the first batch's head
            }
        }
        #expect(try fixture.store.head() == before)
    }
}

@Suite("Store errors for people")
struct StoreErrorTests {
    @Test("a busy ledger is explained as a reason to wait; other errors are left as they are")
    func busy() {
        let busy = SQLiteLedgerStore.explanation(of: DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked"))
        #expect(busy?.contains("sổ cái đang bận") == true && busy?.contains("nothing was changed") == true)
        #expect(SQLiteLedgerStore.explanation(of: DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "x")) == nil)
        #expect(SQLiteLedgerStore.explanation(of: CocoaError(.fileNoSuchFile)) == nil)
    }
}
