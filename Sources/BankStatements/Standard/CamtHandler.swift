import LedgerCore
import XMLScan

/// The camt field logic: fed element starts, text and ends (by `XMLTokenizer`), it keeps the element path and,
/// for the statement, balance and entry being read, only what the `Statement` needs. It knows nothing of XML
/// syntax, so tests can feed it from another XML reader and compare. A value held inline by the tokenizer, so its
/// state is reached without the exclusivity checks a class property costs at every access.
struct CamtHandler: XMLTokenSink {
    let fileName: String

    /// Where a failure is: an entry by number, or the line the reader had reached, which only it knows.
    enum Place: Equatable {
        case entry(Int)
        case currentLine
    }
    /// The first fault in the statement's content; reading stops there.
    private(set) var failure: (place: Place, field: String?, reason: String)?

    private var format: String?
    private var stack: [CamtTag] = []
    /// The text since the last element start (as `XMLParser`'s delegate saw it: children's text included).
    private var text: [UInt8] = []
    private var amountCurrency: String?

    // The whole file.
    private var account: String?
    private var openingBalance: Money?
    private var closingBalance: Money?
    private var reportCount = 0
    private var periodStart: LocalDate?
    private var periodEnd: LocalDate?
    private var lines: [StatementLine] = []
    private var entryCount = 0

    // The statement (Stmt) or notification (Ntfctn) being read.
    private struct Report {
        var account: String?
        var opening: Money?
        var previouslyClosed: Money?
        var closing: Money?
        var from: LocalDate?
        var to: LocalDate?
        var firstBooking: LocalDate?
        var lastBooking: LocalDate?
    }
    private var report: Report?

    private struct BalanceDraft {
        var code: String?
        var amount: Money?
        var debit = false
    }
    private var balance: BalanceDraft?

    private struct EntryDraft {
        var number: Int
        var entryReference: String?
        var amount: Int64?
        var direction: Direction?
        var status: String?
        var bookingDate: LocalDate?
        var valueDate: LocalDate?
        var servicerReference: String?
        var transactionServicerReference: String?
        var debtorName: String?
        var debtorAccount: String?
        var creditorName: String?
        var creditorAccount: String?
        var unstructured: [String] = []
        var entryInformation: String?
        var transactionInformation: String?
    }
    private var entry: EntryDraft?

    /// Depth in the element stack of the open statement, balance and entry; 0 when none is open.
    private var reportDepth = 0
    private var balanceDepth = 0
    private var entryDepth = 0

    init(fileName: String) { self.fileName = fileName }

    /// The failure as the error to throw, `line` being where reading stopped.
    func error(line: Int) -> StatementError? {
        guard let failure else { return nil }
        let place = switch failure.place {
        case .entry(let number): "entry \(number)"
        case .currentLine: "line \(line)"
        }
        return StatementError(fileName: fileName, place: place, field: failure.field, reason: failure.reason)
    }

    func statement(source: SourceFile) throws(StatementError) -> Statement {
        guard let format else {
            throw StatementError(fileName: fileName, reason: "not a camt.053 or camt.054 document")
        }
        guard reportCount > 0, let account else {
            throw StatementError(fileName: fileName,
                                 reason: format == "camt.053" ? "the document holds no statement (Stmt)"
                                     : "the document holds no notification (Ntfctn)")
        }
        return Statement(account: account, currency: "VND", periodStart: periodStart, periodEnd: periodEnd,
                         openingBalance: openingBalance, closingBalance: closingBalance, lines: lines,
                         format: format, source: source)
    }

    // MARK: Helpers

    /// The element `k` levels above the current one (0 is the element itself).
    private func up(_ k: Int) -> CamtTag {
        let index = stack.count - 1 - k
        return index >= 0 ? stack[index] : .other
    }

    private mutating func failEntry(_ field: String, _ reason: String) {
        if failure == nil { failure = (.entry(entry?.number ?? entryCount), field, reason) }
    }

