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
        var lines = StatementLines(statement)
        return try importStatement(streaming: &lines, progress: progress)
    }

    /// The same, reading the statement line by line while it is stored, so memory does not grow with the file.
    ///
    /// Why a streaming commit rather than reading the file twice (once to prove it, once to store it): one pass
    /// over the bytes is faster, and the database already has to look every line up to skip known ones, so
    /// the lines go straight into one write transaction (`LedgerStore.commitStatement`) as they are read, the
    /// balance proof is accumulated on the way, and everything is checked before the transaction commits. A
    /// bad row anywhere, a wrong account or a balance that does not add up throws, and the transaction is
    /// rolled back: the ledger is exactly as before. The checks run in the same order as for a statement read
    /// whole (reading errors first, then account, currency, balances), so a file is refused with the same message.
    /// Reading (parsing, identities, the proof) runs on a thread of its own while this one stores, a few
    /// thousand lines ahead at most (`ReadAhead`): on two cores an import takes about as long as its slower half
    /// (storing), not the sum of both, and errors still arrive in file order. `progress` is called from the
    /// reading thread; its total is the stream's estimate (exact for a statement in memory), 0 while unknown.
    public func importStatement<Stream: StatementStream>(streaming stream: inout Stream,
                                progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> StatementImportSummary {
        let school = try requireSchool()
        let file = stream.source.name
        var changes = try begin()                 // before reading: see `Ledger.begin`
        let previous = try store.statements()
        if let same = previous.first(where: { $0.sha256 == stream.source.sha256 }) {
            // The same bytes were read, proven and stored before: nothing to read again.
            var summary = StatementImportSummary(fileName: file, format: same.format, linesRead: same.lines,
                                                 balanceCheck: same.balanceOK == true ? "proven" : "no balances in file",
                                                 continuity: same.continuity)
            summary.alreadyImportedAs = same.id
            summary.duplicateLines = same.lines
            return summary
        }
        let statementID = (previous.map(\.id).max() ?? 0) + 1
        var summary = StatementImportSummary(fileName: file, format: "", balanceCheck: "", continuity: "")
        try store.commitStatement(base: changes.base, account: school.accountNumber, statementID: statementID) { insert in
            // Reading, fingerprinting and proving on a thread of their own, storing on this one (see `ReadAhead`).
            let reading = ReadingStream(stream)
            defer { stream = reading.stream as! Stream }
            var fresh = 0
            let (read, statement, proof) = try ReadAhead.run(produce: { emit in
                var identities: LineIdentity.Builder?
                var proof = BalanceProof.Accumulator()
                var read = 0
                while let line = try reading.stream.next() {
                    if read % 10_000 == 0 { progress?(read, reading.stream.estimatedLineCount.map { max(read, $0) } ?? 0) }
                    read += 1
                    if identities == nil { identities = LineIdentity.Builder(account: reading.stream.account) }
                    proof.add(line)
                    guard emit((line, identities!.identity(of: line))) else { throw ReadAhead.Stopped() }
                }
                progress?(read, read)
                return (read, reading.stream.header, proof)
            }, consume: { batch in
                for (line, identity) in batch where try insert(line, identity) { fresh += 1 }
            })
            summary.format = statement.format
            summary.linesRead = read
            summary.newLines = fresh
            summary.duplicateLines = read - fresh
            let account = statement.account.isEmpty ? school.accountNumber : statement.account
            guard account == school.accountNumber else {
                throw StatementError(fileName: file, field: "account",
                                     reason: "the statement is for account \(statement.account), the school's account is \(school.accountNumber)")
            }
            guard statement.currency == "VND" else {
                throw StatementError(fileName: file, field: "currency", reason: "\(statement.currency) is not VND")
            }
            let outcome = proof.outcome(opening: statement.openingBalance, closing: statement.closingBalance)
            switch outcome {
            case .proven: summary.balanceCheck = "proven"
            case .notApplicable: summary.balanceCheck = "no balances in file"
            case .failed(let position, let reason):
                throw StatementError(fileName: file, place: position.map { "row \($0)" }, field: "balance", reason: reason)
            }
            (summary.continuity, summary.continuityVietnamese) = Self.continuity(of: statement, after: previous.filter { $0.account == account })
            let record = StatementRecord(
                id: statementID, fileName: file, sha256: statement.source.sha256, format: statement.format,
                account: account, periodStart: statement.periodStart, periodEnd: statement.periodEnd,
                openingBalance: statement.openingBalance, closingBalance: statement.closingBalance, lines: read,
                newLines: fresh, duplicateLines: summary.duplicateLines,
                balanceOK: outcome == .proven ? true : nil, continuity: summary.continuity, importedAt: changes.recordedAt)
            changes.add(NewStatement(record: record, lines: []))
            changes.audit(AuditEvent("statement.imported", subject: file,
                                     details: "\(statement.format), account \(account), \(statement.periodStart?.description ?? "?")…\(statement.periodEnd?.description ?? "?"), \(read) lines: \(fresh) new, \(summary.duplicateLines) known; balance \(summary.balanceCheck); \(summary.continuity); sha256 \(statement.source.sha256)"))
            return changes
        }
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

/// A statement stream lent to the reading thread of an import: `ReadAhead` runs it on that thread only, and
/// joins the thread before the import looks at the stream again, so it is never used by two threads at once.
/// (An existential, so that the reading closure captures no generic type.)
private final class ReadingStream: @unchecked Sendable {
    var stream: any StatementStream
    init(_ stream: any StatementStream) { self.stream = stream }
}
