/// Refusals of a month close.
public enum PeriodError: Error, Sendable, Equatable, CustomStringConvertible {
    case alreadyClosed(YearMonth, through: YearMonth)
    case notOver(YearMonth, today: LocalDate)

    public var description: String {
        switch self {
        case .alreadyClosed(let period, let through): "\(period) is already closed (every month through \(through) is)"
        case .notOver(let period, let today): "\(period) is not over yet (today is \(today)); a month is closed after its last day"
        }
    }
}

extension Ledger {
    /// `period close 2025-09`: closes every month up to `period`. From then on an entry that belongs to a closed
    /// month by nature (a late bank line, an unmatch, a pupil's invoice issued late) counts in the first open
    /// month as an adjustment, so a closed month's reports never change. Closing is for good: there is no reopen.
    public func closePeriod(_ period: YearMonth) throws -> PeriodClose {
        _ = try requireSchool()
        var changes = try begin()
        if let closed = changes.base.closedThrough, period <= closed { throw PeriodError.alreadyClosed(period, through: closed) }
        let today = changes.recordedAt.vietnamDate
        guard period < YearMonth(today) else { throw PeriodError.notOver(period, today: today) }
        changes.close(through: period)
        changes.audit(AuditEvent("period.closed", subject: period.description,
                                 details: "journal \(changes.base.journalSequence) \(changes.base.journalHash)"))
        try store.commit(changes)
        return PeriodClose(period: period, closedAt: changes.recordedAt, actor: actor,
                           journalSequence: changes.base.journalSequence, journalHash: changes.base.journalHash)
    }
}