    private mutating func failLine(_ field: String?, _ reason: String) {
        if failure == nil { failure = (.currentLine, field, reason) }
    }

    /// The amount of an `Amt` element: VND, whole, not negative; or why not. Returned rather than reported,
    /// since reporting mutates the handler.
    private func amount() -> (value: Int64?, problem: String?) {
        let written = trimmedText
        guard let currency = amountCurrency else { return (nil, "amount \"\(written)\" has no currency (Ccy)") }
        guard currency == "VND" else { return (nil, "currency \"\(currency)\" is not supported: only VND (đồng) is") }
        switch StandardFormats.dong(written.utf8, decimalSeparator: 0x2E) {
        case .success(let value): return (value, nil)
        case .failure(let problem): return (nil, StandardFormats.reason(problem, amount: written))
        }
    }

    private func date() -> (value: LocalDate?, problem: String?) {
        let written = trimmedText
        guard let date = StandardFormats.isoDate(written) else { return (nil, "\"\(written)\" is not a date") }
        return (date, nil)
    }

    private var trimmedText: String { Self.trimmed(text) }

    /// Static, so that `entry?.field = Self.trimmed(text)` reads `text` apart from the `entry` it changes.
    private static func trimmed(_ text: [UInt8]) -> String { StandardFormats.trimmed(String(decoding: text, as: UTF8.self)) }

    // MARK: XMLTokenSink

