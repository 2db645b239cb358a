import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LedgerCore

/// Reads ISO 20022 bank-to-customer statements (camt.053, `BkToCstmrStmt/Stmt`) and debit/credit
/// notifications (camt.054, `BkToCstmrDbtCdtNtfctn/Ntfctn`), any message version, with or without a namespace
/// prefix: elements are matched by local name. The file is streamed through the SAX `XMLParser`, never loaded
/// as a tree.
///
/// - Account: `Acct/Id/Othr/Id` (Vietnamese accounts) or `Acct/Id/IBAN`; `Acct/Ccy`, when given, must be VND.
/// - Balances: `Bal` of type `OPBD` (or `PRCD` when there is no `OPBD`) is the opening, `CLBD` the closing; other
///   types are ignored; `CdtDbtInd` `DBIT` makes a balance negative.
/// - Period: `FrToDt/FrDtTm`…`ToDtTm` (date part as written); without it, the first and last booking dates.
/// - Entries (`Ntry`, numbered from 1 across the file, which is the line's position): `Amt@Ccy` VND and whole,
///   `CdtDbtInd`, `BookgDt` (`Dt` or the date of `DtTm`), `ValDt`, the bank reference (`AcctSvcrRef`, else
///   `TxDtls/Refs/AcctSvcrRef`, else `NtryRef`), the counterparty (`RltdPties/Dbtr` and `DbtrAcct` for a credit,
///   `Cdtr` and `CdtrAcct` for a debit; `Nm` directly or under `Pty`), the description (every `RmtInf/Ustrd`
///   joined with a space, else `AddtlNtryInf`, else `TxDtls/AddtlTxInf`).
/// - Entries whose status (`Sts`, or `Sts/Cd`) is other than `BOOK` (pending `PDNG`, `INFO`) are not movements
///   on the account yet and are skipped; they still count for the numbering.
/// - Several statements in one file must be for one account; they are concatenated (opening of the first,
///   closing of the last).
/// - Errors: `file: entry 3: Amt: currency "USD" is not supported…` for an entry, `file: line 12: Acct: …` for the
///   rest, `file: line 40: XML is malformed: …` with libxml2's line for a broken or truncated document.
public enum CamtReader {
    public static func read(_ data: Data, fileName: String) throws(StatementError) -> Statement {
        let handler = CamtHandler(fileName: fileName)
        // Through a stream, so libxml2 is fed in chunks: given the whole `Data` at once, the Linux parser
        // reports an internal error at the end of documents above about 10 MB.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let parsed = parser.parse()
        if let failure = handler.failure { throw failure }
        if !parsed || handler.xmlError != nil {
            // The line where libxml2 met the fault, as the delegate saw it; the parser's own line number may
            // have moved on by the time `parse()` returns.
            let line = handler.xmlError?.line ?? parser.lineNumber
            throw StatementError(fileName: fileName, place: "line \(line)", field: nil,
                                 reason: "XML is malformed: \(describe(handler.xmlError?.error ?? parser.parserError))")
        }
        if let open = handler.unclosedElement {
            throw StatementError(fileName: fileName, place: "line \(parser.lineNumber)", field: nil,
                                 reason: "XML is malformed: the document ends inside <\(open)> (is the file cut short?)")
        }
        return try handler.statement(source: SourceFile(name: fileName, sha256: StatementDigest.sha256Hex(data)))
    }

    /// Whether the bytes look like camt.053 or camt.054: XML naming the message near its start.
    public static func looksLike(_ data: Data) -> Bool {
        let head = StandardFormats.head(data)
        guard StandardFormats.firstSignificantByte(head) == 0x3C else { return false }
        return ["BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn", "xsd:camt.053.", "xsd:camt.054."]
            .contains { StandardFormats.contains(head, $0) }
    }

