import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A cached prepared statement bound and stepped through SQLite's C API.
///
/// GRDB's `execute(arguments:)` boxes every value into a `DatabaseValue` array first; at a million rows that
/// costs as much as the insert itself. The hot writes (statement lines, journal entries and postings,
/// allocations, status updates) bind in place instead. Values are copied by SQLite (`SQLITE_TRANSIENT`), so
/// Swift strings need not outlive the call.
struct FastStatement {
    let statement: Statement
    let db: Database
    private var handle: SQLiteStatement { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds `values` to ?1, ?2, … and runs the statement once; returns whether a row changed.
    @discardableResult
    func run(_ values: FastValue...) throws -> Bool {
        let handle = handle
        // Every parameter bound each time: a missing value would otherwise silently reuse the previous row's.
        precondition(Int32(values.count) == sqlite3_bind_parameter_count(handle),
                     "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) parameters in \(statement.sql)")
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let bound: Int32
            switch value {
            case .null: bound = sqlite3_bind_null(handle, index)
            case .int(let number): bound = sqlite3_bind_int64(handle, index, number)
            case .text(var text):
                bound = text.withUTF8 { bytes in
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), Self.transient)
                }
            }
            guard bound == SQLITE_OK else {
                throw DatabaseError(resultCode: ResultCode(rawValue: bound), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: statement.sql)
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        let changed = sqlite3_changes(db.sqliteConnection) > 0
        sqlite3_reset(handle)              // done with this row: the statement holds nothing between runs
        return changed
    }
}

/// One value to bind: text, integer or NULL (what the ledger's STRICT tables hold).
enum FastValue {
    case text(String)
    case int(Int64)
    case null

    static func text(_ value: String?) -> FastValue { value.map(FastValue.text) ?? .null }
    static func int(_ value: Int64?) -> FastValue { value.map(FastValue.int) ?? .null }
    static func int(_ value: Int) -> FastValue { .int(Int64(value)) }
    static func bool(_ value: Bool?) -> FastValue { value.map { .int($0 ? 1 : 0) } ?? .null }
}
