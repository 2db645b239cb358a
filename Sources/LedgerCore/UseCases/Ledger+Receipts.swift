import Crypto
import VietnameseText

/// What `receipts issue` did.
public struct ReceiptIssueSummary: Sendable, Hashable {
    public var issued: [ReceiptNumber] = []
    /// Paid invoices that already had a valid receipt: nothing new for them.
    public var alreadyIssued = 0
    /// Whether this run created the school's signing key (a ledger made before receipts existed).
    public var createdKey = false
}

/// Refusals of a receipt request.
public enum ReceiptError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownInvoice(String)
    case invoiceNotPaid(String, status: InvoiceStatus, paid: Money, due: Money)
    case unknownReceipt(String)
    case notValid(ReceiptNumber, ReceiptStatus)
    case reasonRequired
    case seriesFull(String)
    case noSigningKey

    public var description: String {
        switch self {
        case .unknownInvoice(let number): "no invoice \(number) in this ledger"
        case .invoiceNotPaid(let number, let status, let paid, let due):
            "invoice \(number) is not paid (\(status.rawValue): \(paid.formatted) of \(due.formatted)); a receipt is issued once it is paid in full"
        case .unknownReceipt(let text): "no receipt \(text) in this ledger (numbers look like 26TAA-0000001)"
        case .notValid(let number, let status): "receipt \(number) is \(status.rawValue) already; it cannot be cancelled or replaced again"
        case .reasonRequired: "a reason is required (--reason \"…\"): it is kept with the record"
        case .seriesFull(let series): "receipt series \(series) has used every number up to 99999999"
        case .noSigningKey: "this ledger has no receipt-signing key yet; issue a receipt first (`hocphi receipts issue`)"
        }
    }
}

extension Ledger {
    /// Issues a signed receipt for `invoiceNumber`, or for every paid invoice without a valid one when `nil`.
    /// Issuing again changes nothing. Numbers continue the series of the issue year without gaps: they are
    /// assigned inside the one batch that is committed whole, on top of the numbers already stored.
    ///
    /// - Parameter newKeySeed: 32 random bytes from the caller, used only if the ledger has no key yet.
    public func issueReceipts(invoice invoiceNumber: String?, newKeySeed: () -> [UInt8]) throws -> ReceiptIssueSummary {
        let school = try requireSchool()
        var changes = try begin()
        var summary = ReceiptIssueSummary()
        let key = try signingKey(creating: &changes, seed: newKeySeed, summary: &summary)
        let invoices = try store.invoices()
        let existing = try store.receipts()
        let covered = Set(existing.filter { $0.status == .issued }.map(\.receipt.invoiceNumber))

        let targets: [Invoice]
        if let invoiceNumber {
            guard let invoice = invoices.first(where: { $0.number == invoiceNumber }) else {
                throw ReceiptError.unknownInvoice(invoiceNumber)
            }
            guard invoice.isSettled else {
                throw ReceiptError.invoiceNotPaid(invoice.number, status: invoice.status, paid: invoice.amountPaid, due: invoice.amountDue)
            }
            targets = [invoice]
        } else {
            targets = invoices.filter(\.isSettled).sorted { ($0.period, $0.serial) < ($1.period, $1.serial) }
        }
        let context = try ReceiptContext(ledger: self, school: school)
        var numbering = ReceiptNumbering(existing: existing.map(\.receipt.number))
        for invoice in targets {
            if covered.contains(invoice.number) {
                summary.alreadyIssued += 1
                continue
            }
            let number = try numbering.next(series: school.receiptSeries.symbol(year: changes.recordedAt.vietnamDate.year))
            let receipt = try context.receipt(number: number, for: invoice, replacing: nil, at: changes.recordedAt)
            changes.add(SignedReceipt(receipt: receipt, signature: key.sign(receipt)))
            changes.audit(.receiptIssued(receipt))
            summary.issued.append(number)
        }
        if !changes.isEmpty { try store.commit(changes) }
        return summary
    }

