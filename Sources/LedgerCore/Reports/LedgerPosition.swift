/// What the journal says, within a scope, about each invoice and each account: read in one pass over the
/// journal, so every report's figures come from the hash-chained entries, not from cached columns.
public struct LedgerPosition: Sendable {
    /// Invoice number → amount billed by its `invoice.issued` entry (0 if out of scope).
    public private(set) var billed: [String: Int64] = [:]
    /// Invoice number → amount paid: bank allocations and credit applied, less reversals.
    public private(set) var paid: [String: Int64] = [:]
    /// Invoice number → booking date of its latest in-scope payment.
    public private(set) var lastPaid: [String: LocalDate] = [:]
    /// Sum of (debits − credits) per account root (`131`, `112`, `3383`, `531`, …) over in-scope entries.
    public private(set) var balances: [String: Int64] = [:]
    /// Allocations active within the scope (posted in scope, not reversed in scope), by bank line.
    public private(set) var allocatedByLine: [Int64: Int64] = [:]
    /// Journal entries in scope.
    public private(set) var entries = 0

    /// Reads the journal once. `allocations` maps a payment entry to the invoices it paid.
    public init(journal forEach: ((JournalRecord) throws -> Void) throws -> Void, allocations: [Allocation],
                scope: ReportScope) throws {
        let byEntry = Dictionary(grouping: allocations, by: \.journalSequence)
        var dates: [Int64: LocalDate] = [:]
        for allocation in allocations { dates[allocation.journalSequence] = allocation.bookingDate }
        try forEach { record in
            guard scope.includes(record) else { return }
            entries += 1
            for line in record.lines {
                let root = line.account.split(separator: ".", maxSplits: 1).first.map(String.init) ?? line.account
                balances[root, default: 0] += line.side == "D" ? line.amount : -line.amount
            }
            switch record.kind {
            case EntryKind.invoiceIssued.rawValue:
                billed[record.reference, default: 0] += record.lines.filter { $0.side == "D" }.reduce(0) { $0 + $1.amount }
            case EntryKind.creditApplied.rawValue:
                paid[record.reference, default: 0] += record.lines.filter { $0.side == "C" }.reduce(0) { $0 + $1.amount }
            case EntryKind.paymentAllocated.rawValue, EntryKind.refundPaid.rawValue:
                apply(byEntry[record.sequence] ?? [], sign: 1, date: dates[record.sequence])
            case EntryKind.reversal.rawValue:
                if let original = record.reverses, let allocations = byEntry[original] {
                    apply(allocations, sign: -1, date: nil)
                }
            default:
                break
            }
        }
    }

    private mutating func apply(_ allocations: [Allocation], sign: Int64, date: LocalDate?) {
        for allocation in allocations {
            allocatedByLine[allocation.lineID, default: 0] += sign * allocation.amount.dong
            guard let invoice = allocation.invoiceNumber else { continue }
            paid[invoice, default: 0] += sign * allocation.amount.dong
            if sign > 0, let date, date > (lastPaid[invoice] ?? date) || lastPaid[invoice] == nil { lastPaid[invoice] = date }
        }
    }

    /// What is still owed on an invoice within the scope.
    public func outstanding(_ invoice: String) -> Int64 { max(0, (billed[invoice] ?? 0) - (paid[invoice] ?? 0)) }
}
