import Foundation
import Testing
@testable import LedgerCore

/// Receipts: numbering without gaps, signatures that break on any changed byte, the seal a QR carries,
/// cancellation and replacement as new records.
@Suite("Receipts")
struct ReceiptTests {
    typealias World = LedgerUseCaseTests.World
    static let seed: [UInt8] = (0..<32).map { UInt8($0 &* 7 &+ 3) }

    /// A ledger with September issued and the invoices of HS001, HS002 and HS004 paid by bank transfer
    /// (written straight through the port: how a payment is decided is the reconciliation's business).
    static func paidWorld(paying codes: [String] = ["HS001", "HS002", "HS004"]) throws -> World {
        let world = try World.ready()
        _ = try world.ledger.issueInvoices(for: Fixtures.month("2025-09"))
        var changes = try world.ledger.begin()
        for (index, invoice) in try world.store.invoices().enumerated() where codes.contains(invoice.studentCode.value) {
            let sequence = changes.record(try JournalEntry(
                kind: .paymentAllocated, reference: "FT\(index)", memo: "test payment",
                postings: [.debit(.bank, invoice.amountDue), .credit(.receivable(invoice.studentCode), invoice.amountDue)]))
            changes.add(Allocation(lineID: Int64(index + 1), bankReference: "FT\(index)", bookingDate: LocalDate("2025-09-1\(index)")!,
                                   lineAmount: invoice.amountDue, invoiceNumber: invoice.number, studentCode: invoice.studentCode,
                                   amount: invoice.amountDue, method: "code", reason: "test", journalSequence: sequence))
            var paid = invoice
            paid.amountPaid = invoice.amountDue
            changes.setPaid(paid)
        }
        try world.store.commit(changes)
        world.clock.set("2025-10-05T03:00:00Z")
        return world
    }

