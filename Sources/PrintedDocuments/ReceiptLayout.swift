import CCairo
import Foundation
import LedgerCore
import VietQR

/// A receipt (biên lai thu tiền) on A5 portrait, laid out as Vietnamese receipts are: the school top left, the
/// form, series and number top right, the title centred, who paid for whom, the table of what was paid with its
/// total in figures and in words, then the verification QR bottom left and the collector's signature bottom right.
///
/// A receipt with so many lines that they pass the foot of the page continues on a second page with the table
/// heading repeated; the QR and signature close the last page. A status stamp ("ĐÃ HUỶ") crosses every page.
struct ReceiptLayout {
    let document: ReceiptDocument
    let symbol: QRMatrix

    static let pageWidth = mm(148)
    static let pageHeight = mm(210)
    static let margin = mm(12)
    /// About 3 cm with the quiet zone: the verification text (~140 bytes, version 8) keeps modules of 0.5 mm,
    /// which a phone reads off paper and a 150 dpi scan still resolves to 3 pixels.
    static let qrSide = mm(32)

    private let left = margin
    private let right = pageWidth - margin
    private var contentWidth: Double { right - left }
    private let bottom = pageHeight - margin

    private let label = Font.regular(9.5)
    private let value = Font.bold(9.5)

    init(document: ReceiptDocument, symbol: QRMatrix) {
        self.document = document
        self.symbol = symbol
    }

    func render() throws(PDFError) -> [UInt8] {
        let canvas = try PDFCanvas(width: Self.pageWidth, height: Self.pageHeight)
        let reference = "\(document.seriesSymbol)-\(document.number)"
        canvas.setMetadata(CAIRO_PDF_METADATA_TITLE, "\(document.title) \(reference)")
        canvas.setMetadata(CAIRO_PDF_METADATA_SUBJECT, "\(document.schoolName): \(document.studentName), \(document.className), "
            + "\(document.periodLabel), \(document.total.formatted)")
        canvas.setMetadata(CAIRO_PDF_METADATA_KEYWORDS, document.verificationText)
        canvas.setMetadata(CAIRO_PDF_METADATA_CREATOR, "HocPhi")

        var y = header(canvas)
        y = parties(canvas, top: y + mm(5))
        y = table(canvas, top: y + mm(4))
        y = amounts(canvas, top: y + mm(4))
        seal(canvas, below: y)
        stamp(canvas)
        return try canvas.finish("the receipt \(reference)")
    }

    /// School top left, form symbol, series and number top right, then the title and date centred.
    private func header(_ canvas: PDFCanvas) -> Double {
        let formWidth = mm(40)
        let schoolWidth = contentWidth - formWidth - mm(4)
        var schoolHeight = canvas.paragraph([Run(document.schoolName, .bold(9))], x: left, top: Self.margin, width: schoolWidth)
        if let address = document.schoolAddress, !address.isEmpty {
            schoolHeight += canvas.paragraph([Run(address, .regular(8))], x: left, top: Self.margin + schoolHeight,
                                             width: schoolWidth)
        }
        if let taxCode = document.schoolTaxCode, !taxCode.isEmpty {
            schoolHeight += canvas.paragraph([Run("Mã số thuế: ", .regular(8)), Run(taxCode, .bold(8))], x: left,
                                             top: Self.margin + schoolHeight, width: schoolWidth)
        }
        var formHeight = 0.0
        for (name, text, font) in [("Mẫu số: ", document.formSymbol, Font.bold(8.5)),
                                   ("Ký hiệu: ", document.seriesSymbol, Font.bold(8.5)),
                                   ("Số: ", document.number, Font.bold(10))] {
            formHeight += canvas.paragraph([Run(name, .regular(8.5)), Run(text, font)], x: right - formWidth,
                                           top: Self.margin + formHeight, width: formWidth, align: .right)
        }
        var y = Self.margin + max(schoolHeight, formHeight) + mm(6)
        y += canvas.paragraph([Run(document.title, .bold(15))], x: left, top: y, width: contentWidth, align: .center)
        y += 2
        y += canvas.paragraph([Run(document.issuedOnText, .regular(9))], x: left, top: y, width: contentWidth, align: .center)
        return y
    }

    /// Who paid, for which pupil, which period and which payment notice.
    private func parties(_ canvas: PDFCanvas, top: Double) -> Double {
        let rows: [[Run]] = [
            [Run("Họ tên người nộp tiền: ", label), Run(document.payerName, value)],
            [Run("Học sinh: ", label), Run(document.studentName, value),
             Run("    Mã HS: ", label), Run(document.studentCode, value),
             Run("    Lớp: ", label), Run(document.className, value)],
            [Run("Kỳ thu: ", label), Run(document.periodLabel, value)],
            [Run("Thông báo thu số: ", label), Run(document.invoiceNumber, value)],
        ]
        var y = top
        for row in rows {
            y += canvas.paragraph(row, x: left, top: y, width: contentWidth) + 1.5
        }
        return y
    }

