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

    public init(asOf: LocalDate? = nil, period: YearMonth? = nil) {
        self.asOf = asOf
        self.period = period
    }

    public static let everything = ReportScope()

    /// Whether something recorded at `recordedAt` (ISO text) is within `asOf`.
    func includes(recordedAt text: String) -> Bool {
        guard let asOf else { return true }
        guard let time = Timestamp(iso: text) else { return false }
        return time.vietnamDate <= asOf
    }

    func includes(recordedAt time: Timestamp) -> Bool {
        guard let asOf else { return true }
        return time.vietnamDate <= asOf
    }

    /// Whether a journal record is in scope: recorded by `asOf`, counting in `period` or before. Records sealed
    /// before periods existed count in the month they were recorded.
    func includes(_ record: JournalRecord) -> Bool {
        guard includes(recordedAt: record.recordedAt) else { return false }
        guard let period else { return true }
        let month = record.period.isEmpty ? Timestamp(iso: record.recordedAt).map { YearMonth($0.vietnamDate).description } ?? "" : record.period
        return month <= period.description
    }

    /// Lines for a report's subtitle, Vietnamese.
    var subtitle: [String] {
        var lines: [String] = []
        if let period { lines.append("Kỳ: đến hết \(period.vietnameseLabel.lowercased())") }
        if let asOf { lines.append("Số liệu đến hết ngày \(asOf.vietnamese)") }
        return lines
    }
}
