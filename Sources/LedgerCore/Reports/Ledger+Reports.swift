import VietnameseText

extension Ledger {
    /// Builds a report from the journal and the records beside it, within `scope`. Pure reading: the same
    /// scope on the same ledger gives the same table, whatever was recorded after `scope.asOf`.
    /// - Parameter progress: called with (journal entries read, entries in the journal) while the journal is
    ///   read, for a progress display on a terminal (a district's ledger holds millions of entries).
    public func report(_ kind: ReportKind, scope: ReportScope = .everything,
                       progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ReportTable {
        let school = try requireSchool()
        if let progress {
            let total = Int(try store.head().journalSequence)
            var done = 0
            let journal: JournalReader = { body in
                try self.store.forEachJournalRecord { record in
                    done += 1
                    if done % 50_000 == 0 { progress(done, total) }
                    try body(record)
                }
            }
            defer { progress(total, total) }
            return try report(kind, scope: scope, school: school, journal: journal)
        }
        return try report(kind, scope: scope, school: school, journal: { try self.store.forEachJournalRecord($0) })
    }

    private func report(_ kind: ReportKind, scope: ReportScope, school: School, journal: JournalReader) throws -> ReportTable {
        var scope = scope
        if let period = scope.period, let close = try store.periodCloses().first(where: { $0.period >= period }) {
            scope.close = close
        }
        var table: ReportTable
        switch kind {
        case .collection: table = try collection(scope, journal)
        case .outstanding: table = try outstanding(scope, journal)
        case .unmatched: table = try unmatched(scope, journal)
        case .statements: table = try statementsReport(scope, journal)
        case .audit: table = try auditReport(scope, journal)
        }
        table.subtitle = [school.name] + scope.subtitle + table.subtitle
        return table
    }

    /// The journal's position within `scope`.
    public func position(_ scope: ReportScope) throws -> LedgerPosition {
        try position(scope, journal: { try store.forEachJournalRecord($0) })
    }

    func position(_ scope: ReportScope, journal: JournalReader) throws -> LedgerPosition {
        try LedgerPosition(journal: journal, allocations: try store.allocations(), scope: scope)
    }

    // MARK: collection

    private func collection(_ scope: ReportScope, _ journal: JournalReader) throws -> ReportTable {
        let position = try position(scope, journal: journal)
        var rows: [CollectionKey: (name: String, invoices: Int64, due: Int64, collected: Int64)] = [:]
        var billedInvoices = 0
        for invoice in try store.invoices() {
            let billed = position.billed[invoice.number] ?? 0, paid = position.paid[invoice.number] ?? 0
            // An invoice paid in advance of the month it bills (issued early, paid, its month not yet reached by
            // the scope) shows what was collected against nothing due yet, so the totals still equal the journal.
            guard billed > 0 || paid > 0 else { continue }
            if billed > 0 { billedInvoices += 1 }
            // Payments are applied to the lines in their printed order: the first fee is settled first.
            var left = min(paid, invoice.amountDue.dong)
            for line in invoice.lines {
                let collected = min(line.amount.dong, left)
                left -= collected
                let key = CollectionKey(className: invoice.className.description, period: invoice.period, feeCode: line.feeCode.value)
                var row = rows[key] ?? (line.feeName, 0, 0, 0)
                if billed > 0 { row.invoices += 1 }
                row.due += billed > 0 ? line.amount.dong : 0
                row.collected += collected
                rows[key] = row
            }
        }
        var totals = (due: Int64(0), collected: Int64(0))
        let body: [[ReportCell]] = rows.keys.sorted().map { key in
            let row = rows[key]!
            totals.due += row.due
            totals.collected += row.collected
            return [.text(key.className), .text(key.period.description), .text(key.feeCode), .text(row.name), .count(row.invoices),
                    .money(Money(dong: row.due)), .money(Money(dong: row.collected)), .money(Money(dong: row.due - row.collected))]
        }
        return ReportTable(
            title: ReportKind.collection.title,
            columns: [ReportColumn("class", "Lớp"), ReportColumn("period", "Kỳ thu"), ReportColumn("fee_code", "Mã khoản"),
                      ReportColumn("fee_name", "Khoản thu"), ReportColumn("invoices", "Số TB", .count),
                      ReportColumn("due", "Phải thu", .money), ReportColumn("collected", "Đã thu", .money),
                      ReportColumn("outstanding", "Còn phải thu", .money)],
            rows: body,
            // The invoices column counts invoices per row; the total counts each invoice once.
            totals: [.text("Tổng cộng"), .empty, .empty, .empty, .count(Int64(billedInvoices)),
                     .money(Money(dong: totals.due)), .money(Money(dong: totals.collected)),
                     .money(Money(dong: totals.due - totals.collected))])
    }

    // MARK: outstanding

    private func outstanding(_ scope: ReportScope, _ journal: JournalReader) throws -> ReportTable {
        let position = try position(scope, journal: journal)
        let students = Dictionary(try store.students().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var totals = (due: Int64(0), paid: Int64(0))
        let invoices = try store.invoices().filter { position.outstanding($0.number) > 0 }.sorted {
            ($0.className.description, NameOrder.key($0.studentName), $0.period) < ($1.className.description, NameOrder.key($1.studentName), $1.period)
        }
        let body: [[ReportCell]] = invoices.map { invoice in
            let billed = position.billed[invoice.number] ?? 0, paid = position.paid[invoice.number] ?? 0
            totals.due += billed
            totals.paid += paid
            let student = students[invoice.studentCode]
            return [.text(invoice.number), .text(invoice.studentCode.value), .text(invoice.studentName), .text(invoice.className.description),
                    .text(invoice.period.description), .money(Money(dong: billed)), .money(Money(dong: paid)),
                    .money(Money(dong: billed - paid)), .text(student?.guardianName ?? ""), .text(student?.guardianPhone?.value ?? ""),
                    .text(invoice.paymentCode.text)]
        }
        return ReportTable(
            title: ReportKind.outstanding.title,
            columns: [ReportColumn("invoice_number", "Số TB"), ReportColumn("student_code", "Mã HS"), ReportColumn("student_name", "Họ và tên"),
                      ReportColumn("class", "Lớp"), ReportColumn("period", "Kỳ thu"), ReportColumn("due", "Phải thu", .money),
                      ReportColumn("paid", "Đã nộp", .money), ReportColumn("outstanding", "Còn nợ", .money),
                      ReportColumn("guardian_name", "Phụ huynh"), ReportColumn("guardian_phone", "Điện thoại"),
                      ReportColumn("payment_code", "Mã thanh toán")],
            rows: body,
            totals: [.text("Tổng cộng"), .empty, .text("\(body.count) thông báo"), .empty, .empty, .money(Money(dong: totals.due)),
                     .money(Money(dong: totals.paid)), .money(Money(dong: totals.due - totals.paid)), .empty, .empty, .empty])
    }

    // MARK: unmatched

    private func unmatched(_ scope: ReportScope, _ journal: JournalReader) throws -> ReportTable {
        let position = try position(scope, journal: journal)
        let ignored = try ignoredLines(scope, position)
        let included = Set(try store.statements().filter(scope.includes).map(\.id))
        var waiting: [(StoredStatementLine, Int64)] = []
        try store.forEachStatementLine { stored in
            // Money in waiting for a pupil, and money out waiting for a decision (a refund the rules could not tie
            // to one family): both are unexplained movements of the school's account.
            guard !ignored(stored), included.contains(stored.statementID) else { return }
            if let period = scope.period, YearMonth(stored.line.bookingDate) > period { return }
            let left = stored.line.amount.dong - (position.allocatedByLine[stored.lineID] ?? 0)
            if left > 0 { waiting.append((stored, left)) }
        }
        waiting.sort { ($0.0.line.bookingDate, $0.0.lineID) < ($1.0.line.bookingDate, $1.0.lineID) }
        let today = scope.asOf ?? clock().vietnamDate
        var credits = Int64(0), debits = 0
        let body: [[ReportCell]] = waiting.map { stored, left in
            if stored.line.direction == .credit { credits += left } else { debits += 1 }
            return [.text(stored.reference), .date(stored.line.bookingDate), .money(stored.line.amount), .money(Money(dong: left)),
                    .count(Int64(today.daysSince(stored.line.bookingDate))), .text(stored.line.counterpartyName ?? ""),
                    .text(stored.line.description), .text(stored.line.direction.rawValue)]
        }
        return ReportTable(
            title: ReportKind.unmatched.title,
            subtitle: ["Tổng \"chưa gắn\" là tiền vào; khoản chi chưa xác định (hoàn tiền) có hướng \"debit\""],
            columns: [ReportColumn("bank_reference", "Số tham chiếu"), ReportColumn("booking_date", "Ngày giao dịch", .date),
                      ReportColumn("amount", "Số tiền", .money), ReportColumn("unallocated", "Chưa gắn", .money),
                      ReportColumn("days_waiting", "Số ngày chờ", .count), ReportColumn("counterparty", "Người chuyển"),
                      ReportColumn("description", "Nội dung chuyển khoản"), ReportColumn("direction", "Hướng")],
            rows: body,
            totals: [.text("Tổng cộng"), .empty, .empty, .money(Money(dong: credits)), .empty,
                     .text("\(body.count - debits) khoản thu, \(debits) khoản chi"), .empty, .empty])
    }

    // MARK: statements

    private func statementsReport(_ scope: ReportScope, _ journal: JournalReader) throws -> ReportTable {
        let position = try position(scope, journal: journal)
        let records = try store.statements().filter { record in
            guard scope.includes(record) else { return false }
            if let period = scope.period, let start = record.periodStart, YearMonth(start) > period { return false }
            return true
        }
        let ignored = try ignoredLines(scope, position)
        var tallies: [Int64: StatementTally] = [:]
        try store.forEachStatementLine { stored in
            var tally = tallies[stored.statementID] ?? StatementTally()
            let allocated = position.allocatedByLine[stored.lineID] ?? 0
            switch stored.line.direction {
            case .credit: tally.credits += stored.line.amount.dong
            case .debit: tally.debits += stored.line.amount.dong
            }
            if allocated >= stored.line.amount.dong { tally.matched += 1 }
            else if allocated > 0 { tally.partly += 1 }
            else if ignored(stored) { tally.ignored += 1 }
            else { tally.review += 1 }
            tallies[stored.statementID] = tally
        }
        let body: [[ReportCell]] = records.map { record in
            let tally = tallies[record.id] ?? StatementTally()
            return [.count(record.id), .text(record.fileName), .text(record.format), .text(record.account),
                    record.periodStart.map(ReportCell.date) ?? .empty, record.periodEnd.map(ReportCell.date) ?? .empty,
                    record.openingBalance.map(ReportCell.money) ?? .empty, .money(Money(dong: tally.credits)),
                    .money(Money(dong: tally.debits)), record.closingBalance.map(ReportCell.money) ?? .empty,
                    .count(Int64(record.lines)), .count(Int64(record.newLines)), .count(Int64(tally.matched)),
                    .count(Int64(tally.partly)), .count(Int64(tally.review)), .count(Int64(tally.ignored)),
                    .text(record.balanceOK.map { $0 ? "khớp" : "KHÔNG KHỚP" } ?? "không có số dư"), .text(record.continuity)]
        }
        return ReportTable(
            title: ReportKind.statements.title,
            subtitle: ["Phát sinh Có/Nợ: các dòng lần đầu ghi nhận từ tệp này (dòng trùng với tệp trước không tính lại)"],
            columns: [ReportColumn("statement_id", "STT", .count), ReportColumn("file_name", "Tệp"), ReportColumn("format", "Định dạng"),
                      ReportColumn("account", "Tài khoản"), ReportColumn("period_start", "Từ ngày", .date),
                      ReportColumn("period_end", "Đến ngày", .date), ReportColumn("opening_balance", "Số dư đầu", .money),
                      ReportColumn("credits", "Phát sinh Có", .money), ReportColumn("debits", "Phát sinh Nợ", .money),
                      ReportColumn("closing_balance", "Số dư cuối", .money), ReportColumn("lines", "Số dòng", .count),
                      ReportColumn("new_lines", "Dòng mới", .count), ReportColumn("matched", "Đã gắn", .count),
                      ReportColumn("partly_matched", "Gắn một phần", .count), ReportColumn("in_review", "Chờ xem", .count),
                      ReportColumn("ignored", "Không phải khoản thu", .count), ReportColumn("balance_check", "Kiểm tra số dư"),
                      ReportColumn("continuity", "Liên tục")],
            rows: body)
    }

    /// Whether a line counted as "not a fee" within the scope: its status now, or — as of a past day — whether
    /// the `line.ignored` decision had been recorded by then (the audit log says when).
    /// Whether a line counted as "not a fee" within the scope. Now: its status. In the past (as of a day, or a
    /// closed month): the `line.ignored` decision was recorded by then and no allocation held the line then —
    /// whatever became of it later (matched by hand after all, say).
    private func ignoredLines(_ scope: ReportScope, _ position: LedgerPosition) throws -> (StoredStatementLine) -> Bool {
        guard scope.isHistorical else { return { $0.status == .ignored } }
        var decided = Set<String>()
        try store.forEachAuditRecord { record in
            if record.action == "line.ignored" && scope.includes(record) { decided.insert(record.subject) }
        }
        return { decided.contains($0.reference) && (position.allocatedByLine[$0.lineID] ?? 0) == 0 }
    }

    // MARK: audit

    /// Every change: the audit log (imports, pupils, fees, receipts, closes, manual decisions) and, from the
    /// journal, every money decision after billing — payments allocated (automatic or by hand), refunds, credit
    /// applied, reversals — each with who, when and why. Invoices issued appear once per run (`invoices.issued`).
    private func auditReport(_ scope: ReportScope, _ journal: JournalReader) throws -> ReportTable {
        var body: [(at: String, order: Int, cells: [ReportCell])] = []
        func inMonths(_ recordedAt: String) -> Bool {
            guard let period = scope.period else { return true }
            return Timestamp(iso: recordedAt).map { YearMonth($0.vietnamDate) <= period } ?? false
        }
        try journal { record in
            guard record.kind != EntryKind.invoiceIssued.rawValue, inMonths(record.recordedAt), scope.recorded(record) else { return }
            let amount = record.lines.filter { $0.side == "D" }.reduce(Int64(0)) { $0 + $1.amount }
            body.append((record.recordedAt, body.count, [.text("journal#\(record.sequence)"), .text(record.recordedAt), .text(record.actor),
                                                         .text(record.kind), .text(record.reference),
                                                         .text("\(Money(dong: amount).formatted): \(record.memo)")]))
        }
        try store.forEachAuditRecord { record in
            guard inMonths(record.recordedAt), scope.includes(record) else { return }
            body.append((record.recordedAt, body.count, [.text("audit#\(record.sequence)"), .text(record.recordedAt), .text(record.actor),
                                                         .text(record.action), .text(record.subject), .text(record.details)]))
        }
        // One timeline: by the time recorded; within one command, the money entries before the events that sum them up.
        body.sort { ($0.at, $0.order) < ($1.at, $1.order) }
        return ReportTable(
            title: ReportKind.audit.title,
            columns: [ReportColumn("record", "Bản ghi"), ReportColumn("recorded_at", "Thời điểm (UTC)"), ReportColumn("actor", "Người thực hiện"),
                      ReportColumn("action", "Thao tác"), ReportColumn("subject", "Đối tượng"), ReportColumn("details", "Chi tiết / lý do")],
            rows: body.map(\.cells))
    }
}

/// Vietnamese roll order: by given name (the last word), then the whole name, folded so `Ánh` sorts with `Anh`.
enum NameOrder {
    static func key(_ name: String) -> String {
        let folded = BankASCII.fold(name).lowercased()
        let given = folded.split(separator: " ").last.map(String.init) ?? folded
        return given + " " + folded
    }
}

/// One row of the collection report: a class, a billed month, a fee.
private struct CollectionKey: Hashable, Comparable {
    let className: String, period: YearMonth, feeCode: String
    static func < (a: CollectionKey, b: CollectionKey) -> Bool {
        (a.className, a.period, a.feeCode) < (b.className, b.period, b.feeCode)
    }
}

/// How one statement's lines stand.
private struct StatementTally {
    var credits: Int64 = 0, debits: Int64 = 0, matched = 0, partly = 0, review = 0, ignored = 0
}

/// Streams the journal to a closure: the store's, or one that also reports progress.
typealias JournalReader = ((JournalRecord) throws -> Void) throws -> Void
