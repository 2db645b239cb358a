import Foundation
import LedgerCore
import VietQR

/// Draws the core's printed documents as PDF: receipts (A5), payment slips (A4, three to a page) and report
/// tables (A4 landscape). The view models carry every word already formatted; this adds only layout.
///
/// QR symbols come from an injected encoder rather than from the QR adapter, so this adapter depends on no
/// other: the command line passes `QRImage.matrix(for:)`, tests may pass anything that makes a `QRMatrix`.
public struct PDFRenderer: Sendable {
    /// Makes the QR symbol for a payload (the command line passes `QRImage.matrix(for:)`).
    public typealias QRSymbol = @Sendable (String) throws -> QRMatrix

    let qrSymbol: QRSymbol

    public init(qrSymbol: @escaping QRSymbol) {
        self.qrSymbol = qrSymbol
    }

    /// One receipt on an A5 portrait page (148 × 210 mm), its verification text in the PDF's keywords.
    public func receipt(_ document: ReceiptDocument) throws(PDFError) -> [UInt8] {
        let name = "biên lai \(document.seriesSymbol)-\(document.number)"
        let symbol = try symbol(for: document.verificationText, document: name)
        return try ReceiptLayout(document: document, symbol: symbol).render()
    }

    /// Payment slips, three to an A4 portrait page with cut lines between them; a slip with many items takes
    /// two or three slots, and pages follow as needed.
    public func slips(_ slips: [PaymentSlip], title: String) throws(PDFError) -> [UInt8] {
        var symbols: [QRMatrix?] = []
        for slip in slips {
            guard slip.amountRemaining.isPositive else {
                symbols.append(nil)  // paid in full: the slip says so and shows no QR to pay again
                continue
            }
            symbols.append(try symbol(for: slip.vietQRPayload,
                                      document: "thông báo thu \(slip.invoiceNumber) (\(slip.paymentCode))"))
        }
        return try SlipsLayout(slips: slips, symbols: symbols, title: title).render()
    }

    /// A report table on A4 landscape pages: header row repeated on every page, money right-aligned, totals
    /// emphasised, "Trang 1/3" at the foot of each page.
    public func report(_ table: ReportTable) throws(PDFError) -> [UInt8] {
        try ReportLayout(table: table).render()
    }

    /// The receipt verification text a PDF from ``receipt(_:)`` carries in its keywords, or `nil` when the file
    /// has none. Reads the uncompressed Info dictionary, so `receipts verify` needs no rasteriser.
    public static func verificationText(inPDF bytes: some Collection<UInt8>) -> String? {
        PDFInfoReader(Array(bytes)).string(for: "Keywords")
    }

    private func symbol(for payload: String, document: String) throws(PDFError) -> QRMatrix {
        do {
            return try qrSymbol(payload)
        } catch {
            throw .qrEncoding(document: document, reason: String(describing: error))
        }
    }
}
