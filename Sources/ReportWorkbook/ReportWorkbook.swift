import CXlsxWriter
import LedgerCore

/// One sheet of a workbook: the name on its tab and the report drawn on it.
public struct WorkbookSheet: Sendable, Hashable {
    /// Excel's rules apply: 1–31 characters, none of `[ ] : * ? / \`, no apostrophe at either end,
    /// unique in the workbook ignoring case. `ReportWorkbook.sheetName(from:)` makes one from any text.
    public var name: String
    public var table: ReportTable

    public init(name: String, table: ReportTable) {
        self.name = name
        self.table = table
    }
}

/// Report tables as XLSX workbooks (through libxlsxwriter), for the accountant who wants to sum, sort
/// and filter: money and counts are numbers, dates are Excel dates, text is UTF-8 with its diacritics.
///
/// Each sheet: the title (bold, larger) in row 1, the subtitle lines below it, a blank row, the bold
/// wrapped headings (frozen, with an autofilter over the data rows), the data rows, and the totals row in
/// bold under a rule. The totals are the numbers the core computed, written as plain numbers rather than
/// formulas, so every reader (including ones that never recalculate) shows the same figures as the PDF.
public enum ReportWorkbook {
    /// The workbook's author property.
    public static let author = "HocPhi"

    /// Writes `table` as a one-sheet workbook at `path`, replacing any file there.
    ///
    /// Nothing is written when an error is thrown: no file at `path` (an existing one is left as it was)
    /// and no temporary file beside it.
    public static func write(_ table: ReportTable, sheetName: String, to path: String) throws(WorkbookError) {
        try write([WorkbookSheet(name: sheetName, table: table)], to: path)
    }

    /// Writes several tables as the sheets of one workbook, in order; the first sheet's title becomes the
    /// workbook's title property.
    public static func write(_ sheets: [WorkbookSheet], to path: String) throws(WorkbookError) {
        guard let first = sheets.first else { throw .noSheets(path: path) }
        // Everything that can be refused is refused before a workbook exists.
        try SheetName.validate(sheets.map(\.name), path: path)
        let layouts = sheets.map { SheetLayout($0.table) }
        for (sheet, layout) in zip(sheets, layouts) {
            try NumberCheck.verify(sheet.table, layout: layout, sheet: sheet.name, path: path)
        }

        try WorkbookFile.save(to: path) { workbook throws(WorkbookError) in
            try DocumentProperties.set(on: workbook, title: first.table.title, subtitle: first.table.subtitle,
                                       path: path)
            let formats = try CellFormats(workbook: workbook, path: path)
            for (sheet, layout) in zip(sheets, layouts) {
                let worksheet = try addWorksheet(named: sheet.name, to: workbook, path: path)
                try SheetWriter(worksheet: worksheet, formats: formats, sheet: sheet.name, path: path)
                    .write(sheet.table, layout: layout)
            }
        }
    }

    /// A valid sheet name made from any text (a class name, a report title): forbidden characters become
    /// "-", and the result is cut to Excel's 31 characters.
    public static func sheetName(from text: String) -> String {
        SheetName.sanitized(text)
    }

    private static func addWorksheet(named name: String, to workbook: WorkbookFile.Workbook,
                                     path: String) throws(WorkbookError) -> UnsafeMutablePointer<lxw_worksheet> {
        let operation = "adding the sheet “\(name)”"
        // Names were checked already; libxlsxwriter's own check stays as a backstop with its own code.
        try LibXlsx.check(name.withCString { workbook_validate_sheet_name(workbook, $0) }, operation, path: path)
        // The name is copied by libxlsxwriter.
        guard let worksheet = name.withCString({ workbook_add_worksheet(workbook, $0) }) else {
            throw LibXlsx.error(LXW_ERROR_MEMORY_MALLOC_FAILED, operation, path: path)
        }
        return worksheet
    }
}
