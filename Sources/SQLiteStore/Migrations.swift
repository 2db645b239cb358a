import Foundation
import GRDB
import LedgerResources

/// The schema migrations, read from `ledger/migrations/NNNN-name.sql` in name order. Each is applied once,
/// in its own transaction, and recorded by GRDB in `grdb_migrations`; a failed one leaves nothing behind.
enum Migrations {
    static func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in try LedgerResources.migrations() {
            migrator.registerMigration(name) { db in try db.execute(sql: sql) }
        }
        return migrator
    }
}