    /// libxml2's error numbers (which `NSXMLParserErrorDomain` carries) in words. Not through
    /// `XMLParser.ErrorCode`: on Linux its raw values do not match the codes the parser reports.
    private static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "unknown error" }
        let code = (error as NSError).code
        switch code {
        case 4: return "the document is empty or not XML"
        case 5: return "the document is cut short, or has content after its end"
        case 9: return "an invalid character"
        case 26: return "an undeclared entity"
        case 73: return "\">\" expected"
        case 76: return "an end tag does not match its start tag"
        case 77: return "the document ends inside a tag (is the file cut short?)"
        default: return "libxml2 error \(code)"
        }
    }
}

/// The SAX handler: keeps the element path and, for the statement, balance and entry being read, only what
/// the `Statement` needs. Used by one parse on one thread.
final class CamtHandler: NSObject, XMLParserDelegate {
    let fileName: String
    private(set) var failure: StatementError?

    private var format: String?
    private var stack: [String] = []
    private var text = ""
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

    /// The first fault libxml2 reported, with the line it was on.
    private(set) var xmlError: (line: Int, error: any Error)?

    /// The innermost element still open when the parser stopped: a document cut short, which the SAX parser
    /// on Linux does not always report as an error.
    var unclosedElement: String? { stack.last }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil { xmlError = (parser.lineNumber, parseError) }
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

    /// The name `k` levels above the current element (0 is the element itself).
    private func up(_ k: Int) -> String {
        let index = stack.count - 1 - k
        return index >= 0 ? stack[index] : ""
    }

    private func fail(_ parser: XMLParser, place: String?, field: String?, _ reason: String) {
        if failure == nil { failure = StatementError(fileName: fileName, place: place, field: field, reason: reason) }
        parser.abortParsing()
    }

    private func failEntry(_ parser: XMLParser, _ field: String, _ reason: String) {
        fail(parser, place: "entry \(entry?.number ?? entryCount)", field: field, reason)
    }

    private func failLine(_ parser: XMLParser, _ field: String?, _ reason: String) {
        fail(parser, place: "line \(parser.lineNumber)", field: field, reason)
    }

    /// `ns2:Ntry` → `Ntry`; searched on the bytes, since this runs for every element.
    private static func localName(_ qualified: String) -> String {
        let utf8 = qualified.utf8
        guard let colon = utf8.lastIndex(of: 0x3A) else { return qualified }
        return String(qualified[utf8.index(after: colon)...])
    }

    /// The amount of an `Amt` element: VND, whole, not negative.
    private func amount(_ parser: XMLParser, fail: (String) -> Void) -> Int64? {
        let written = StandardFormats.trimmed(text)
        guard let currency = amountCurrency else { fail("amount \"\(written)\" has no currency (Ccy)"); return nil }
        guard currency == "VND" else { fail("currency \"\(currency)\" is not supported: only VND (đồng) is"); return nil }
        switch StandardFormats.dong(written.utf8, decimalSeparator: 0x2E) {
        case .success(let value): return value
        case .failure(let problem): fail(StandardFormats.reason(problem, amount: written)); return nil
        }
    }

    private func date(_ fail: (String) -> Void) -> LocalDate? {
        let written = StandardFormats.trimmed(text)
        guard let date = StandardFormats.isoDate(written) else { fail("\"\(written)\" is not a date"); return nil }
        return date
    }

    private var trimmedText: String { StandardFormats.trimmed(text) }

    // MARK: XMLParserDelegate

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard failure == nil else { return }
        let name = CamtHandler.localName(elementName)
        stack.append(name)
        text.removeAll(keepingCapacity: true)
        let depth = stack.count

        if format == nil {
            switch name {
            case "BkToCstmrStmt" where depth <= 2: format = "camt.053"
            case "BkToCstmrDbtCdtNtfctn" where depth <= 2: format = "camt.054"
            case "Document" where depth == 1: break
            default:
                return failLine(parser, nil, "not a camt.053 or camt.054 document: found <\(name)> where "
                                    + "<BkToCstmrStmt> or <BkToCstmrDbtCdtNtfctn> belongs")
            }
            return
        }

