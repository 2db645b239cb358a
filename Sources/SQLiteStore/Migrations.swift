import Foundation
import GRDB
import LedgerResources

/// The schema migrations, read from `ledger/migrations/NNNN-name.sql` in name order. Each is applied once,
/// in its own transaction, and recorded by GRDB in `grdb_migrations`; a failed one leaves nothing behind.
enum Migrations {
    /// A migration that rebuilds a table says so on a line of its own; it runs with foreign keys off and GRDB
    /// checks the whole database afterwards. Every other one runs with them on, so opening a district ledger
    /// does not scan it for nothing.
    static let rebuildsMarker = "-- hocphi: rebuilds tables"

    static func migrator(upTo last: String? = nil) throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in try LedgerResources.migrations() {
            let rebuilds = sql.contains(rebuildsMarker)
            migrator.registerMigration(name, foreignKeyChecks: rebuilds ? .deferred : .immediate) { db in try db.execute(sql: sql) }
            if name == last { break }
        }
        return migrator
    }

    /// A ledger written by a newer HocPhi has migrations this one does not know: opening it could write rows
    /// its schema no longer allows, or miss a rule it now enforces, so it is refused.
    struct NewerLedger: Error, CustomStringConvertible {
        let unknown: [String]
        var description: String {
            "this ledger was written by a newer HocPhi (schema \(unknown.joined(separator: ", "))); update HocPhi to open it"
        }
    }

    static func migrate(_ writer: any DatabaseWriter, upTo last: String? = nil) throws {
        let migrator = try migrator(upTo: last)
        let known = Set(try LedgerResources.migrations().map(\.name))
        let unknown = try writer.read { db in
            try db.tableExists("grdb_migrations") ? try migrator.appliedIdentifiers(db).subtracting(known).sorted() : []
        }
        guard unknown.isEmpty else { throw NewerLedger(unknown: unknown) }
        try migrator.migrate(writer)
    }
}