    /// Cancels a receipt: a record beside it says why, by whom and when; its number is never reused.
    public func cancelReceipt(_ text: String, reason: String) throws {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw ReceiptError.reasonRequired }
        var changes = try begin()                 // before reading: a concurrent change makes this a conflict
        let signed = try receipt(text)
        guard signed.status == .issued else { throw ReceiptError.notValid(signed.receipt.number, signed.status) }
        changes.cancel(ReceiptCancellation(number: signed.receipt.number, reason: reason, actor: actor, at: changes.recordedAt))
        changes.audit(AuditEvent("receipt.cancelled", subject: signed.receipt.number.description,
                                 details: "invoice \(signed.receipt.invoiceNumber): \(reason)"))
        try store.commit(changes)
    }

    /// Replaces a receipt (a wrong name, a wrong class): a new receipt with the next number, made from the
    /// ledger as it is now, pointing to the old one, which stays on file marked as replaced.
    public func replaceReceipt(_ text: String, reason: String) throws -> ReceiptNumber {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw ReceiptError.reasonRequired }
        let school = try requireSchool()
        var changes = try begin()                 // before reading: a concurrent unmatch makes this a conflict
        let old = try receipt(text)
        guard old.status == .issued else { throw ReceiptError.notValid(old.receipt.number, old.status) }
        guard let invoice = try store.invoices().first(where: { $0.number == old.receipt.invoiceNumber }) else {
            throw ReceiptError.unknownInvoice(old.receipt.invoiceNumber)
        }
        guard invoice.isSettled else {
            throw ReceiptError.invoiceNotPaid(invoice.number, status: invoice.status, paid: invoice.amountPaid, due: invoice.amountDue)
        }
        guard let key = try store.signingKey() else { throw ReceiptError.noSigningKey }
        var numbering = ReceiptNumbering(existing: try store.receipts().map(\.receipt.number))
        let number = try numbering.next(series: school.receiptSeries.symbol(year: changes.recordedAt.vietnamDate.year))
        let receipt = try ReceiptContext(ledger: self, school: school)
            .receipt(number: number, for: invoice, replacing: old.receipt.number, at: changes.recordedAt)
        changes.add(SignedReceipt(receipt: receipt, signature: key.sign(receipt)))
        changes.audit(.receiptIssued(receipt))
        changes.audit(AuditEvent("receipt.replaced", subject: old.receipt.number.description,
                                 details: "by \(number): \(reason)"))
        try store.commit(changes)
        return number
    }

    /// One receipt by its number (`26TAA-0000001`).
    public func receipt(_ text: String) throws -> SignedReceipt {
        guard let number = ReceiptNumber(text), let found = try store.receipt(number) else {
            throw ReceiptError.unknownReceipt(text)
        }
        return found
    }

    /// The printed form of a receipt, with the seal its QR carries.
    public func receiptDocument(_ text: String) throws -> ReceiptDocument {
        let signed = try receipt(text)
        guard let key = try store.signingKey() else { throw ReceiptError.noSigningKey }
        return ReceiptDocument(signed, keyFingerprint: key.fingerprint)
    }

    /// Checks a presented seal (read from a receipt's QR or PDF) against the ledger: the stored receipt's
    /// signature under the school's key, and the presented fields against the stored ones.
    public func verifyReceipt(seal: ReceiptSeal) throws -> ReceiptVerification {
        guard let key = try store.signingKey() else { throw ReceiptError.noSigningKey }
        guard let stored = try store.receipt(seal.number) else {
            return ReceiptVerification(seal: seal, stored: nil, problems: ["no receipt \(seal.number) in this ledger"])
        }
        var problems: [String] = []
        let verifier = ReceiptVerifier(publicKey: key.publicKey)
        if !verifier.isValid(stored) { problems.append("the stored receipt's content does not match its signature (altered)") }
        if !verifier.isValid(signature: seal.signature, over: stored.receipt.canonicalBytes) {
            problems.append("the presented signature is not the school's signature of this receipt")
        }
        if seal.invoiceNumber != stored.receipt.invoiceNumber { problems.append("invoice \(seal.invoiceNumber) ≠ \(stored.receipt.invoiceNumber)") }
        if seal.total != stored.receipt.total { problems.append("amount \(seal.total.formatted) ≠ \(stored.receipt.total.formatted)") }
        if seal.issuedOn != stored.receipt.issuedOn { problems.append("issue date \(seal.issuedOn) ≠ \(stored.receipt.issuedOn)") }
        return ReceiptVerification(seal: seal, stored: stored, problems: problems)
    }

    private func signingKey(creating changes: inout LedgerChanges, seed: () -> [UInt8],
                            summary: inout ReceiptIssueSummary) throws -> SigningKey {
        if let key = try store.signingKey() { return key }
        guard let key = SigningKey(seed: seed(), createdAt: changes.recordedAt) else { throw ReceiptError.noSigningKey }
        changes.newSigningKey = key
        changes.audit(AuditEvent("school.signing_key_created", subject: key.fingerprint,
                                 details: "Ed25519 public key \(Hex.lowercase(key.publicKey))"))
        summary.createdKey = true
        return key
    }
}

