import GRDB
import LedgerCore

/// The reads reconciliation decides from, as queries on one connection: the store runs them in a read
/// transaction (the review queue), a reconciliation session inside its write transaction (a run).
enum ReconciliationReads {
    static func forEachInvoiceBalance(_ db: Database, _ body: (InvoiceBalance) throws -> Void) throws {
        let rows = try FastQuery(db, """
            SELECT invoice_number, serial, student_code, period, amount_due, amount_paid, is_void, payment_code
            FROM invoices ORDER BY serial
            """)
        defer { rows.reset() }
        // Pupils and months repeat across invoices: each distinct text is validated once.
        var students: [String: StudentCode] = [:]
        var periods: [String: YearMonth] = [:]
        while try rows.next() {
            let number = rows.text(0)
            let place = { "invoices[\(number)]" }
            let studentText = rows.text(2)
            let student: StudentCode
            if let known = students[studentText] { student = known } else {
                student = try RowDecoding.require(StudentCode(studentText), place() + ".student_code", studentText)
                if students.count > 4_096 { students.removeAll(keepingCapacity: true) }
                students[studentText] = student
            }
            let periodText = rows.text(3)
            let period: YearMonth
            if let known = periods[periodText] { period = known } else {
                period = try RowDecoding.require(YearMonth(periodText), place() + ".period", periodText)
                periods[periodText] = period
            }
            let codeText = rows.text(7)
            try body(InvoiceBalance(
                number: number, serial: rows.int(1), studentCode: student, period: period,
                amountDue: Money(dong: rows.int(4)), amountPaid: Money(dong: rows.int(5)), isVoid: rows.int(6) != 0,
                paymentCode: try RowDecoding.require(PaymentCode(parsing: codeText), place() + ".payment_code", codeText)))
        }
    }

    static func forEachPupilName(_ db: Database, _ body: (StudentCode, String, ClassName) throws -> Void) throws {
        let rows = try FastQuery(db, "SELECT student_code, full_name, class_name FROM students ORDER BY student_code")
        defer { rows.reset() }
        var classes: [String: ClassName] = [:]
        while try rows.next() {
            let codeText = rows.text(0)
            let place = { "students[\(codeText)]" }
            let code = try RowDecoding.require(StudentCode(codeText), place() + ".student_code", codeText)
            let classText = rows.text(2)
            let className: ClassName
            if let known = classes[classText] { className = known } else {
                className = try RowDecoding.require(ClassName(classText), place() + ".class_name", classText)
                classes[classText] = className
            }
            try body(code, rows.text(1), className)
        }
    }

    static func forEachConfirmedPayer(_ db: Database, _ body: (String, StudentCode) throws -> Void) throws {
        let rows = try FastQuery(db, """
            SELECT l.counterparty_account, a.student_code FROM allocations a JOIN statement_lines l ON l.line_id = a.line_id
            WHERE a.reversed_by IS NULL AND a.method <> 'name+amount' AND coalesce(l.counterparty_account, '') <> ''
            """)
        defer { rows.reset() }
        while try rows.next() {
            let codeText = rows.text(1)
            try body(rows.text(0), try RowDecoding.require(StudentCode(codeText), "allocations.student_code", codeText))
        }
    }

    /// A bank line from the columns `SELECT line_id, booking_date, value_date, direction, amount,
    /// running_balance, bank_reference, counterparty, counterparty_account, description, position, account,
    /// statement_id, reference_key, fingerprint, status, held`.
    static func statementLine(_ row: FastQuery) throws -> StoredStatementLine {
        let id = row.int(0)
        let place = { "statement_lines[\(id)]" }
        let booking = row.text(1), direction = row.text(3), status = row.text(15)
        let line = StatementLine(
            bookingDate: try RowDecoding.require(LocalDate(booking), place() + ".booking_date", booking),
            valueDate: try RowDecoding.date(row.optionalText(2), place() + ".value_date"),
            direction: try RowDecoding.require(Direction(rawValue: direction), place() + ".direction", direction),
            amount: Money(dong: row.int(4)), runningBalance: row.isNull(5) ? nil : Money(dong: row.int(5)),
            bankReference: row.optionalText(6), counterpartyName: row.optionalText(7), counterpartyAccount: row.optionalText(8),
            description: row.text(9), position: Int(row.int(10)))
        return StoredStatementLine(lineID: id, line: line, account: row.text(11), statementID: row.int(12),
                                   identity: row.optionalText(13) ?? row.text(14),
                                   status: try RowDecoding.require(LineStatus(rawValue: status), place() + ".status", status),
                                   held: row.int(16) != 0)
    }

