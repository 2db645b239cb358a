import CCairo
import Foundation
import LedgerCore
import VietQR

/// Payment slips (thông báo thu) on A4 portrait, three to a page, to be cut apart and handed to parents.
///
/// Each slip: on the left who it is for and what is owed (school, title and period, pupil, code and class, the
/// items, what was paid, what remains in bold); on the right how to pay (the VietQR code, the payment code in
/// large bold type to copy into a transfer description, the bank and account). A slip paid in full says
/// "ĐÃ NỘP ĐỦ" where the QR would be, so nobody pays twice.
///
/// The page is a title band and three equal slots with dashed cut lines between them. A slip with many items
/// takes two or three slots; a slip that would not fit on a page even alone is refused, never cut.
struct SlipsLayout {
    let slips: [PaymentSlip]
    /// The QR symbol of each slip's payload, `nil` for a slip with nothing left to pay.
    let symbols: [QRMatrix?]
    let title: String

    static let pageWidth = mm(210)
    static let pageHeight = mm(297)
    static let band = mm(10)
    static let slotsPerPage = 3
    static let slotHeight = (pageHeight - band - mm(4)) / Double(slotsPerPage)
    static let side = mm(10)
    static let padding = mm(6)
    /// 38 mm with the quiet zone: a VietQR up to version 10 (57 modules) keeps modules of 0.58 mm, over 3 pixels
    /// in a 150 dpi scan and well within what a phone camera resolves at reading distance.
    static let qrSide = mm(38)
    static let paymentColumn = mm(64)
    static let gutter = mm(8)

    private var contentWidth: Double { Self.pageWidth - 2 * Self.side - 2 * Self.padding }
    private var infoWidth: Double { contentWidth - Self.paymentColumn - Self.gutter }

    func render() throws(PDFError) -> [UInt8] {
        let canvas = try PDFCanvas(width: Self.pageWidth, height: Self.pageHeight)
        canvas.setMetadata(CAIRO_PDF_METADATA_TITLE, title)
        canvas.setMetadata(CAIRO_PDF_METADATA_SUBJECT, "Thông báo thu: \(slips.count) học sinh")
        canvas.setMetadata(CAIRO_PDF_METADATA_CREATOR, "HocPhi")

        // Measure every slip first: the page count goes in every page's band.
        var placements: [(page: Int, slot: Int, slots: Int, height: Double)] = []
        var page = 0, slot = 0
        for (index, slip) in slips.enumerated() {
            let height = draw(slip, symbols[index], top: 0, on: canvas, drawing: false)
            let slots = Int(((height + 2 * Self.padding) / Self.slotHeight).rounded(.up))
            guard slots <= Self.slotsPerPage else { throw .slipTooTall(invoiceNumber: slip.invoiceNumber, items: slip.items.count) }
            if slot + slots > Self.slotsPerPage {
                page += 1
                slot = 0
            }
            placements.append((page, slot, slots, height))
            slot += slots
        }
        let pages = max(page + 1, 1)

        var current = 0
        band(canvas, page: 1, of: pages)
        for (index, slip) in slips.enumerated() {
            let placement = placements[index]
            while current < placement.page {
                canvas.newPage()
                current += 1
                band(canvas, page: current + 1, of: pages)
            }
            let top = Self.band + Double(placement.slot) * Self.slotHeight
            let bottom = top + Double(placement.slots) * Self.slotHeight
            cutLine(canvas, at: top)
            cutLine(canvas, at: bottom)
            // Centred in its slots, so the margins either side of each cut are even and a crooked cut spares the text.
            draw(slip, symbols[index], top: top + (bottom - top - placement.height) / 2, on: canvas, drawing: true)
        }
        return try canvas.finish("the payment slips \"\(title)\"")
    }

    /// The title and "Trang 1/4" above the first slot: in the strip that is cut off and thrown away.
    private func band(_ canvas: PDFCanvas, page: Int, of pages: Int) {
        let font = Font.regular(8)
        let pageLabel = "Trang \(page)/\(pages)"
        let labelWidth = canvas.width(of: pageLabel, font)
        let top = mm(3.5)
        canvas.text(pageLabel, x: Self.pageWidth - Self.side, baseline: top + canvas.ascent(font), font, align: .right,
                    color: .gray(0.3))
        let width = Self.pageWidth - 2 * Self.side - labelWidth - mm(6)
        canvas.draw(canvas.layout([Run(title, font)], width: width), x: Self.side, top: top, width: width, color: .gray(0.3))
    }

    /// A dashed line across the page with scissors at the left: where to cut.
    private func cutLine(_ canvas: PDFCanvas, at y: Double) {
        canvas.line(from: (mm(9), y), to: (Self.pageWidth - mm(4), y), width: 0.5, color: .gray(0.45), dash: [4, 3])
        let font = Font.regular(9)
        canvas.fill(x: mm(3), y: y - 6, width: mm(6), height: 12, color: .white)
        canvas.text("✂", x: mm(4), baseline: y + 3.2, font, color: .gray(0.45))
    }