        switch name {
        case "Stmt" where up(1) == "BkToCstmrStmt", "Ntfctn" where up(1) == "BkToCstmrDbtCdtNtfctn":
            report = Report()
            reportDepth = depth
        case "Bal" where reportDepth > 0 && depth == reportDepth + 1:
            balance = BalanceDraft()
            balanceDepth = depth
        case "Ntry" where reportDepth > 0 && depth == reportDepth + 1:
            entryCount += 1
            entry = EntryDraft(number: entryCount)
            entryDepth = depth
        case "Amt":
            amountCurrency = attributeDict["Ccy"]
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard failure == nil else { return }
        defer { stack.removeLast() }
        let name = stack.last ?? CamtHandler.localName(elementName)
        let depth = stack.count
        // The depths are kept apart from the drafts so that this test, run for every element, copies nothing.
        if entryDepth > 0 {
            endInEntry(parser, name: name, relativeDepth: depth - entryDepth)
        } else if balanceDepth > 0 {
            endInBalance(parser, name: name, relativeDepth: depth - balanceDepth)
        } else if reportDepth > 0 {
            endInReport(parser, name: name, relativeDepth: depth - reportDepth)
        }
    }

    private func endInReport(_ parser: XMLParser, name: String, relativeDepth r: Int) {
        switch name {
        case "Id" where r == 4 && up(1) == "Othr" && up(2) == "Id" && up(3) == "Acct",
             "IBAN" where r == 3 && up(1) == "Id" && up(2) == "Acct":
            report?.account = trimmedText
        case "Ccy" where r == 2 && up(1) == "Acct":
            if trimmedText != "VND" {
                failLine(parser, "Acct/Ccy", "currency \"\(trimmedText)\" is not supported: only VND (đồng) is")
            }
        case "FrDtTm" where r == 2 && up(1) == "FrToDt", "FrDt" where r == 2 && up(1) == "FrToDt":
            let from = date { failLine(parser, "FrToDt/\(name)", $0) }
            report?.from = from
        case "ToDtTm" where r == 2 && up(1) == "FrToDt", "ToDt" where r == 2 && up(1) == "FrToDt":
            let to = date { failLine(parser, "FrToDt/\(name)", $0) }
            report?.to = to
        case "Stmt" where r == 0, "Ntfctn" where r == 0:
            endReport(parser)
        default:
            break
        }
    }

    private func endReport(_ parser: XMLParser) {
        guard let current = report else { return }
        report = nil
        reportDepth = 0
        guard let number = current.account, !number.isEmpty else {
            return failLine(parser, "Acct", "the \(format == "camt.053" ? "statement" : "notification") names no account (Acct/Id)")
        }
        if let account, account != number {
            return failLine(parser, "Acct", "account \"\(number)\" differs from \"\(account)\" earlier in the file: "
                                + "a file is one account's statement")
        }
        account = number
        if reportCount == 0 { openingBalance = current.opening ?? current.previouslyClosed }
        closingBalance = current.closing
        reportCount += 1
        if let start = current.from ?? current.firstBooking { periodStart = min(periodStart ?? start, start) }
        if let end = current.to ?? current.lastBooking { periodEnd = max(periodEnd ?? end, end) }
    }

