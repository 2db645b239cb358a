import GRDB
import LedgerCore

/// Writes one `LedgerChanges` batch inside the transaction `commit` opened. Statements are prepared once
/// and reused, which keeps issuing a whole district's invoices to seconds.
struct ChangeWriter {
    let db: Database

    func write(_ changes: LedgerChanges) throws {
        if let school = changes.newSchool {
            try db.execute(sql: """
                INSERT INTO school (id, name, bank_bin, account_number, account_name, city,
                                    payment_code_multiplier, payment_code_offset, created_at)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [school.name, school.bankBIN, school.accountNumber, school.accountName, school.city,
                                 school.paymentCodeKey.multiplier, school.paymentCodeKey.offset, school.createdAt.description])
        }
        if let school = changes.newSchool ?? changes.updatedSchool {
            // The profile fields that may change after init (never the bank account or the code key).
            try db.execute(sql: "UPDATE school SET address = ?, tax_code = ?, receipt_form = ?, receipt_letters = ? WHERE id = 1",
                           arguments: [school.address, school.taxCode, school.receiptSeries.formSymbol, school.receiptSeries.letters])
        }
        try ReceiptWriter(db: db).write(changes)
        if let period = changes.closedPeriod {
            // The head the close saw is the batch's base: the close itself adds no journal entry.
            try db.execute(sql: """
                INSERT INTO period_closes (period, closed_at, actor, journal_seq, journal_hash, audit_seq, statement_id_through)
                VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(statement_id), 0) FROM statements))
                """, arguments: [period.description, changes.recordedAt.description, changes.actor,
                                 changes.base.journalSequence, changes.base.journalHash, changes.head.auditSequence])
        }
        let student = try db.cachedStatement(sql: """
            INSERT INTO students (student_code, full_name, class_name, date_of_birth, guardian_name, guardian_phone)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (student_code) DO UPDATE SET full_name = excluded.full_name, class_name = excluded.class_name,
                date_of_birth = excluded.date_of_birth, guardian_name = excluded.guardian_name,
                guardian_phone = excluded.guardian_phone
            """)
        for s in changes.students {
            try student.execute(arguments: [s.code.value, s.fullName, s.className.description, s.dateOfBirth?.description,
                                            s.guardianName, s.guardianPhone?.value])
        }
        let fee = try db.cachedStatement(sql: """
            INSERT INTO fee_items (fee_code, name, amount, applies_to, period, due, account, active)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (fee_code) DO UPDATE SET name = excluded.name, amount = excluded.amount,
                applies_to = excluded.applies_to, period = excluded.period, due = excluded.due,
                account = excluded.account, active = 1
            """)
        for f in changes.feeItems {
            try fee.execute(arguments: [f.code.value, f.name, f.amount.dong, f.scope.description, f.schedule.periodName,
                                        f.schedule.due?.description, f.account.rawValue])
        }
        for code in changes.deactivatedFees {
            try db.execute(sql: "UPDATE fee_items SET active = 0 WHERE fee_code = ?", arguments: [code.value])
        }
        if !changes.journal.isEmpty {
            // No entry may count in a closed month (the last line of defence behind the core's own rule; the
            // batch's head check makes a stale close impossible, so this catches a faulty caller).
            let closed = try String.fetchOne(db, sql: "SELECT max(period) FROM period_closes") ?? ""
            if !closed.isEmpty, let late = changes.journal.first(where: { $0.period != "" && $0.period <= closed }) {
                throw ClosedPeriodWrite(sequence: late.sequence, period: late.period, closedThrough: closed)
            }
        }
        let entry = try FastStatement(db, """
            INSERT INTO journal_entries (seq, recorded_at, kind, reference, memo, actor, reverses, prev_hash, hash, period)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let posting = try FastStatement(db, "INSERT INTO postings (entry_seq, line_no, account, side, amount) VALUES (?, ?, ?, ?, ?)")
        for record in changes.journal {
            try entry.run(.int(record.sequence), .text(record.recordedAt), .text(record.kind), .text(record.reference),
                          .text(record.memo), .text(record.actor), .int(record.reverses), .text(record.previousHash),
                          .text(record.hash), .text(record.period))
            for (index, line) in record.lines.enumerated() {
                try posting.run(.int(record.sequence), .int(index + 1), .text(line.account), .text(line.side), .int(line.amount))
            }
        }
        let invoice = try FastStatement(db, """
            INSERT INTO invoices (invoice_number, serial, student_code, student_name, class_name, period, amount_due,
                                  amount_paid, status, is_void, payment_code, issued_at, journal_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let line = try FastStatement(db, """
            INSERT INTO invoice_lines (invoice_number, line_no, fee_code, fee_name, amount, account) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for i in changes.invoices {
            try invoice.run(.text(i.number), .int(i.serial), .text(i.studentCode.value), .text(i.studentName),
                            .text(i.className.description), .text(i.period.description), .int(i.amountDue.dong),
                            .int(i.amountPaid.dong), .text(i.status.rawValue), .bool(i.isVoid), .text(i.paymentCode.text),
                            .text(i.issuedAt.description), .int(i.journalSequence))
            for (index, l) in i.lines.enumerated() {
                try line.run(.text(i.number), .int(index + 1), .text(l.feeCode.value), .text(l.feeName), .int(l.amount.dong),
                             .text(l.account.rawValue))
            }
        }
        try write(changes.statements)
        try writeReconciliation(changes)
        let audit = try FastStatement(db, """
            INSERT INTO audit_log (seq, recorded_at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for a in changes.audit {
            try audit.run(.int(a.sequence), .text(a.recordedAt), .text(a.actor), .text(a.action), .text(a.subject),
                          .text(a.details), .text(a.previousHash), .text(a.hash))
        }
    }

    private func write(_ statements: [NewStatement]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO statements (statement_id, file_name, sha256, format, account, period_start, period_end, opening_balance,
                                    closing_balance, lines, new_lines, duplicate_lines, balance_ok, continuity, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let line = try db.cachedStatement(sql: """
            INSERT INTO statement_lines (statement_id, account, booking_date, value_date, direction, amount, running_balance,
                                         bank_reference, reference_key, fingerprint, counterparty, counterparty_account,
                                         description, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for s in statements {
            let r = s.record
            try statement.execute(arguments: [r.id, r.fileName, r.sha256, r.format, r.account, r.periodStart?.description,
                                              r.periodEnd?.description, r.openingBalance?.dong, r.closingBalance?.dong, r.lines,
                                              r.newLines, r.duplicateLines, r.balanceOK, r.continuity, r.importedAt.description])
            for (l, identity) in s.lines {
                try line.execute(arguments: [r.id, r.account, l.bookingDate.description, l.valueDate?.description,
                                             l.direction.rawValue, l.amount.dong, l.runningBalance?.dong, l.bankReference,
                                             identity.referenceKey, identity.fingerprint, l.counterpartyName,
                                             l.counterpartyAccount, l.description, l.position])
            }
        }
    }

    private func writeReconciliation(_ changes: LedgerChanges) throws {
        let allocation = try FastStatement(db, """
            INSERT INTO allocations (line_id, invoice_number, student_code, amount, method, reason, journal_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for a in changes.allocations {
            try allocation.run(.int(a.lineID), .text(a.invoiceNumber), .text(a.studentCode.value), .int(a.amount.dong),
                               .text(a.method), .text(a.reason), .int(a.journalSequence))
        }
        for (entry, reversal) in changes.reversedAllocations {
            try db.execute(sql: "UPDATE allocations SET reversed_by = ? WHERE journal_seq = ? AND reversed_by IS NULL",
                           arguments: [reversal, entry])
        }
        let status = try FastStatement(db, "UPDATE statement_lines SET status = ?, held = ? WHERE line_id = ?")
        for (lineID, lineStatus, held) in changes.lineStatuses {
            try status.run(.text(lineStatus.rawValue), .bool(held), .int(lineID))
        }
        let paid = try FastStatement(db, "UPDATE invoices SET amount_paid = ?, status = ? WHERE invoice_number = ?")
        for (number, amountPaid, invoiceStatus) in changes.invoicePayments {
            try paid.run(.int(amountPaid.dong), .text(invoiceStatus.rawValue), .text(number))
        }
    }
}

/// A batch tried to record an entry in a month that is closed. The core never builds one; this is the store's
/// own refusal, so a faulty caller cannot slip one in either.
struct ClosedPeriodWrite: Error, CustomStringConvertible {
    let sequence: Int64
    let period: String
    let closedThrough: String
    var description: String {
        "journal entry \(sequence) counts in \(period), but every month through \(closedThrough) is closed; the entry belongs in the first open month"
    }
}