    /// Lays out one slip with its first line at `top`; draws it only when `drawing`. Returns the height used.
    @discardableResult
    private func draw(_ slip: PaymentSlip, _ symbol: QRMatrix?, top: Double, on canvas: PDFCanvas, drawing: Bool) -> Double {
        let left = Self.side + Self.padding
        func put(_ runs: [Run], x: Double, top: Double, width: Double, align: Alignment = .left) -> Double {
            let lines = canvas.layout(runs, width: width)
            if drawing { canvas.draw(lines, x: x, top: top, width: width, align: align) }
            return PDFCanvas.height(of: lines)
        }

        // Left: who and what.
        var y = top
        y += put([Run(slip.schoolName, .bold(9))], x: left, top: y, width: infoWidth)
        y += 2
        y += put([Run("THÔNG BÁO THU ", .bold(13)), Run(slip.periodLabel, .bold(13))], x: left, top: y, width: infoWidth)
        y += put([Run("Số: ", .regular(8)), Run(slip.invoiceNumber, .regular(8))], x: left, top: y, width: infoWidth)
        y += 4
        y += put([Run("Học sinh: ", .regular(9.5)), Run(slip.studentName, .bold(10.5))], x: left, top: y, width: infoWidth)
        y += put([Run("Mã HS: ", .regular(9)), Run(slip.studentCode, .bold(9)),
                  Run("    Lớp: ", .regular(9)), Run(slip.className, .bold(9))], x: left, top: y, width: infoWidth)
        y += 4
        let amountWidth = mm(28)
        func amountRow(_ name: String, _ amount: Money, _ font: Font) {
            let nameHeight = put([Run(name, font)], x: left, top: y, width: infoWidth - amountWidth - mm(2))
            let amountHeight = put([Run(amount.formatted, font)], x: left + infoWidth - amountWidth, top: y,
                                   width: amountWidth, align: .right)
            y += max(nameHeight, amountHeight) + 1
        }
        for item in slip.items { amountRow(item.name, item.amount, .regular(9)) }
        if drawing { canvas.line(from: (left, y + 1), to: (left + infoWidth, y + 1), width: 0.5, color: .gray(0.4)) }
        y += 3
        amountRow("Tổng cộng", slip.amountDue, .regular(9))
        amountRow("Đã nộp", slip.amountPaid, .regular(9))
        amountRow("Còn phải nộp", slip.amountRemaining, .bold(11))
        let infoHeight = y - top

        // Right: how to pay.
        let x = Self.pageWidth - Self.side - Self.padding - Self.paymentColumn
        let width = Self.paymentColumn
        y = top
        if let symbol {
            if drawing { canvas.qr(symbol, x: x + (width - Self.qrSide) / 2, y: y, side: Self.qrSide) }
            y += Self.qrSide
            y += put([Run("Quét mã bằng ứng dụng ngân hàng", .regular(7.5))], x: x, top: y, width: width, align: .center)
            y += 3
            y += put([Run(slip.paymentCode, .bold(20))], x: x, top: y, width: width, align: .center)
            y += put([Run("Ghi mã này vào nội dung chuyển khoản", .regular(7.5))], x: x, top: y, width: width, align: .center)
            y += 4
            y += put([Run("Ngân hàng: ", .regular(8.5)), Run(slip.bankName, .bold(8.5))], x: x, top: y, width: width)
            y += put([Run("Số tài khoản: ", .regular(8.5)), Run(slip.accountNumber, .bold(8.5))], x: x, top: y, width: width)
            y += put([Run("Chủ tài khoản: ", .regular(8.5)), Run(slip.accountName, .bold(8.5))], x: x, top: y, width: width)
        } else {
            let box = mm(22)
            let words = canvas.layout([Run("ĐÃ NỘP ĐỦ", .bold(18))], width: width - mm(4))
            let wordsHeight = PDFCanvas.height(of: words)
            if drawing {
                canvas.stroke(x: x, y: y + mm(4), width: width, height: box, lineWidth: 1.5)
                canvas.draw(words, x: x + mm(2), top: y + mm(4) + (box - wordsHeight) / 2, width: width - mm(4), align: .center)
            }
            y += box + mm(8)
            y += put([Run("Không cần nộp thêm.", .regular(8.5))], x: x, top: y, width: width, align: .center)
            y += put([Run("Mã thanh toán: ", .regular(8.5)), Run(slip.paymentCode, .bold(8.5))], x: x, top: y, width: width,
                     align: .center)
        }
        return max(infoHeight, y - top)
    }
}
