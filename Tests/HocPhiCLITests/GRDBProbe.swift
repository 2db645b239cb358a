import GRDB

/// Reads a ledger file directly, as a principal with the sqlite3 shell would.
struct GRDBProbe {
    let queue: DatabaseQueue
    init(path: String) throws { queue = try DatabaseQueue(path: path) }
    func count(_ sql: String) throws -> Int { try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 } }
}
