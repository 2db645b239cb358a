import CXlsxWriter
import LedgerCore

/// The cell styles of a report workbook, created once per workbook and shared by its sheets.
///
/// Number formats (the values stay numbers; only their display is styled):
/// - money: `#,##0`. The grouping separator in a format code is a placeholder for the reader's locale, so
///   a Vietnamese Excel or LibreOffice shows `1.250.000` and an English one `1,250,000`; the đồng sign is
///   left out because every money heading already says what the column is, and a sign in each cell only
///   widens it. The value in the file is the exact number of đồng.
/// - count: `0`, a plain whole number.
/// - date: `dd/mm/yyyy`, the Vietnamese order, fixed (not the locale's short date), because a report read
///   on an English-locale computer must still not show 10/31/2025.
struct CellFormats {
    typealias Format = UnsafeMutablePointer<lxw_format>

    static let moneyFormat = "#,##0"
    static let countFormat = "0"
    static let dateFormat = "dd/mm/yyyy"
    static let titleFontSize = 14.0

    let title: Format
    let subtitle: Format
    let header: Format
    /// Plain text needs no style: libxlsxwriter's default (NULL) format.
    let text: Format? = nil
    let money: Format
    let count: Format
    let date: Format
    let totalText: Format
    let totalMoney: Format
    let totalCount: Format
    let totalDate: Format

    init(workbook: UnsafeMutablePointer<lxw_workbook>, path: String) throws(WorkbookError) {
        func make(_ configure: (Format) -> Void) throws(WorkbookError) -> Format {
            // workbook_add_format returns NULL only when memory runs out.
            guard let format = workbook_add_format(workbook) else {
                throw LibXlsx.error(LXW_ERROR_MEMORY_MALLOC_FAILED, "creating a cell format", path: path)
            }
            configure(format)
            return format
        }
        func numberFormat(_ format: Format, _ code: String) {
            // Copied into the format (a fixed buffer), so the C string need only live for the call.
            code.withCString { format_set_num_format(format, $0) }
        }
        func totals(_ format: Format) {
            format_set_bold(format)
            format_set_top(format, LibXlsx.byte(LXW_BORDER_THIN))
        }

        title = try make { format in
            format_set_bold(format)
            format_set_font_size(format, Self.titleFontSize)
        }
        subtitle = try make { format in format_set_italic(format) }
        header = try make { format in
            format_set_bold(format)
            format_set_text_wrap(format)
            format_set_align(format, LibXlsx.byte(LXW_ALIGN_CENTER))
            format_set_align(format, LibXlsx.byte(LXW_ALIGN_VERTICAL_CENTER))
            format_set_border(format, LibXlsx.byte(LXW_BORDER_THIN))
            format_set_bg_color(format, 0xD9D9D9)
        }
        money = try make { format in numberFormat(format, Self.moneyFormat) }
        count = try make { format in numberFormat(format, Self.countFormat) }
        date = try make { format in numberFormat(format, Self.dateFormat) }
        totalText = try make { format in totals(format) }
        totalMoney = try make { format in totals(format); numberFormat(format, Self.moneyFormat) }
        totalCount = try make { format in totals(format); numberFormat(format, Self.countFormat) }
        totalDate = try make { format in totals(format); numberFormat(format, Self.dateFormat) }
    }

    /// The style of a body cell: by what the cell holds, not the column's declared kind, so a text note in
    /// a money column is still shown as text.
    func body(_ cell: ReportCell) -> Format? {
        switch cell {
        case .text, .empty: text
        case .money: money
        case .count: count
        case .date: date
        }
    }

    /// The style of a totals cell: bold with a rule above, empty cells included so the rule spans the row.
    func totals(_ cell: ReportCell) -> Format {
        switch cell {
        case .text, .empty: totalText
        case .money: totalMoney
        case .count: totalCount
        case .date: totalDate
        }
    }
}
