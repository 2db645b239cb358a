import GRDB
import LedgerCore
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// A query stepped through SQLite's C API, reading columns by position.
///
/// GRDB's `Row` copies every row into a dictionary-like value before a column is read; loading a million
/// invoices for reconciliation that way costs seconds. Here each column is read straight from SQLite's
/// buffer into the Swift value that is kept.
struct FastQuery {
    private let statement: GRDB.Statement
    private let db: Database
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Binds `values` to ?1, ?2, … (every parameter, every time) before the first `next()`.
    func bind(_ values: FastValue...) throws {
        let handle = handle
        sqlite3_reset(handle)
        precondition(Int32(values.count) == sqlite3_bind_parameter_count(handle), "\(values.count) values for \(statement.sql)")
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 = switch value {
            case .null: sqlite3_bind_null(handle, index)
            case .int(let number): sqlite3_bind_int64(handle, index, number)
            case .text(var text):
                text.withUTF8 { bytes in
                    sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                                      Int32(bytes.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
                }
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    /// Steps to the next row; false (and the statement reset) when there is none.
    func next() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        let failure = code == SQLITE_DONE ? nil : error(code)
        sqlite3_reset(handle)
        if let failure { throw failure }
        return false
    }

    /// Ends a row loop left early (a throw from the caller's body): the statement holds no read cursor after.
    func reset() { sqlite3_reset(handle) }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func text(_ column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }
    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                      sql: statement.sql)
    }
}