    private func endInBalance(_ parser: XMLParser, name: String, relativeDepth r: Int) {
        switch name {
        case "Cd" where r == 3 && up(1) == "CdOrPrtry" && up(2) == "Tp":
            balance?.code = trimmedText
        case "Amt" where r == 1:
            guard let code = balance?.code, ["OPBD", "PRCD", "CLBD"].contains(code) else { return }
            if let value = amount(parser, fail: { failLine(parser, "Bal \(code)/Amt", $0) }) {
                balance?.amount = Money(dong: value)
            }
        case "CdtDbtInd" where r == 1:
            switch trimmedText {
            case "CRDT": balance?.debit = false
            case "DBIT": balance?.debit = true
            default: failLine(parser, "Bal/CdtDbtInd", "\"\(trimmedText)\" is not CRDT or DBIT")
            }
        case "Bal" where r == 0:
            guard let current = balance else { return }
            balance = nil
            balanceDepth = 0
            guard let code = current.code, ["OPBD", "PRCD", "CLBD"].contains(code) else { return }
            guard let amount = current.amount else { return failLine(parser, "Bal \(code)/Amt", "missing") }
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

    private func endInEntry(_ parser: XMLParser, name: String, relativeDepth r: Int) {
        switch name {
        case "NtryRef" where r == 1:
            entry?.entryReference = trimmedText
        case "Amt" where r == 1:
            let value = amount(parser, fail: { failEntry(parser, "Amt", $0) })
            entry?.amount = value
        case "CdtDbtInd" where r == 1:
            switch trimmedText {
            case "CRDT": entry?.direction = .credit
            case "DBIT": entry?.direction = .debit
            default: failEntry(parser, "CdtDbtInd", "\"\(trimmedText)\" is not CRDT or DBIT")
            }
        case "Sts" where r == 1:
            if !trimmedText.isEmpty { entry?.status = trimmedText }
        case "Cd" where r == 2 && up(1) == "Sts":
            entry?.status = trimmedText
        case "Dt" where r == 2 && up(1) == "BookgDt", "DtTm" where r == 2 && up(1) == "BookgDt":
            let booking = date { failEntry(parser, "BookgDt", $0) }
            entry?.bookingDate = booking
        case "Dt" where r == 2 && up(1) == "ValDt", "DtTm" where r == 2 && up(1) == "ValDt":
            let value = date { failEntry(parser, "ValDt", $0) }
            entry?.valueDate = value
        case "AcctSvcrRef" where r == 1:
            entry?.servicerReference = trimmedText
        case "AcctSvcrRef" where up(1) == "Refs" && up(2) == "TxDtls":
            if entry?.transactionServicerReference == nil { entry?.transactionServicerReference = trimmedText }
        case "Nm" where up(1) == "Dbtr" || (up(1) == "Pty" && up(2) == "Dbtr"):
            if entry?.debtorName == nil { entry?.debtorName = trimmedText }
        case "Nm" where up(1) == "Cdtr" || (up(1) == "Pty" && up(2) == "Cdtr"):
            if entry?.creditorName == nil { entry?.creditorName = trimmedText }
        case "Id" where up(1) == "Othr" && up(2) == "Id" && (up(3) == "DbtrAcct" || up(3) == "CdtrAcct"),
             "IBAN" where up(1) == "Id" && (up(2) == "DbtrAcct" || up(2) == "CdtrAcct"):
            let isDebtor = (name == "IBAN" ? up(2) : up(3)) == "DbtrAcct"
            if isDebtor {
                if entry?.debtorAccount == nil { entry?.debtorAccount = trimmedText }
            } else if entry?.creditorAccount == nil {
                entry?.creditorAccount = trimmedText
            }
        case "Ustrd" where up(1) == "RmtInf":
            let part = trimmedText
            if !part.isEmpty { entry?.unstructured.append(part) }
        case "AddtlNtryInf" where r == 1:
            entry?.entryInformation = trimmedText
        case "AddtlTxInf" where up(1) == "TxDtls":
            if entry?.transactionInformation == nil { entry?.transactionInformation = trimmedText }
        case "Ntry" where r == 0:
            endEntry(parser)
        default:
            break
        }
    }

    private func endEntry(_ parser: XMLParser) {
        guard let e = entry else { return }
        defer {
            entry = nil
            entryDepth = 0
        }
        if let status = e.status, status != "BOOK" { return }  // pending or information only
        guard let amount = e.amount else { return failEntry(parser, "Amt", "missing") }
        guard amount > 0 else { return failEntry(parser, "Amt", "amount is zero") }
        guard let direction = e.direction else { return failEntry(parser, "CdtDbtInd", "missing") }
        guard let bookingDate = e.bookingDate else { return failEntry(parser, "BookgDt", "missing") }

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