    @Test("issue --all numbers paid invoices 1, 2, 3 in the year's series; again changes nothing")
    func issueAll() throws {
        let world = try Self.paidWorld()
        let summary = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Self.seed })
        #expect(summary.issued.map(\.description) == ["25TAA-0000001", "25TAA-0000002", "25TAA-0000003"])
        #expect(summary.createdKey && summary.alreadyIssued == 0)
        let receipts = try world.store.receipts()
        #expect(receipts.map(\.receipt.studentCode) == ["HS001", "HS002", "HS004"])
        let first = receipts[0].receipt
        #expect(first.studentName == "Nguyễn Văn An" && first.className == "1A" && first.formSymbol == "EBL01")
        #expect(first.total == Money(dong: 1_804_520))
        #expect(first.totalInWords == "Một triệu tám trăm linh bốn nghìn năm trăm hai mươi đồng")
        #expect(first.lines.map(\.feeCode).sorted() == ["BHYT", "DONGPHUC", "HOCPHAM", "TIENAN"])
        #expect(first.paymentReferences == ["FT0"] && first.paidOn == LocalDate("2025-09-10"))
        #expect(first.issuedOn == LocalDate("2025-10-05"))
        let key = try #require(try world.store.signingKey())
        #expect(receipts.allSatisfy { ReceiptVerifier(publicKey: key.publicKey).isValid($0) })

        let again = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Issue.record("no second key"); return Self.seed })
        #expect(again.issued.isEmpty && again.alreadyIssued == 3 && !again.createdKey)
        #expect(try world.store.receipts().count == 3)
        #expect(world.store.auditRecords.filter { $0.action == "receipt.issued" }.count == 3)
    }

    @Test("one invoice: refused while unpaid, with the amounts; unknown invoice refused; nothing written")
    func issueOne() throws {
        let world = try Self.paidWorld(paying: ["HS001"])
        let invoices = try world.store.invoices()
        let unpaid = try #require(invoices.first { $0.studentCode.value == "HS003" })
        let before = try world.store.head()
        #expect(throws: ReceiptError.invoiceNotPaid(unpaid.number, status: .open, paid: .zero, due: unpaid.amountDue)) {
            try world.ledger.issueReceipts(invoice: unpaid.number, newKeySeed: { Self.seed })
        }
        #expect(throws: ReceiptError.unknownInvoice("HD-NOPE")) {
            try world.ledger.issueReceipts(invoice: "HD-NOPE", newKeySeed: { Self.seed })
        }
        #expect(try world.store.head() == before && world.store.receipts().isEmpty)
        let paid = try #require(invoices.first { $0.studentCode.value == "HS001" })
        #expect(try world.ledger.issueReceipts(invoice: paid.number, newKeySeed: { Self.seed }).issued.count == 1)
        #expect(try world.ledger.issueReceipts(invoice: paid.number, newKeySeed: { Self.seed }).alreadyIssued == 1)
    }

    @Test("cancel and replace are new records; numbers never reused, never skipped")
    func cancelAndReplace() throws {
        let world = try Self.paidWorld()
        _ = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Self.seed })
        #expect(throws: ReceiptError.reasonRequired) { try world.ledger.cancelReceipt("25TAA-0000002", reason: "  ") }
        try world.ledger.cancelReceipt("25TAA-0000002", reason: "nhầm người nộp")
        #expect(throws: ReceiptError.notValid(ReceiptNumber("25TAA-2")!, .cancelled)) {
            try world.ledger.cancelReceipt("25TAA-0000002", reason: "again")
        }
        let replacement = try world.ledger.replaceReceipt("25TAA-1", reason: "sai lớp")
        #expect(replacement.description == "25TAA-0000004")
        // The cancelled invoice is still paid and has no valid receipt: --all issues it a new number, 5.
        let after = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Self.seed })
        #expect(after.issued.map(\.description) == ["25TAA-0000005"] && after.alreadyIssued == 2)
        let receipts = try world.store.receipts()
        #expect(receipts.map(\.receipt.number.number) == [1, 2, 3, 4, 5], "gapless")
        #expect(receipts.map(\.status) == [.replaced, .cancelled, .issued, .issued, .issued])
        #expect(receipts[3].receipt.replaces == ReceiptNumber("25TAA-1") && receipts[0].replacedBy == ReceiptNumber("25TAA-4"))
        #expect(receipts[1].cancellation?.reason == "nhầm người nộp" && receipts[1].cancellation?.actor == "ke-toan")
        #expect(receipts[4].receipt.invoiceNumber == receipts[1].receipt.invoiceNumber)
        #expect(world.store.auditRecords.filter { $0.action.hasPrefix("receipt.") }.map(\.action)
                == ["receipt.issued", "receipt.issued", "receipt.issued", "receipt.cancelled", "receipt.issued", "receipt.replaced",
                    "receipt.issued"])
    }

    @Test("the numbering continues a series and starts a new one with the year")
    func numbering() throws {
        var numbering = ReceiptNumbering(existing: [ReceiptNumber("25TAA-1")!, ReceiptNumber("25TAA-2")!, ReceiptNumber("26TAA-7")!])
        #expect(try numbering.next(series: "25TAA").description == "25TAA-0000003")
        #expect(try numbering.next(series: "26TAA").description == "26TAA-0000008")
        #expect(try numbering.next(series: "26TAB").description == "26TAB-0000001")
        var full = ReceiptNumbering(existing: [ReceiptNumber(series: "26TAA", number: 99_999_999)])
        #expect(throws: ReceiptError.seriesFull("26TAA")) { try full.next(series: "26TAA") }
        #expect(ReceiptSeries.default.symbol(year: 2026) == "26TAA" && ReceiptSeries.default.symbol(year: 2105) == "05TAA")
        #expect(ReceiptNumber("26taa 0000042") == ReceiptNumber(series: "26TAA", number: 42))
        for bad in ["26TAA", "26TAF-1", "2TAA-1", "26TAA-0", "26TAA-100000000", "26XAA-1", "26TAA-1-2"] {
            #expect(ReceiptNumber(bad) == nil, "\(bad)")
        }
        #expect(ReceiptSeries(formSymbol: "EBL01", letters: "AF").problem != nil)
        #expect(ReceiptSeries(formSymbol: "", letters: "AA").problem != nil)
    }

    @Test("the signature fails for any changed byte of the canonical content")
    func everyByteIsSigned() throws {
        let world = try Self.paidWorld()
        _ = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Self.seed })
        let signed = try world.store.receipts()[0]
        let verifier = ReceiptVerifier(publicKey: try #require(try world.store.signingKey()).publicKey)
        let bytes = signed.receipt.canonicalBytes
        #expect(verifier.isValid(signature: signed.signature, over: bytes))
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            #expect(!verifier.isValid(signature: signed.signature, over: changed), "byte \(index)")
        }
        var truncated = bytes
        truncated.removeLast()
        #expect(!verifier.isValid(signature: signed.signature, over: truncated))
        // Every field is in the content: changing any one changes the bytes.
        let r = signed.receipt
        let variants: [Receipt] = [
            Receipt(number: r.number, formSymbol: r.formSymbol, replaces: r.replaces, schoolName: r.schoolName, schoolAddress: r.schoolAddress,
                    schoolTaxCode: r.schoolTaxCode, invoiceNumber: r.invoiceNumber, studentCode: r.studentCode, studentName: "Nguyễn Văn Ân",
                    className: r.className, period: r.period, payerName: r.payerName, lines: r.lines, total: r.total,
                    totalInWords: r.totalInWords, paidOn: r.paidOn, paymentReferences: r.paymentReferences, issuedOn: r.issuedOn, issuedAt: r.issuedAt),
            Receipt(number: r.number, formSymbol: r.formSymbol, replaces: r.replaces, schoolName: r.schoolName, schoolAddress: r.schoolAddress,
                    schoolTaxCode: r.schoolTaxCode, invoiceNumber: r.invoiceNumber, studentCode: r.studentCode, studentName: r.studentName,
                    className: r.className, period: r.period, payerName: r.payerName, lines: r.lines, total: Money(dong: r.total.dong + 1),
                    totalInWords: r.totalInWords, paidOn: r.paidOn, paymentReferences: r.paymentReferences, issuedOn: r.issuedOn, issuedAt: r.issuedAt),
        ]
        for variant in variants { #expect(!verifier.isValid(signature: signed.signature, over: variant.canonicalBytes)) }
        // Another key's signature of the same content is not the school's.
        let other = try #require(SigningKey(seed: Array(repeating: 9, count: 32), createdAt: r.issuedAt))
        #expect(!verifier.isValid(signature: other.sign(r), over: bytes))
    }

    @Test("the seal round-trips and verify catches a changed amount, a changed store and a foreign signature")
    func seal() throws {
        let world = try Self.paidWorld()
        _ = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Self.seed })
        let signed = try world.store.receipts()[1]
        let text = ReceiptSeal(signed).description
        #expect(text.hasPrefix("HPR1|25TAA|0000002|\(signed.receipt.invoiceNumber)|\(signed.receipt.total.dong)|2025-10-05|"))
        #expect(text.allSatisfy { $0.isASCII })
        let seal = try #require(ReceiptSeal(text))
        #expect(seal.signature == signed.signature && seal.number == signed.receipt.number)
        #expect(try world.ledger.verifyReceipt(seal: seal).isValid)

        let forged = try #require(ReceiptSeal(text.replacingOccurrences(of: "|\(signed.receipt.total.dong)|", with: "|\(signed.receipt.total.dong - 100_000)|")))
        let result = try world.ledger.verifyReceipt(seal: forged)
        #expect(!result.isValid && result.problems.contains { $0.hasPrefix("amount") })
        let other = try #require(SigningKey(seed: Array(repeating: 9, count: 32), createdAt: signed.receipt.issuedAt))
        let foreign = try #require(ReceiptSeal(ReceiptSeal(SignedReceipt(receipt: signed.receipt, signature: other.sign(signed.receipt))).description))
        #expect(try world.ledger.verifyReceipt(seal: foreign).problems == ["the presented signature is not the school's signature of this receipt"])
        let missing = try #require(ReceiptSeal(text.replacingOccurrences(of: "|0000002|", with: "|0000099|")))
        #expect(try world.ledger.verifyReceipt(seal: missing).stored == nil)
        let total = String(signed.receipt.total.dong)
        for bad in ["", "HPR1|25TAA|0000002", text.replacingOccurrences(of: "HPR1", with: "HPR2"), text + "x", text + "|extra",
                    text.replacingOccurrences(of: "25TAA", with: "25taa"), text.replacingOccurrences(of: "|0000002|", with: "|2|"),
                    text.replacingOccurrences(of: "|\(total)|", with: "|+\(total)|"),
                    text.replacingOccurrences(of: "|\(total)|", with: "|000\(total)|")] {
            #expect(ReceiptSeal(bad) == nil, "\(bad)")
        }
    }

    @Test("base64url round-trips every length")
    func base64url() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64URL.encode(bytes)
            #expect(text.count == (length * 4 + 2) / 3)
            #expect(Base64URL.decode(text) == bytes)
        }
        #expect(Base64URL.encode(Array("Man".utf8)) == "TWFu" && Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.decode("TWE") == Array("Ma".utf8) && Base64URL.decode("TWF") == nil && Base64URL.decode("T") == nil && Base64URL.decode("TW=") == nil)
    }

    @Test("a printed receipt shows what was signed, formatted for a Vietnamese reader")
    func document() throws {
        let world = try Self.paidWorld()
        _ = try world.ledger.updateSchoolProfile(address: "Thôn 3, xã Đắk Song, tỉnh Lâm Đồng", taxCode: "6400123456",
                                                 receiptForm: nil, receiptLetters: "HS")
        _ = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Self.seed })
        let document = try world.ledger.receiptDocument("25THS-1")
        #expect(document.title == "BIÊN LAI THU TIỀN" && document.seriesSymbol == "25THS" && document.number == "0000001")
        #expect(document.issuedOnText == "Ngày 05 tháng 10 năm 2025" && document.periodLabel == "Tháng 9/2025")
        #expect(document.schoolAddress == "Thôn 3, xã Đắk Song, tỉnh Lâm Đồng" && document.schoolTaxCode == "6400123456")
        #expect(document.paymentText == "Chuyển khoản, ngày 10/09/2025, mã giao dịch FT0")
        #expect(document.statusStamp == nil && document.verificationText.hasPrefix("HPR1|25THS|0000001|"))
        try world.ledger.cancelReceipt("25THS-1", reason: "test")
        #expect(try world.ledger.receiptDocument("25THS-1").statusStamp == "ĐÃ HUỶ")
        #expect(throws: LedgerError.invalidSetup(field: "--tax-code", reason: "\"64001\" is not a tax code (10 digits, or 10-3 for a branch)")) {
            try world.ledger.updateSchoolProfile(address: nil, taxCode: "64001", receiptForm: nil, receiptLetters: nil)
        }
    }

    @Test("ledger verify: a receipt altered and re-signed with the school's own key, a forged signature, a gap")
    func verifyCatchesTampering() throws {
        let world = try Self.paidWorld()
        _ = try world.ledger.issueReceipts(invoice: nil, newKeySeed: { Self.seed })
        #expect(try world.ledger.verify().isOK && world.ledger.verify().receipts == 3)
        let receipts = try world.store.receipts()
        let key = try #require(try world.store.signingKey())
        let r = receipts[0].receipt
        // Someone with the ledger file changes the payer and signs again with the key stored beside it.
        let forged = Receipt(number: r.number, formSymbol: r.formSymbol, replaces: r.replaces, schoolName: r.schoolName,
                             schoolAddress: r.schoolAddress, schoolTaxCode: r.schoolTaxCode, invoiceNumber: r.invoiceNumber,
                             studentCode: r.studentCode, studentName: r.studentName, className: r.className, period: r.period,
                             payerName: "Người Khác", lines: r.lines, total: r.total, totalInWords: r.totalInWords, paidOn: r.paidOn,
                             paymentReferences: r.paymentReferences, issuedOn: r.issuedOn, issuedAt: r.issuedAt)
        world.store.overwriteReceipts([SignedReceipt(receipt: forged, signature: key.sign(forged))] + receipts.dropFirst())
        #expect(try world.ledger.verify().problems == ["receipt \(r.number): its content differs from what the audit log recorded when it was issued (altered and re-signed)"])
        // Altered without a new signature.
        world.store.overwriteReceipts([SignedReceipt(receipt: forged, signature: receipts[0].signature)] + receipts.dropFirst())
        #expect(try world.ledger.verify().problems.contains("receipt \(r.number): its content does not match its signature (altered)"))
        // A receipt removed from the middle.
        world.store.overwriteReceipts([receipts[0], receipts[2]])
        #expect(try world.ledger.verify().problems == ["receipt \(receipts[2].receipt.number): expected number 2 in series 25TAA; numbers must run without gaps"])
        world.store.overwriteReceipts(receipts)
        #expect(try world.ledger.verify().isOK)
    }
}
