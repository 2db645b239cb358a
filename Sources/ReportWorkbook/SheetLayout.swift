import CXlsxWriter
import LedgerCore

/// Where each part of a report goes on its sheet, computed once so that the number check (which must
/// name cells before anything is written) and the writer agree on every position.
///
/// Rows and columns are 0-based, as libxlsxwriter counts; `cellName` gives what a person sees ("C7").
struct SheetLayout {
    static let titleRow = 0
    static let firstSubtitleRow = 1

    /// The bold headings: after the subtitle lines and one blank spacer row.
    let headerRow: Int
    let firstDataRow: Int
    /// The last data row, or the header row when there are no data rows (the autofilter's last row).
    let lastDataRow: Int
    let totalsRow: Int?
    /// The declared columns, widened if some row carries more cells (so nothing is silently dropped).
    let columnCount: Int

    init(_ table: ReportTable) {
        headerRow = Self.firstSubtitleRow + table.subtitle.count + 1
        firstDataRow = headerRow + 1
        lastDataRow = headerRow + table.rows.count
        totalsRow = table.totals == nil ? nil : lastDataRow + 1
        let widest = max(table.rows.map(\.count).max() ?? 0, table.totals?.count ?? 0)
        columnCount = max(table.columns.count, widest, 1)
    }

    func dataRow(_ index: Int) -> Int { firstDataRow + index }

    /// Excel's name of a cell: column letters then the 1-based row ("A1", "AB12").
    static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var remaining = column + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
            remaining = (remaining - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }

    /// A row index for libxlsxwriter; a value past its range stays past it (clamped, never trapping), so
    /// libxlsxwriter reports "index out of range" instead of the program crashing.
    static func row(_ index: Int) -> lxw_row_t { lxw_row_t(clamping: index) }
    static func column(_ index: Int) -> lxw_col_t { lxw_col_t(clamping: index) }
}