/// The outcome of `receipts verify`: valid only when the receipt exists, its stored content carries the
/// school's signature, and what was presented is that receipt.
public struct ReceiptVerification: Sendable, Hashable {
    public let seal: ReceiptSeal
    public let stored: SignedReceipt?
    public let problems: [String]
    public var isValid: Bool { stored != nil && problems.isEmpty }
}

extension Invoice {
    /// Paid in full (an over-payment's surplus went to the family's credit): what earns a receipt.
    public var isSettled: Bool { status.isSettled }
}

/// Hands out the next number of a series, continuing from the numbers already used.
struct ReceiptNumbering {
    private var last: [String: Int64] = [:]

    init(existing: [ReceiptNumber]) {
        for number in existing { last[number.series] = max(last[number.series] ?? 0, number.number) }
    }

    mutating func next(series: String) throws(ReceiptError) -> ReceiptNumber {
        let next = (last[series] ?? 0) + 1
        guard next <= ReceiptSeries.maximumNumber else { throw .seriesFull(series) }
        last[series] = next
        return ReceiptNumber(series: series, number: next)
    }
}

/// What a receipt needs from the ledger besides its invoice: pupils (for the payer) and how it was paid.
private struct ReceiptContext<Store: LedgerStore> {
    let school: School
    let students: [StudentCode: Student]
    let allocations: [String: [Allocation]]

