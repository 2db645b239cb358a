/// Why a PDF could not be made. Each message names the document and says what went wrong, so a school
/// printing a class's slips learns which invoice to look at rather than "rendering failed".
public enum PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    /// cairo reported a failure; `status` is cairo's own message, `during` what was being made.
    case cairo(status: String, during: String)
    /// The injected encoder could not make the QR symbol for a document: `document` names it
    /// ("biên lai 26TAA-0000001", "thông báo thu TB2509-000123 (HP3K7QX2)"), `reason` is the encoder's message.
    case qrEncoding(document: String, reason: String)
    /// One slip holds more than fits on a page on its own (hundreds of items): it would have to be cut.
    case slipTooTall(invoiceNumber: String, items: Int)
    /// A report row (or its totals) has another number of cells than the table has columns.
    case rowWidth(row: String, cells: Int, columns: Int)
    /// A report without columns has nothing to draw.
    case noColumns(title: String)

    public var description: String {
        switch self {
        case .cairo(let status, let during):
            return "cairo failed while \(during): \(status)"
        case .qrEncoding(let document, let reason):
            return "could not make the QR code for \(document): \(reason)"
        case .slipTooTall(let invoiceNumber, let items):
            return "the payment slip for invoice \(invoiceNumber) has \(items) items and does not fit on one A4 page; "
                + "split the invoice or print its items as a report"
        case .rowWidth(let row, let cells, let columns):
            return "report \(row) has \(cells) cells but the table has \(columns) columns"
        case .noColumns(let title):
            return "the report \"\(title)\" has no columns; there is nothing to print"
        }
    }
}