    /// STT, Nội dung thu, Số tiền, and the total; a row that would pass the foot of the page starts a new page,
    /// which repeats the heading.
    private func table(_ canvas: PDFCanvas, top: Double) -> Double {
        let table = GridTable(canvas: canvas, x: left, widths: [mm(10), contentWidth - mm(10) - mm(30), mm(30)],
                              alignments: [.center, .left, .right])
        let heading = table.row(["STT", "Nội dung thu", "Số tiền (đồng)"], font: .bold(8.5))
        var y = top
        table.draw(heading, top: y, fill: .gray(0.88))
        y += heading.height
        for (index, line) in document.lines.enumerated() {
            let row = table.row([String(index + 1), line.name, Money.groupThousands(line.amount.dong)], font: .regular(9))
            if y + row.height > bottom {
                stamp(canvas)
                canvas.newPage()
                y = Self.margin
                table.draw(heading, top: y, fill: .gray(0.88))
                y += heading.height
            }
            table.draw(row, top: y)
            y += row.height
        }
        let total = table.row(["Tổng cộng", Money.groupThousands(document.total.dong)], font: .bold(9.5),
                              spans: [2, 1], alignments: [.left, .right])
        if y + total.height > bottom {
            stamp(canvas)
            canvas.newPage()
            y = Self.margin
        }
        table.draw(total, top: y, fill: .gray(0.94))
        return y + total.height
    }

    /// The total in words, how it was paid, and what it replaces.
    private func amounts(_ canvas: PDFCanvas, top: Double) -> Double {
        var paragraphs: [[Run]] = [[Run("Số tiền bằng chữ: ", label), Run(document.totalInWords, value)],
                                   [Run(document.paymentText, .regular(9))]]
        if let replaces = document.replacesText, !replaces.isEmpty {
            paragraphs.append([Run(replaces, .bold(9))])
        }
        var y = top
        for runs in paragraphs {
            let lines = canvas.layout(runs, width: contentWidth)
            let height = PDFCanvas.height(of: lines)
            if y + height > bottom {
                stamp(canvas)
                canvas.newPage()
                y = Self.margin
            }
            canvas.draw(lines, x: left, top: y, width: contentWidth)
            y += height + 2
        }
        return y
    }

    /// The verification QR bottom left (its dark modules aligned with the text margin, the quiet zone in the
    /// page margin) with what it is for and the signing key, and the collector's signature bottom right.
    private func seal(_ canvas: PDFCanvas, below top: Double) {
        let captionWidth = mm(58)
        let captions = canvas.layout([Run("Quét để kiểm tra biên lai\n", .regular(7.5)),
                                      Run("Khoá ký: \(document.keyFingerprint)", .regular(7.5))], width: captionWidth)
        let height = Self.qrSide + 2 + PDFCanvas.height(of: captions)
        var y = max(top + mm(6), bottom - height)
        if y + height > bottom {
            stamp(canvas)
            canvas.newPage()
            y = bottom - height
        }
        let unit = Self.qrSide / Double(symbol.size + 2 * PDFCanvas.quietZone)
        let zone = unit * Double(PDFCanvas.quietZone)
        canvas.qr(symbol, x: left - zone, y: y, side: Self.qrSide)
        canvas.draw(captions, x: left, top: y + Self.qrSide - zone + 3, width: captionWidth)

        let signatureWidth = mm(52)
        let x = right - signatureWidth
        var signatureY = y + zone
        signatureY += canvas.paragraph([Run("Người thu tiền", .bold(9.5))], x: x, top: signatureY, width: signatureWidth,
                                       align: .center)
        signatureY += canvas.paragraph([Run("(Ký điện tử)", .regular(8))], x: x, top: signatureY, width: signatureWidth,
                                       align: .center)
        canvas.paragraph([Run(document.schoolName, .bold(8.5))], x: x, top: signatureY + mm(12), width: signatureWidth,
                         align: .center)
    }

    /// "ĐÃ HUỶ" / "ĐÃ BỊ THAY THẾ" in large red letters in a frame, tilted across the middle of the page over the
    /// content, so a cancelled or replaced receipt cannot pass for a valid one even on a photocopy. It stays
    /// clear of the header and of the QR, which still has to scan (`receipts verify` then reports the status).
    private func stamp(_ canvas: PDFCanvas) {
        guard let text = document.statusStamp, !text.isEmpty else { return }
        let size = min(40, 0.72 * Self.pageWidth / max(canvas.width(of: text, .bold(1)), 1))
        let font = Font.bold(size)
        let textWidth = canvas.width(of: text, font)
        canvas.rotated(by: -28, around: (Self.pageWidth / 2, Self.pageHeight * 0.5)) {
            let padding = size * 0.3
            canvas.stroke(x: -textWidth / 2 - padding, y: -size * 0.6 - padding, width: textWidth + 2 * padding,
                          height: size * 1.2 + 2 * padding, lineWidth: 3, color: .stampRed)
            canvas.text(text, x: 0, baseline: size * 0.36, font, align: .center, color: .stampRed)
        }
    }
}
