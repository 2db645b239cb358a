import CXlsxWriter
import Foundation
import LedgerCore

/// Draws one `ReportTable` on one worksheet: title, subtitle lines, a spacer row, the bold wrapped
/// headings (frozen, with an autofilter over the data), the data rows, and the bold totals row.
///
/// Numbers go in as numbers (`worksheet_write_number`) and dates as Excel dates, so a reader can sum,
/// sort and filter them; only their display is styled (see `CellFormats`).
struct SheetWriter {
    /// A sheet wider than this (in character units) is printed landscape: about what fits across A4 portrait.
    static let portraitWidth = 95.0
    /// Excel's paper code for A4, what Vietnamese schools print on.
    static let paperA4: UInt8 = 9
    /// The title's row height in points, so the larger font is not clipped by readers that do not fit rows.
    static let titleRowHeight = 21.0

    let worksheet: UnsafeMutablePointer<lxw_worksheet>
    let formats: CellFormats
    let sheet: String
    let path: String

    func write(_ table: ReportTable, layout: SheetLayout) throws(WorkbookError) {
        try writeString(table.title, row: SheetLayout.titleRow, column: 0, format: formats.title)
        try LibXlsx.check(worksheet_set_row(worksheet, SheetLayout.row(SheetLayout.titleRow), Self.titleRowHeight, nil),
                          "setting the title row height of sheet “\(sheet)”", path: path)
        for (index, line) in table.subtitle.enumerated() {
            try writeString(line, row: SheetLayout.firstSubtitleRow + index, column: 0, format: formats.subtitle)
        }

        for column in 0..<layout.columnCount {
            let heading = column < table.columns.count ? table.columns[column].heading : ""
            try writeString(heading, row: layout.headerRow, column: column, format: formats.header)
        }

        for (index, cells) in table.rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                try write(cell, row: layout.dataRow(index), column: column, format: formats.body(cell))
            }
        }

        if let totals = table.totals, let totalsRow = layout.totalsRow {
            for column in 0..<layout.columnCount {
                let cell = column < totals.count ? totals[column] : .empty
                try write(cell, row: totalsRow, column: column, format: formats.totals(cell))
            }
        }

        let widths = ColumnWidths.widths(for: table, columnCount: layout.columnCount)
        for (column, width) in widths.enumerated() {
            let index = SheetLayout.column(column)
            try LibXlsx.check(worksheet_set_column(worksheet, index, index, width, nil),
                              "setting the width of column \(column + 1) of sheet “\(sheet)”", path: path)
        }

        try arrange(layout, totalWidth: widths.reduce(0, +))
    }

    /// Freeze pane, autofilter and print setup.
    private func arrange(_ layout: SheetLayout, totalWidth: Double) throws(WorkbookError) {
        let header = SheetLayout.row(layout.headerRow)
        // Everything above the first data row stays in view while scrolling.
        worksheet_freeze_panes(worksheet, SheetLayout.row(layout.firstDataRow), 0)
        // Over the headings and data only: filtering or sorting must never move the totals row.
        try LibXlsx.check(
            worksheet_autofilter(worksheet, header, 0, SheetLayout.row(layout.lastDataRow),
                                 SheetLayout.column(layout.columnCount - 1)),
            "adding the autofilter of sheet “\(sheet)”", path: path)
        try LibXlsx.check(worksheet_repeat_rows(worksheet, header, header),
                          "repeating the headings on printed pages of sheet “\(sheet)”", path: path)
        worksheet_set_paper(worksheet, Self.paperA4)
        if totalWidth > Self.portraitWidth { worksheet_set_landscape(worksheet) }
        // One page wide, as many pages tall as needed.
        worksheet_fit_to_pages(worksheet, 1, 0)
    }

    private func write(_ cell: ReportCell, row: Int, column: Int,
                       format: CellFormats.Format?) throws(WorkbookError) {
        let rowIndex = SheetLayout.row(row)
        let columnIndex = SheetLayout.column(column)
        let result: lxw_error
        switch cell {
        case .text(let text):
            try writeString(text, row: row, column: column, format: format)
            return
        case .money, .count:
            // Non-nil for these two cases; checked against 2^53 (already once, before the workbook existed).
            let number = try NumberCheck.number(cell, row: row, column: column, sheet: sheet, path: path) ?? 0
            result = worksheet_write_number(worksheet, rowIndex, columnIndex, number, format)
        case .date(let date):
            var datetime = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day),
                                        hour: 0, min: 0, sec: 0)
            result = worksheet_write_datetime(worksheet, rowIndex, columnIndex, &datetime, format)
        case .empty:
            // A styled blank keeps the totals rule continuous; an unstyled one is simply not written.
            result = format.map { worksheet_write_blank(worksheet, rowIndex, columnIndex, $0) } ?? LXW_NO_ERROR
        }
        try LibXlsx.check(result, operation(row: row, column: column), path: path)
    }

    /// Text as NFC: decomposed diacritics (as some inputs carry them) would look the same but defeat
    /// Excel's search and filter, which compare code points.
    private func writeString(_ text: String, row: Int, column: Int,
                             format: CellFormats.Format?) throws(WorkbookError) {
        let composed = text.precomposedStringWithCanonicalMapping
        // libxlsxwriter copies the string into its shared-string table before returning.
        let result = composed.withCString {
            worksheet_write_string(worksheet, SheetLayout.row(row), SheetLayout.column(column), $0, format)
        }
        try LibXlsx.check(result, operation(row: row, column: column), path: path)
    }

    private func operation(row: Int, column: Int) -> String {
        "writing cell \(SheetLayout.cellName(row: row, column: column)) of sheet “\(sheet)”"
    }
}
