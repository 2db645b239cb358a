/// Which part of the ledger a report reads, so the same command gives the same figures later.
///
/// - `asOf`: only what had been recorded by the end of that day (Vietnam time). The journal is append-only,
///   so everything recorded later is simply left out: the figures of 31/10 stay those of 31/10.
/// - `period`: only entries that count in that month or before (their accounting month), and for the
///   per-invoice reports only invoices billed for months up to it. Once the month is closed nothing new can
///   count in it, so its report never changes.
public struct ReportScope: Sendable, Hashable {
    public var asOf: LocalDate?
    public var period: YearMonth?
    /// Set by `Ledger.report` when `period` is closed: the close. What was recorded, imported or decided after
    /// it (a late bank line booked in the closed month, a later classification) is left out, so the closed
    /// month's reports stay as they were.
    public internal(set) var close: PeriodClose?

    public init(asOf: LocalDate? = nil, period: YearMonth? = nil) {
        self.asOf = asOf
        self.period = period
    }

    public static let everything = ReportScope()

    /// Whether something recorded at `recordedAt` (ISO text) is within `asOf`.
    func includes(recordedAt text: String) -> Bool {
        guard asOf != nil || close != nil else { return true }
        guard let time = Timestamp(iso: text) else { return false }
        return includes(recordedAt: time)
    }

    func includes(recordedAt time: Timestamp) -> Bool {
        if let asOf, time.vietnamDate > asOf { return false }
        if let close, time > close.closedAt { return false }
        return true
    }

    /// An audit record: by its sequence against the close's own record when known, else by time.
    func includes(_ record: AuditRecord) -> Bool {
        if let asOf, let time = Timestamp(iso: record.recordedAt), time.vietnamDate > asOf { return false }
        if let close {
            if let last = close.auditSequence { return record.sequence <= last }
            return includes(recordedAt: record.recordedAt)
        }
        return true
    }

    /// A statement file: by its id against the last one imported before the close when known, else by time.
    func includes(_ statement: StatementRecord) -> Bool {
        if let asOf, statement.importedAt.vietnamDate > asOf { return false }
        if let close {
            if let last = close.lastStatementID { return statement.id <= last }
            return statement.importedAt <= close.closedAt
        }
        return true
    }

    /// A journal record recorded within the scope (by `asOf` and the close), whatever month it counts in.
    func recorded(_ record: JournalRecord) -> Bool {
        if let close, record.sequence > close.journalSequence { return false }
        if let asOf, let time = Timestamp(iso: record.recordedAt), time.vietnamDate > asOf { return false }
        return true
    }

    /// Whether anything restricts what was recorded (so current statuses cannot be trusted as they are).
    var isHistorical: Bool { asOf != nil || close != nil }

    /// Whether a journal record is in scope: recorded by `asOf`, counting in `period` or before. Records sealed
    /// before periods existed count in the month they were recorded.
    func includes(_ record: JournalRecord) -> Bool {
        guard recorded(record) else { return false }
        guard let period else { return true }
        let month = record.period.isEmpty ? Timestamp(iso: record.recordedAt).map { YearMonth($0.vietnamDate).description } ?? "" : record.period
        return month <= period.description
    }

    /// Lines for a report's subtitle, Vietnamese.
    var subtitle: [String] {
        var lines: [String] = []
        if let period { lines.append("Kỳ: đến hết \(period.vietnameseLabel.lowercased())") }
        if let asOf { lines.append("Số liệu đến hết ngày \(asOf.vietnamese)") }
        if let close { lines.append("Đã khoá sổ đến hết \(close.period.vietnameseLabel.lowercased()) lúc \(close.closedAt) (UTC): số liệu không đổi") }
        return lines
    }
}
