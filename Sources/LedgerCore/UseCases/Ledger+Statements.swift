public struct StatementImportSummary: Sendable, Hashable, Codable {
    public var fileName: String
    public var format: String
    public var linesRead = 0
    public var newLines = 0
    public var duplicateLines = 0
    /// "proven" or "no balances in file" (a bank feed); a file that fails is refused, never summarised.
    public var balanceCheck: String
    /// How the file joins the account's previous statement, in English (as stored).
    public var continuity: String
    /// The same in Vietnamese, for people.
    public var continuityVietnamese: String = ""
    /// Set when this exact file (same SHA-256) was imported before: nothing was added.
    public var alreadyImportedAs: Int64?
}

extension Ledger {
    /// Stores a statement's lines exactly once, after it has proved itself.
    ///
    /// Refused whole (nothing stored): a statement for another account than the school's, in another currency,
    /// or whose balances do not add up. A file imported before adds nothing; an overlapping file adds only the
    /// lines not yet known (see `LineIdentity`). How the file joins the account's previous statement (gap,
    /// overlap) is recorded and reported, not refused: the missing statement may simply come later.
    /// - Parameter progress: called with (lines checked, lines in the file) while lines are checked against
    ///   the ledger, for a progress display on a terminal.
    public func importStatement(_ statement: Statement,
                                progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> StatementImportSummary {
        let school = try requireSchool()
        let file = statement.source.name
        var summary = StatementImportSummary(fileName: file, format: statement.format, linesRead: statement.lines.count,
                                             balanceCheck: "", continuity: "")
        let account = statement.account.isEmpty ? school.accountNumber : statement.account
        guard account == school.accountNumber else {
            throw StatementError(fileName: file, field: "account",
                                 reason: "the statement is for account \(statement.account), the school's account is \(school.accountNumber)")
        }
        guard statement.currency == "VND" else {
            throw StatementError(fileName: file, field: "currency", reason: "\(statement.currency) is not VND")
        }
        let proof = BalanceProof.check(statement)
        switch proof {
        case .proven: summary.balanceCheck = "proven"
        case .notApplicable: summary.balanceCheck = "no balances in file"
        case .failed(let position, let reason):
            throw StatementError(fileName: file, place: position.map { "row \($0)" }, field: "balance", reason: reason)
        }
        let previous = try store.statements()
        if let same = previous.first(where: { $0.sha256 == statement.source.sha256 }) {
            summary.alreadyImportedAs = same.id
            summary.duplicateLines = statement.lines.count
            summary.continuity = same.continuity
            return summary
        }
        var known = try store.statementLineKeys(account: account)
        var fresh: [(line: StatementLine, identity: LineIdentity)] = []
        for (index, (line, identity)) in zip(statement.lines, LineIdentity.identities(of: statement)).enumerated() {
            if index % 10_000 == 0 { progress?(index, statement.lines.count) }
            let seen = known.contains(identity.fingerprint) || identity.referenceKey.map(known.contains) == true
            if seen { summary.duplicateLines += 1; continue }
            fresh.append((line, identity))
            known.insert(identity.fingerprint)
            if let reference = identity.referenceKey { known.insert(reference) }
        }
        progress?(statement.lines.count, statement.lines.count)
        summary.newLines = fresh.count
        (summary.continuity, summary.continuityVietnamese) = Self.continuity(of: statement, after: previous.filter { $0.account == account })
        var changes = try begin()
        let record = StatementRecord(
            id: (previous.map(\.id).max() ?? 0) + 1, fileName: file, sha256: statement.source.sha256, format: statement.format,
            account: account, periodStart: statement.periodStart, periodEnd: statement.periodEnd,
            openingBalance: statement.openingBalance, closingBalance: statement.closingBalance, lines: statement.lines.count,
            newLines: fresh.count, duplicateLines: summary.duplicateLines,
            balanceOK: proof == .proven ? true : nil, continuity: summary.continuity, importedAt: changes.recordedAt)
        changes.add(NewStatement(record: record, lines: fresh))
        changes.audit(AuditEvent("statement.imported", subject: file,
                                 details: "\(statement.format), account \(account), \(statement.periodStart?.description ?? "?")…\(statement.periodEnd?.description ?? "?"), \(statement.lines.count) lines: \(fresh.count) new, \(summary.duplicateLines) known; balance \(summary.balanceCheck); \(summary.continuity); sha256 \(statement.source.sha256)"))
        try store.commit(changes)
        return summary
    }

    /// How a statement joins the latest earlier one of the same account: (English as stored, Vietnamese).
    static func continuity(of statement: Statement, after earlier: [StatementRecord]) -> (String, String) {
        guard let start = statement.periodStart,
              let last = earlier.filter({ $0.periodEnd != nil }).max(by: { $0.periodEnd! < $1.periodEnd! }),
              let lastEnd = last.periodEnd
        else { return ("first", "sao kê đầu tiên của tài khoản") }
        if start <= lastEnd {
            return ("overlap with statement \(last.id) (\(start)…\(lastEnd))",
                    "chồng lấn với sao kê \(last.id) (\(start)…\(lastEnd))")
        }
        if let opening = statement.openingBalance, let closing = last.closingBalance, opening != closing {
            return ("gap after statement \(last.id): it closed at \(closing.dong) on \(lastEnd), this opens at \(opening.dong) on \(start)",
                    "thiếu sao kê sau sao kê \(last.id): số dư cuối \(closing.formatted) ngày \(lastEnd), số dư đầu tệp này \(opening.formatted) ngày \(start)")
        }
        return ("continues statement \(last.id)", "nối tiếp sao kê \(last.id)")
    }
}
