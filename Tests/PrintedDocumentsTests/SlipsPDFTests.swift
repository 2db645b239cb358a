import Foundation
import LedgerCore
import PrintedDocuments
import QRImage
import Testing

/// Slips read back as a parent meets them: printed, scanned at an ordinary 150 dpi, every QR read by a real
/// decoder, every payment code and name legible to pdftotext.
@Suite("Payment slips PDF")
struct SlipsPDFTests {
    @Test("every VietQR scans back from a 150 dpi rendering; every code and name is in the text")
    func readsBack() throws {
        let unpaid = try slips()
        let all = unpaid + [try paidSlip()]
        let bytes = try renderer.slips(all, title: "Thông báo thu lớp 3A – Tháng 9/2025")
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        try inTemporaryFolder { folder in
            let pdf = try write(bytes, "slips.pdf", in: folder)
            let info = try pdfInfo(pdf)
            let size = try pageSize(info)
            #expect(abs(size.width - 210 * 72 / 25.4) < 0.01 && abs(size.height - 297 * 72 / 25.4) < 0.01, "page size \(size)")
            let pageCount = Int(info["Pages"] ?? "") ?? 0
            #expect((2...6).contains(pageCount), "\(all.count) slips on \(pageCount) pages")

            let pages = try rasterise(pdf, dpi: 150, into: folder)
            #expect(pages.count == pageCount)
            var decoded: [String] = []
            for page in pages { decoded += try qrCodes(in: page) }
            #expect(decoded.count == unpaid.count, "zbar read \(decoded.count) codes")
            #expect(Set(decoded) == Set(unpaid.map(\.vietQRPayload)))

            let text = normalised(try pdfText(pdf))
            for slip in all {
                #expect(text.contains(slip.paymentCode), "no payment code \(slip.paymentCode)")
                #expect(text.contains(slip.studentName), "no pupil \(slip.studentName)")
                #expect(text.contains(slip.amountRemaining.formatted), "no amount \(slip.amountRemaining.formatted)")
            }
            for expected in ["THÔNG BÁO THU Tháng 9/2025", "Còn phải nộp", "Đã nộp", "Ghi mã này vào nội dung chuyển khoản",
                             "Số tài khoản: 63510000868686", "Chủ tài khoản: TRUONG TIEU HOC KIM DONG", "BIDV – CN Đắk Nông",
                             "ĐÃ NỘP ĐỦ",
                             "Trang 1/\(pageCount)"] {
                #expect(text.contains(normalised(expected)), "pdftotext lacks \"\(expected)\"")
            }
            // A long item wraps; its amount stands on its first line, so the reader meets it inside the name.
            #expect(text.replacingOccurrences(of: " 150.000 đ", with: "")
                .contains("Quỹ hoạt động lớp, tham quan học tập trải nghiệm ngoài nhà trường học kỳ I"))
        }
    }

    @Test("a slip paid in full says ĐÃ NỘP ĐỦ and prints no QR code")
    func paidInFull() throws {
        let slip = try paidSlip()
        let neverAsked = PDFRenderer(qrSymbol: { payload in
            Issue.record("the encoder was asked for \(payload)")
            return try QRImage.matrix(for: payload)
        })
        let bytes = try neverAsked.slips([slip], title: "Thông báo thu")
        try inTemporaryFolder { folder in
            let pdf = try write(bytes, "paid.pdf", in: folder)
            let text = normalised(try pdfText(pdf))
            #expect(text.contains("ĐÃ NỘP ĐỦ"))
            #expect(text.contains(slip.studentName))
            #expect(!text.contains("Ghi mã này vào nội dung chuyển khoản"))
            #expect(try rasterise(pdf, dpi: 150, into: folder).flatMap(qrCodes).isEmpty)
        }
    }

    @Test("an encoder failure names the invoice and its payment code")
    func encoderFailure() throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "payload too long" } }
        let failing = PDFRenderer(qrSymbol: { _ in throw Refused() })
        let slip = try slips()[0]
        #expect(throws: PDFError.qrEncoding(document: "thông báo thu \(slip.invoiceNumber) (\(slip.paymentCode))",
                                            reason: "payload too long")) {
            try failing.slips([slip], title: "Thông báo thu")
        }
    }

    @Test("a slip with many items takes more than one slot and still scans; one too long for a page is refused")
    func manyItems() throws {
        var long = try slips()[3]
        long.items = (1...24).map { PaymentSlip.Item(name: "Khoản thu \($0)", amount: Money(dong: 10_000)) }
        let bytes = try renderer.slips([long] + Array(try slips().prefix(3)), title: "Thông báo thu")
        try inTemporaryFolder { folder in
            let pdf = try write(bytes, "long.pdf", in: folder)
            #expect(try pdfInfo(pdf)["Pages"] == "2")
            let text = normalised(try pdfText(pdf))
            #expect(text.contains("Khoản thu 1 10.000 đ") && text.contains("Khoản thu 24 10.000 đ"))
            let decoded = try rasterise(pdf, dpi: 150, into: folder).flatMap(qrCodes)
            #expect(decoded.sorted() == ([long] + Array(try slips().prefix(3))).map(\.vietQRPayload).sorted())
        }
        long.items = (1...200).map { PaymentSlip.Item(name: "Khoản thu \($0)", amount: Money(dong: 1_000)) }
        #expect(throws: PDFError.slipTooTall(invoiceNumber: long.invoiceNumber, items: 200)) {
            try renderer.slips([long], title: "Thông báo thu")
        }
    }

    @Test("no slips make one blank page, not a broken file")
    func empty() throws {
        let bytes = try renderer.slips([], title: "Thông báo thu")
        try inTemporaryFolder { folder in
            let pdf = try write(bytes, "empty.pdf", in: folder)
            #expect(try pdfInfo(pdf)["Pages"] == "1")
        }
    }
}
