import LedgerCore

/// Checks every whole number of a table before a workbook is even created, so a refused amount leaves no
/// file at all, and names the cell it would have gone to.
enum NumberCheck {
    static func verify(_ table: ReportTable, layout: SheetLayout, sheet: String, path: String) throws(WorkbookError) {
        for (index, row) in table.rows.enumerated() {
            try verify(row, row: layout.dataRow(index), sheet: sheet, path: path)
        }
        if let totals = table.totals, let totalsRow = layout.totalsRow {
            try verify(totals, row: totalsRow, sheet: sheet, path: path)
        }
    }

    /// The cell's number as an exact double, `nil` for cells that hold no number; throws past 2^53.
    static func number(_ cell: ReportCell, row: Int, column: Int, sheet: String,
                       path: String) throws(WorkbookError) -> Double? {
        let value: Int64
        switch cell {
        case .money(let money): value = money.dong
        case .count(let count): value = count
        case .text, .date, .empty: return nil
        }
        guard let exact = ExactNumber.double(value) else {
            throw .numberNotExact(value: value, sheet: sheet, cell: SheetLayout.cellName(row: row, column: column),
                                  path: path)
        }
        return exact
    }

    private static func verify(_ cells: [ReportCell], row: Int, sheet: String, path: String) throws(WorkbookError) {
        for (column, cell) in cells.enumerated() {
            _ = try number(cell, row: row, column: column, sheet: sheet, path: path)
        }
    }
}