    mutating func startElement(_ name: String, attributes: [(name: String, value: String)]) -> Bool {
        guard failure == nil else { return false }
        let tag = CamtTag.named[name] ?? .other
        stack.append(tag)
        text.removeAll(keepingCapacity: true)
        let depth = stack.count

        if format == nil {
            switch tag {
            case .BkToCstmrStmt where depth <= 2: format = "camt.053"
            case .BkToCstmrDbtCdtNtfctn where depth <= 2: format = "camt.054"
            case .Document where depth == 1: break
            default:
                failLine(nil, "not a camt.053 or camt.054 document: found <\(name)> where "
                                    + "<BkToCstmrStmt> or <BkToCstmrDbtCdtNtfctn> belongs")
            }
            return failure == nil
        }

        switch tag {
        case .Stmt where up(1) == .BkToCstmrStmt, .Ntfctn where up(1) == .BkToCstmrDbtCdtNtfctn:
            report = Report()
            reportDepth = depth
        case .Bal where reportDepth > 0 && depth == reportDepth + 1:
            balance = BalanceDraft()
            balanceDepth = depth
        case .Ntry where reportDepth > 0 && depth == reportDepth + 1:
            entryCount += 1
            entry = EntryDraft(number: entryCount)
            entryDepth = depth
        case .Amt:
            amountCurrency = attributes.first { $0.name == "Ccy" }?.value
        default:
            break
        }
        return true
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: bytes)
    }

    mutating func endElement() -> Bool {
        guard failure == nil else { return false }
        defer { stack.removeLast() }
        guard let tag = stack.last, tag != .other else { return true }  // nothing to do at an unknown end
        let depth = stack.count
        // The depths are kept apart from the drafts so that this test, run for every element, copies nothing.
        if entryDepth > 0 {
            endInEntry(tag, relativeDepth: depth - entryDepth)
        } else if balanceDepth > 0 {
            endInBalance(tag, relativeDepth: depth - balanceDepth)
        } else if reportDepth > 0 {
            endInReport(tag, relativeDepth: depth - reportDepth)
        }
        return failure == nil
    }

    private mutating func endInReport(_ tag: CamtTag, relativeDepth r: Int) {
        switch tag {
        case .Id where r == 4 && up(1) == .Othr && up(2) == .Id && up(3) == .Acct,
             .IBAN where r == 3 && up(1) == .Id && up(2) == .Acct:
            report?.account = Self.trimmed(text)
        case .Ccy where r == 2 && up(1) == .Acct:
            if trimmedText != "VND" {
                failLine("Acct/Ccy", "currency \"\(trimmedText)\" is not supported: only VND (đồng) is")
            }
        case .FrDtTm where r == 2 && up(1) == .FrToDt, .FrDt where r == 2 && up(1) == .FrToDt:
            let from = date()
            if let problem = from.problem { failLine("FrToDt/\(tag.rawValue)", problem) }
            report?.from = from.value
        case .ToDtTm where r == 2 && up(1) == .FrToDt, .ToDt where r == 2 && up(1) == .FrToDt:
            let to = date()
            if let problem = to.problem { failLine("FrToDt/\(tag.rawValue)", problem) }
            report?.to = to.value
        case .Stmt where r == 0, .Ntfctn where r == 0:
            endReport()
        default:
            break
        }
    }

    private mutating func endReport() {
        guard let current = report else { return }
        report = nil
        reportDepth = 0
        guard let number = current.account, !number.isEmpty else {
            return failLine("Acct", "the \(format == "camt.053" ? "statement" : "notification") names no account (Acct/Id)")
        }
        if let account, account != number {
            return failLine("Acct", "account \"\(number)\" differs from \"\(account)\" earlier in the file: "
                                + "a file is one account's statement")
        }
        account = number
        if reportCount == 0 { openingBalance = current.opening ?? current.previouslyClosed }
        closingBalance = current.closing
        reportCount += 1
        if let start = current.from ?? current.firstBooking { periodStart = min(periodStart ?? start, start) }
        if let end = current.to ?? current.lastBooking { periodEnd = max(periodEnd ?? end, end) }
    }

    private mutating func endInBalance(_ tag: CamtTag, relativeDepth r: Int) {
        switch tag {
        case .Cd where r == 3 && up(1) == .CdOrPrtry && up(2) == .Tp:
            balance?.code = Self.trimmed(text)
        case .Amt where r == 1:
            guard let code = balance?.code, ["OPBD", "PRCD", "CLBD"].contains(code) else { return }
            let read = amount()
            if let problem = read.problem { failLine("Bal \(code)/Amt", problem) }
            if let value = read.value { balance?.amount = Money(dong: value) }
        case .CdtDbtInd where r == 1:
            switch trimmedText {
            case "CRDT": balance?.debit = false
            case "DBIT": balance?.debit = true
            default: failLine("Bal/CdtDbtInd", "\"\(trimmedText)\" is not CRDT or DBIT")
            }
        case .Bal where r == 0:
            guard let current = balance else { return }
            balance = nil
            balanceDepth = 0
            guard let code = current.code, ["OPBD", "PRCD", "CLBD"].contains(code) else { return }
            guard let amount = current.amount else { return failLine("Bal \(code)/Amt", "missing") }
            let signed = Money(dong: current.debit ? -amount.dong : amount.dong)
            switch code {
            case "OPBD": report?.opening = signed
            case "PRCD": report?.previouslyClosed = signed
            default: report?.closing = signed
            }
        default:
            break
        }
    }

    private mutating func endInEntry(_ tag: CamtTag, relativeDepth r: Int) {
        switch tag {
        case .NtryRef where r == 1:
            entry?.entryReference = Self.trimmed(text)
        case .Amt where r == 1:
            let read = amount()
            if let problem = read.problem { failEntry("Amt", problem) }
            entry?.amount = read.value
        case .CdtDbtInd where r == 1:
            switch trimmedText {
            case "CRDT": entry?.direction = .credit
            case "DBIT": entry?.direction = .debit
            default: failEntry("CdtDbtInd", "\"\(trimmedText)\" is not CRDT or DBIT")
            }
        case .Sts where r == 1:
            if !trimmedText.isEmpty { entry?.status = Self.trimmed(text) }
        case .Cd where r == 2 && up(1) == .Sts:
            entry?.status = Self.trimmed(text)
        case .Dt where r == 2 && up(1) == .BookgDt, .DtTm where r == 2 && up(1) == .BookgDt:
            let booking = date()
            if let problem = booking.problem { failEntry("BookgDt", problem) }
            entry?.bookingDate = booking.value
        case .Dt where r == 2 && up(1) == .ValDt, .DtTm where r == 2 && up(1) == .ValDt:
            let value = date()
            if let problem = value.problem { failEntry("ValDt", problem) }
            entry?.valueDate = value.value
        case .AcctSvcrRef where r == 1:
            entry?.servicerReference = Self.trimmed(text)
        case .AcctSvcrRef where up(1) == .Refs && up(2) == .TxDtls:
            if entry?.transactionServicerReference == nil { entry?.transactionServicerReference = Self.trimmed(text) }
        case .Nm where up(1) == .Dbtr || (up(1) == .Pty && up(2) == .Dbtr):
            if entry?.debtorName == nil { entry?.debtorName = Self.trimmed(text) }
        case .Nm where up(1) == .Cdtr || (up(1) == .Pty && up(2) == .Cdtr):
            if entry?.creditorName == nil { entry?.creditorName = Self.trimmed(text) }
        case .Id where up(1) == .Othr && up(2) == .Id && (up(3) == .DbtrAcct || up(3) == .CdtrAcct),
             .IBAN where up(1) == .Id && (up(2) == .DbtrAcct || up(2) == .CdtrAcct):
            let isDebtor = (tag == .IBAN ? up(2) : up(3)) == .DbtrAcct
            if isDebtor {
                if entry?.debtorAccount == nil { entry?.debtorAccount = Self.trimmed(text) }
            } else if entry?.creditorAccount == nil {
                entry?.creditorAccount = Self.trimmed(text)
            }
        case .Ustrd where up(1) == .RmtInf:
            let part = trimmedText
            if !part.isEmpty { entry?.unstructured.append(part) }
        case .AddtlNtryInf where r == 1:
            entry?.entryInformation = Self.trimmed(text)
        case .AddtlTxInf where up(1) == .TxDtls:
            if entry?.transactionInformation == nil { entry?.transactionInformation = Self.trimmed(text) }
        case .Ntry where r == 0:
            endEntry()
        default:
            break
        }
    }

    private mutating func endEntry() {
        guard let e = entry else { return }
        defer {
            entry = nil
            entryDepth = 0
        }
        if let status = e.status, status != "BOOK" { return }  // pending or information only
        guard let amount = e.amount else { return failEntry("Amt", "missing") }
        guard amount > 0 else { return failEntry("Amt", "amount is zero") }
        guard let direction = e.direction else { return failEntry("CdtDbtInd", "missing") }
        guard let bookingDate = e.bookingDate else { return failEntry("BookgDt", "missing") }

        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        let description = e.unstructured.isEmpty
            ? (nonEmpty(e.entryInformation) ?? e.transactionInformation ?? "")
            : e.unstructured.joined(separator: " ")
        let name = direction == .credit ? e.debtorName : e.creditorName
        let account = direction == .credit ? e.debtorAccount : e.creditorAccount
        lines.append(StatementLine(
            bookingDate: bookingDate, valueDate: e.valueDate, direction: direction, amount: Money(dong: amount),
            bankReference: nonEmpty(e.servicerReference) ?? nonEmpty(e.transactionServicerReference)
                ?? nonEmpty(e.entryReference),
            counterpartyName: nonEmpty(name.map(StandardFormats.cleanDescription)),
            counterpartyAccount: nonEmpty(account),
            description: StandardFormats.cleanDescription(description), position: e.number))
        if report?.firstBooking == nil || bookingDate < report!.firstBooking! { report?.firstBooking = bookingDate }
        if report?.lastBooking == nil || bookingDate > report!.lastBooking! { report?.lastBooking = bookingDate }
    }
}
