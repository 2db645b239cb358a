import GRDB
import LedgerCore
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The insert of one bank line during `commitStatement`, bound field by field through SQLite's C API.
///
/// A million-line import runs this a million times on the database's thread, which is the import's slower
/// half (`Ledger.importStatement` reads on the other core), so the Swift work per line is kept to copying bytes:
/// every text of the row is appended to one reused buffer (dates written as digits, no `String` built) and
/// bound from there with `SQLITE_STATIC`, so neither Swift nor SQLite allocates per line. The statement id and
/// account, the same for every line of the import, are bound once; every other parameter is bound for every
/// line (NULL when absent), so nothing is left over from the previous line.
///
/// The statement is prepared for this import alone (not cached): the buffer its text bindings point into
/// lives exactly as long as it does.
final class StatementLineInsert {
    private let statement: GRDB.Statement
    private let db: Database
    private var handle: SQLiteStatement { statement.sqliteStatement }
    /// The row's text, bound in place; reused from line to line.
    private var text: [UInt8] = []

    init(_ db: Database, statementID: Int64, account: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: """
            INSERT INTO statement_lines (statement_id, account, booking_date, value_date, direction, amount, running_balance,
                                         bank_reference, reference_key, fingerprint, counterparty, counterparty_account,
                                         description, position)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
            ON CONFLICT DO NOTHING
            """)
        precondition(sqlite3_bind_parameter_count(handle) == 14)
        text.reserveCapacity(512)
        try check(sqlite3_bind_int64(handle, 1, statementID))
        var account = account
        try check(account.withUTF8 { bytes in
            sqlite3_bind_text(handle, 2, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self),
                              Int32(bytes.count), Self.transient)
        })
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Stores the line unless the account already has one with the same fingerprint or bank reference (the
    /// unique indexes, `ON CONFLICT DO NOTHING`); says whether it stored it.
    func run(_ line: StatementLine, _ identity: LineIdentity) throws -> Bool {
        // The buffer is taken out of the object for the line's duration: one exclusive access, not one per field.
        var text = RowText(bytes: [])
        swap(&text.bytes, &self.text)
        defer { swap(&text.bytes, &self.text) }
        text.bytes.removeAll(keepingCapacity: true)
        // Where each text parameter's bytes are in the buffer (nil: NULL); bound once all are appended.
        let booking = text.append(line.bookingDate)
        let value = line.valueDate.map { text.append($0) }
        let direction = text.append(line.direction.rawValue)
        let reference = line.bankReference.map { text.append($0) }
        let referenceKey = identity.referenceKey.map { text.append($0) }
        let fingerprint = text.append(identity.fingerprint)
        let counterparty = line.counterpartyName.map { text.append($0) }
        let counterpartyAccount = line.counterpartyAccount.map { text.append($0) }
        let description = text.append(line.description)
        let handle = handle
        return try text.bytes.withUnsafeBufferPointer { bytes throws -> Bool in
            let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            func bind(_ index: Int32, _ span: Range<Int>?) throws {
                guard let span else { return try check(sqlite3_bind_null(handle, index)) }
                // SQLITE_STATIC (nil): the bytes stay put until the next line rebinds every one of these.
                try check(sqlite3_bind_text(handle, index, base + span.lowerBound, Int32(span.count), nil))
            }
            func bind(_ index: Int32, _ number: Int64?) throws {
                guard let number else { return try check(sqlite3_bind_null(handle, index)) }
                try check(sqlite3_bind_int64(handle, index, number))
            }
            try bind(3, booking)
            try bind(4, value)
            try bind(5, direction)
            try bind(6, line.amount.dong)
            try bind(7, line.runningBalance?.dong)
            try bind(8, reference)
            try bind(9, referenceKey)
            try bind(10, fingerprint)
            try bind(11, counterparty)
            try bind(12, counterpartyAccount)
            try bind(13, description)
            try bind(14, Int64(line.position))
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                sqlite3_reset(handle)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
            }
            let changed = sqlite3_changes(db.sqliteConnection) > 0
            sqlite3_reset(handle)
            return changed
        }
    }

    /// A row's text as it is gathered: each field's bytes appended, its place returned.
    private struct RowText {
        var bytes: [UInt8]

        /// `YYYY-MM-DD`, as `LocalDate.description` writes it (years have four digits).
        mutating func append(_ date: LocalDate) -> Range<Int> {
            let start = bytes.count
            date.appendISO(to: &bytes)
            return start..<bytes.count
        }

        mutating func append(_ string: String) -> Range<Int> {
            let start = bytes.count
            bytes.append(contentsOf: string.utf8)
            return start..<bytes.count
        }
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}