    static func creditBalances(_ db: Database, root: String) throws -> [String: Int64] {
        var balances: [String: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT account, SUM(CASE side WHEN 'C' THEN amount ELSE -amount END) AS balance
            FROM postings WHERE account >= ? AND account < ? GROUP BY account
            """, arguments: [root + ".", root + "/"])             // '/' follows '.': the sub-accounts, as an index range
        while let row = try rows.next() { balances[row["account"]] = row["balance"] }
        return balances
    }
}

/// A reconciliation run: it reads through `db` — the write transaction's own connection, or a reader whose
/// snapshot began after the write transaction took the lock (the same state) — and hands every batch to
/// `sink`, which writes it in the transaction.
final class SQLiteReconciliationSession: ReconciliationSession {
    let db: Database
    let sink: (LedgerChanges) throws -> Void

    init(reading db: Database, sink: @escaping (LedgerChanges) throws -> Void) {
        self.db = db
        self.sink = sink
    }

    func forEachInvoiceBalance(_ body: (InvoiceBalance) throws -> Void) throws { try ReconciliationReads.forEachInvoiceBalance(db, body) }
    func forEachPupilName(_ body: (StudentCode, String, ClassName) throws -> Void) throws { try ReconciliationReads.forEachPupilName(db, body) }
    func forEachConfirmedPayer(_ body: (String, StudentCode) throws -> Void) throws { try ReconciliationReads.forEachConfirmedPayer(db, body) }
    func creditBalances(root: String) throws -> [String: Int64] { try ReconciliationReads.creditBalances(db, root: root) }

    func undecidedLineIDs() throws -> [Int64] {
        let rows = try FastQuery(db, "SELECT line_id FROM statement_lines WHERE status = 'unmatched' AND held = 0 ORDER BY booking_date, line_id")
        var ids: [Int64] = []
        while try rows.next() { ids.append(rows.int(0)) }
        return ids
    }

    func statementLines(_ ids: ArraySlice<Int64>) throws -> [StoredStatementLine] {
        let query = try FastQuery(db, """
            SELECT line_id, booking_date, value_date, direction, amount, running_balance, bank_reference, counterparty,
                   counterparty_account, description, position, account, statement_id, reference_key, fingerprint, status, held
            FROM statement_lines WHERE line_id = ?
            """)
        defer { query.reset() }
        return try ids.map { id in
            try query.bind(.int(id))
            guard try query.next() else {
                throw RowDecoding.CorruptRow(description: "statement_lines[\(id)] vanished during reconciliation")
            }
            let line = try ReconciliationReads.statementLine(query)
            _ = try query.next()                                 // the one row read: reset for the next id
            return line
        }
    }

    func apply(_ changes: LedgerChanges) throws { try sink(changes) }
}

/// Writes a run's batches in order, each required to continue where the previous one ended.
struct ChainedBatchWriter {
    let db: Database
    private(set) var head: LedgerHead

    init(db: Database, head: LedgerHead) {
        self.db = db
        self.head = head
    }

    mutating func write(_ changes: LedgerChanges) throws {
        guard changes.base == head else { throw StoreConflict(expected: head, found: changes.base) }
        try ChangeWriter(db: db).write(changes)
        head = changes.head
    }
}