    init(ledger: Ledger<Store>, school: School) throws {
        self.school = school
        students = Dictionary(try ledger.store.students().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        allocations = Dictionary(grouping: try ledger.store.allocations().filter { $0.isActive && $0.invoiceNumber != nil },
                                 by: { $0.invoiceNumber! })
    }

    func receipt(number: ReceiptNumber, for invoice: Invoice, replacing: ReceiptNumber?, at time: Timestamp) throws -> Receipt {
        let payments = (allocations[invoice.number] ?? []).sorted { ($0.bookingDate, $0.journalSequence) < ($1.bookingDate, $1.journalSequence) }
        var references = payments.map(\.bankReference)
        let fromBank = try Money.sum(payments.map(\.amount))
        if fromBank < invoice.amountDue { references.append(Receipt.familyCreditReference) }   // part paid from credit
        let student = students[invoice.studentCode]
        let payer = student?.guardianName.flatMap { $0.isEmpty ? nil : $0 } ?? "Phụ huynh em \(invoice.studentName)"
        return Receipt(
            number: number, formSymbol: school.receiptSeries.formSymbol, replaces: replacing,
            schoolName: school.name, schoolAddress: school.address, schoolTaxCode: school.taxCode,
            invoiceNumber: invoice.number, studentCode: invoice.studentCode.value, studentName: invoice.studentName,
            className: invoice.className.description, period: invoice.period, payerName: payer,
            lines: invoice.lines.map { Receipt.Line(feeCode: $0.feeCode.value, name: $0.feeName, amount: $0.amount) },
            total: invoice.amountDue, totalInWords: AmountInWords().words(invoice.amountDue.dong),
            paidOn: payments.last?.bookingDate ?? invoice.issuedAt.vietnamDate, paymentReferences: references,
            issuedOn: time.vietnamDate, issuedAt: time)
    }
}

extension ReceiptDocument {
    /// The printed form of a stored receipt: formatting only, every value comes from the signed content.
    public init(_ signed: SignedReceipt, keyFingerprint: String) {
        let receipt = signed.receipt
        let payment: String
        let banked = receipt.paymentReferences.filter { $0 != Receipt.familyCreditReference }
        if banked.isEmpty {
            payment = "Trừ vào tiền nộp thừa kỳ trước"
        } else {
            payment = "Chuyển khoản, ngày \(receipt.paidOn.vietnamese), mã giao dịch \(banked.joined(separator: ", "))"
                + (banked.count < receipt.paymentReferences.count ? " (một phần trừ vào tiền nộp thừa kỳ trước)" : "")
        }
        let stamp: String? = switch signed.status {
        case .issued: nil
        case .cancelled: "ĐÃ HUỶ"
        case .replaced: "ĐÃ BỊ THAY THẾ"
        }
        let issued = receipt.issuedOn.vietnameseFormal
        self.init(
            title: "BIÊN LAI THU TIỀN", schoolName: receipt.schoolName, schoolAddress: receipt.schoolAddress,
            schoolTaxCode: receipt.schoolTaxCode, formSymbol: receipt.formSymbol, seriesSymbol: receipt.number.series,
            number: receipt.number.paddedNumber, issuedOnText: issued.prefix(1).uppercased() + issued.dropFirst(),
            payerName: receipt.payerName, studentName: receipt.studentName, studentCode: receipt.studentCode,
            className: receipt.className, periodLabel: receipt.period.vietnameseLabel, invoiceNumber: receipt.invoiceNumber,
            lines: receipt.lines.map { Line(name: $0.name, amount: $0.amount) }, total: receipt.total,
            totalInWords: receipt.totalInWords, paymentText: payment,
            replacesText: receipt.replaces.map { "Thay thế biên lai số \($0)" }, statusStamp: stamp,
            verificationText: ReceiptSeal(signed).description, keyFingerprint: keyFingerprint)
    }
}

extension AuditEvent {
    /// A receipt's issue, anchored in the audit chain: the SHA-256 of its signed content is in the record, so
    /// rewriting a stored receipt — even re-signed with the key from the same file — breaks `ledger verify`
    /// unless the chain's tail is rewritten too, which changes the head hash the principal wrote down.
    static func receiptIssued(_ receipt: Receipt) -> AuditEvent {
        AuditEvent("receipt.issued", subject: receipt.number.description,
                   details: "invoice \(receipt.invoiceNumber), \(receipt.studentName), \(receipt.total.formatted); \(ReceiptAnchor.prefix)\(receipt.contentDigest)")
    }
}

extension Receipt {
    /// SHA-256 of the canonical content, lower-case hex.
    public var contentDigest: String { Hex.lowercase(SHA256.hash(data: canonicalBytes)) }
}

/// How the digest is written in a `receipt.issued` audit record, and read back by the verifier.
enum ReceiptAnchor {
    static let prefix = "content sha256 "

    static func digest(in details: String) -> String? {
        guard let range = details.range(of: prefix) else { return nil }
        let hex = details[range.upperBound...].prefix(64)
        return hex.count == 64 ? String(hex) : nil
    }
}
