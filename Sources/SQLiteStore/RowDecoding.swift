import GRDB
import LedgerCore

/// Turns stored rows back into domain values. A stored value the domain cannot accept (someone edited the
/// file by hand) is reported with its table, key and column instead of crashing.
enum RowDecoding {
    struct CorruptRow: Error, CustomStringConvertible {
        let description: String
    }

    static func timestamp(_ text: String, _ place: @autoclosure () -> String) throws -> Timestamp {
        guard let value = Timestamp(iso: text) else { throw CorruptRow(description: "\(place()): \"\(text)\" is not a timestamp") }
        return value
    }

    /// The value, or a `CorruptRow` naming where it was stored. `place` is only built on failure: decoding a
    /// million rows must not format a million error locations.
    static func require<T>(_ value: T?, _ place: @autoclosure () -> String, _ raw: @autoclosure () -> String?) throws -> T {
        guard let value else { throw CorruptRow(description: "\(place()): stored value \"\(raw() ?? "NULL")\" is invalid") }
        return value
    }

    static func student(_ row: Row) throws -> Student {
        let code: String = row["student_code"]
        let place = { "students[\(code)]" }
        return Student(
            code: try require(StudentCode(code), place() + ".student_code", code),
            fullName: row["full_name"],
            className: try require(ClassName(row["class_name"]), place() + ".class_name", row["class_name"]),
            dateOfBirth: try (row["date_of_birth"] as String?).map { try require(LocalDate($0), place() + ".date_of_birth", $0) },
            guardianName: row["guardian_name"],
            guardianPhone: try (row["guardian_phone"] as String?).map { try require(PhoneNumber($0), place() + ".guardian_phone", $0) })
    }

    static func feeItem(_ row: Row) throws -> FeeItem {
        let code: String = row["fee_code"]
        let place = { "fee_items[\(code)]" }
        let period: String = row["period"]
        let schedule: FeeSchedule
        switch period {
        case "monthly": schedule = .monthly
        case "term": schedule = .term
        case "yearly": schedule = .yearly
        default: schedule = .once(try require(YearMonth(row["due"] ?? ""), place() + ".due", row["due"]))
        }
        return FeeItem(code: try require(FeeCode(code), place() + ".fee_code", code), name: row["name"],
                       amount: Money(dong: row["amount"]),
                       scope: try require(FeeScope(row["applies_to"]), place() + ".applies_to", row["applies_to"]),
                       schedule: schedule,
                       account: try require(FeeAccount(rawValue: row["account"]), place() + ".account", row["account"]))
    }

    static func invoices(_ db: Database, whereClause: String, arguments: StatementArguments) throws -> [Invoice] {
        var linesByInvoice: [String: [InvoiceLine]] = [:]
        let lineRows = try Row.fetchCursor(db, sql: """
            SELECT l.* FROM invoice_lines l JOIN invoices i ON i.invoice_number = l.invoice_number \(whereClause)
            ORDER BY l.invoice_number, l.line_no
            """, arguments: arguments)
        while let row = try lineRows.next() {
            let number: String = row["invoice_number"]
            let place = { "invoice_lines[\(number)]" }
            let line = InvoiceLine(feeCode: try require(FeeCode(row["fee_code"]), place() + ".fee_code", row["fee_code"]),
                                   feeName: row["fee_name"], amount: Money(dong: row["amount"]),
                                   account: try require(FeeAccount(rawValue: row["account"]), place() + ".account", row["account"]))
            linesByInvoice[number, default: []].append(line)
        }
        var invoices: [Invoice] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT i.* FROM invoices i \(whereClause) ORDER BY i.serial", arguments: arguments)
        while let row = try rows.next() {
            let number: String = row["invoice_number"]
            let place = { "invoices[\(number)]" }
            invoices.append(Invoice(
                number: number, serial: row["serial"],
                studentCode: try require(StudentCode(row["student_code"]), place() + ".student_code", row["student_code"]),
                studentName: row["student_name"],
                className: try require(ClassName(row["class_name"]), place() + ".class_name", row["class_name"]),
                period: try require(YearMonth(row["period"]), place() + ".period", row["period"]),
                lines: linesByInvoice[number] ?? [],
                amountDue: Money(dong: row["amount_due"]), amountPaid: Money(dong: row["amount_paid"]),
                isVoid: row["is_void"],
                paymentCode: try require(PaymentCode(parsing: row["payment_code"]), place() + ".payment_code", row["payment_code"]),
                issuedAt: try timestamp(row["issued_at"], place() + ".issued_at"),
                journalSequence: row["journal_seq"]))
        }
        return invoices
    }

    static func date(_ text: String?, _ place: String) throws -> LocalDate? {
        try text.map { try require(LocalDate($0), place, $0) }
    }

    static func statement(_ row: Row) throws -> StatementRecord {
        let id: Int64 = row["statement_id"]
        let place = { "statements[\(id)]" }
        return StatementRecord(
            id: id, fileName: row["file_name"], sha256: row["sha256"], format: row["format"], account: row["account"],
            periodStart: try date(row["period_start"], place() + ".period_start"),
            periodEnd: try date(row["period_end"], place() + ".period_end"),
            openingBalance: (row["opening_balance"] as Int64?).map(Money.init(dong:)),
            closingBalance: (row["closing_balance"] as Int64?).map(Money.init(dong:)),
            lines: row["lines"], newLines: row["new_lines"], duplicateLines: row["duplicate_lines"],
            balanceOK: row["balance_ok"], continuity: row["continuity"],
            importedAt: try timestamp(row["imported_at"], place() + ".imported_at"))
    }

    static func statementLine(_ row: Row) throws -> StoredStatementLine {
        let id: Int64 = row["line_id"]
        let place = { "statement_lines[\(id)]" }
        let direction: String = row["direction"]
        let line = StatementLine(
            bookingDate: try require(LocalDate(row["booking_date"]), place() + ".booking_date", row["booking_date"]),
            valueDate: try date(row["value_date"], place() + ".value_date"),
            direction: try require(Direction(rawValue: direction), place() + ".direction", direction),
            amount: Money(dong: row["amount"]), runningBalance: (row["running_balance"] as Int64?).map(Money.init(dong:)),
            bankReference: row["bank_reference"], counterpartyName: row["counterparty"],
            counterpartyAccount: row["counterparty_account"], description: row["description"], position: row["position"])
        let status: String = row["status"]
        return StoredStatementLine(lineID: id, line: line, account: row["account"], statementID: row["statement_id"],
                                   identity: (row["reference_key"] as String?) ?? row["fingerprint"],
                                   status: try require(LineStatus(rawValue: status), place() + ".status", status), held: row["held"])
    }

    static func allocation(_ row: Row) throws -> Allocation {
        let id: Int64 = row["allocation_id"]
        let place = { "allocations[\(id)]" }
        let lineID: Int64 = row["line_id"]
        return Allocation(
            lineID: lineID, bankReference: (row["bank_reference"] as String?) ?? "#\(lineID)",
            bookingDate: try require(LocalDate(row["booking_date"]), place() + ".booking_date", row["booking_date"]),
            lineAmount: Money(dong: row["line_amount"]), invoiceNumber: row["invoice_number"],
            studentCode: try require(StudentCode(row["student_code"]), place() + ".student_code", row["student_code"]),
            amount: Money(dong: row["amount"]), method: row["method"], reason: row["reason"],
            journalSequence: row["journal_seq"], reversedBy: row["reversed_by"])
    }
}
