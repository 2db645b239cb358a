import Foundation
import LedgerCore
import PrintedDocuments
import Testing

/// Receipts read back as a parent's PDF reader and phone read them: the text with its diacritics, the A5 page,
/// the verification text in the metadata and in the QR.
@Suite("Receipt PDF")
struct ReceiptPDFTests {
    @Test("pdftotext reads every field; the page is A5; the QR and the metadata give back the verification text",
          arguments: [("Nguyễn Thị Ánh Tuyết", "Trần Văn Bình"), ("H'Hen Niê", "Y Blứ Niê"), ("Y Sơn Êban", "H'Loan Êban")])
    func readsBack(student: String, payer: String) throws {
        let document = receipt(student: student, payer: payer)
        let bytes = try renderer.receipt(document)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        #expect(PDFRenderer.verificationText(inPDF: bytes) == document.verificationText)

        try inTemporaryFolder { folder in
            let pdf = try write(bytes, "receipt.pdf", in: folder)
            let info = try pdfInfo(pdf)
            #expect(info["Pages"] == "1")
            // A5 is 148 × 210 mm = 419.53 × 595.28 pt.
            let size = try pageSize(info)
            #expect(abs(size.width - 148 * 72 / 25.4) < 0.01 && abs(size.height - 210 * 72 / 25.4) < 0.01,
                    "page size \(size)")
            #expect(info["Keywords"] == document.verificationText)
            #expect(info["Creator"] == "HocPhi")
            // The glyphs come from DejaVu Sans (every Vietnamese letter), embedded, not from whatever fontconfig falls back to.
            let fonts = try run("pdffonts", package: "poppler-utils", [pdf.path])
            #expect(fonts.contains("DejaVuSans-Bold") && fonts.contains("DejaVuSans "), "fonts: \(fonts)")

            let text = normalised(try pdfText(pdf))
            for expected in [student, payer, document.totalInWords, "1.334.520", "Mẫu số: EBL01", "Ký hiệu: 26TAA",
                             "Số: 0000001", "BIÊN LAI THU TIỀN", "Ngày 05 tháng 10 năm 2025", "Mã HS: HS00123", "Lớp: 3A",
                             "Tháng 9/2025", "HD2025090001", "Tổng cộng", "Số tiền bằng chữ:", "Học phí học kỳ I",
                             "Bảo hiểm y tế (3 tháng)", "88.520", "Chuyển khoản, ngày 03/10/2025", "Người thu tiền",
                             "(Ký điện tử)", "Quét để kiểm tra biên lai", "3F2A 9C01 B2D4 77E0", "Mã số thuế: 6400123456",
                             "Thôn 4, xã Nâm N'Jang"] {
                #expect(text.contains(normalised(expected)), "pdftotext lacks \"\(expected)\"")
            }
            #expect(!text.contains("ĐÃ HUỶ"))

            let pages = try rasterise(pdf, dpi: 150, into: folder)
            #expect(pages.count == 1)
            #expect(try pages.flatMap(qrCodes) == [document.verificationText])
        }
    }

    @Test("long text wraps instead of running off the page: every word is still there")
    func wraps() throws {
        let words = "Chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng chẵn, "
            + "viết bằng chữ đầy đủ theo quy định về chứng từ kế toán của trường"
        let document = receipt(student: "Công Tôn Nữ Thị Phương Thảo Nguyên Khánh Linh", payer: "Trần Văn Bình",
                               lines: [("Tiền ăn bán trú, nước uống, vệ sinh, điện nước và các khoản thu hộ khác theo "
                                        + "thoả thuận với ban đại diện cha mẹ học sinh học kỳ I năm học 2025-2026", 99_999_999)],
                               words: words)
        let bytes = try renderer.receipt(document)
        try inTemporaryFolder { folder in
            let pdf = try write(bytes, "receipt.pdf", in: folder)
            let text = normalised(try pdfText(pdf))
            #expect(text.contains(normalised(words)))
            // The amount stands on the first line of its row, so the reader meets it inside the wrapped name.
            #expect(text.contains("1 Tiền ăn bán trú, nước uống,"))
            #expect(text.replacingOccurrences(of: " 99.999.999", with: "").contains(normalised(document.lines[0].name)))
            #expect(text.contains("Tổng cộng 99.999.999"))
            #expect(text.contains(document.studentName))
        }
    }

    @Test("a receipt with many lines continues on a second page with the table heading; one QR closes it")
    func manyLines() throws {
        let lines = (1...32).map { ("Khoản thu số \($0) theo thông báo", Int64($0) * 10_000) }
        let document = receipt(student: "H'Hen Niê", payer: "Y Blứ Niê", lines: lines, words: "Năm triệu hai trăm tám mươi nghìn đồng")
        try inTemporaryFolder { folder in
            let pdf = try write(try renderer.receipt(document), "long.pdf", in: folder)
            #expect(try pdfInfo(pdf)["Pages"] == "2")
            let second = normalised(try pdfText(pdf, pages: 2...2))
            #expect(second.contains("STT Nội dung thu Số tiền (đồng)"))
            #expect(second.contains("Tổng cộng 5.280.000"))
            let text = normalised(try pdfText(pdf))
            for (name, amount) in lines { #expect(text.contains("\(name) \(Money.groupThousands(amount))")) }
            #expect(try rasterise(pdf, dpi: 150, into: folder).flatMap(qrCodes) == [document.verificationText])
        }
    }

    /// The stamp is tilted, and pdftotext only follows text at right angles, so it is found by its red ink.
    @Test("a cancelled receipt carries its red stamp, and its QR still scans")
    func stamped() throws {
        let document = receipt(student: "Y Sơn Êban", payer: "H'Loan Êban", number: "0000004", stamp: "ĐÃ HUỶ")
        let valid = receipt(student: "Y Sơn Êban", payer: "H'Loan Êban", number: "0000004")
        try inTemporaryFolder { folder in
            let pdf = try write(try renderer.receipt(document), "cancelled.pdf", in: folder)
            #expect(normalised(try pdfText(pdf)).contains("Thay thế biên lai số 26TAA-0000003"))
            let red = try redPixels(pdf, in: folder)
            #expect(red > 500, "only \(red) red pixels at 50 dpi")
            #expect(try redPixels(try write(try renderer.receipt(valid), "valid.pdf", in: folder), in: folder) == 0)
            #expect(try rasterise(pdf, dpi: 150, into: folder).flatMap(qrCodes) == [document.verificationText])
        }
    }

    @Test("the verification text comes back from the metadata whatever characters it holds")
    func metadataEscapes() throws {
        for text in ["HPR1|26TAA|0000001|x", #"a(b)c\d ((nested)) \\ end"#, "Tiếng Việt có dấu ĐÂY", "tab\tand)("] {
            var document = receipt(student: "Y Sơn Êban", payer: "H'Loan Êban")
            document.verificationText = text
            #expect(PDFRenderer.verificationText(inPDF: try renderer.receipt(document)) == text)
        }
        #expect(PDFRenderer.verificationText(inPDF: Array("%PDF-1.5 no info here".utf8)) == nil)
        #expect(PDFRenderer.verificationText(inPDF: [UInt8]()) == nil)
    }

    @Test("an encoder failure names the receipt")
    func encoderFailure() throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "too long" } }
        let failing = PDFRenderer(qrSymbol: { _ in throw Refused() })
        #expect(throws: PDFError.qrEncoding(document: "biên lai 26TAA-0000001", reason: "too long")) {
            try failing.receipt(receipt(student: "Y Sơn Êban", payer: "H'Loan Êban"))
        }
    }
}
