/// Why a workbook was not written. Every case names the file the caller asked for (never the temporary
/// file beside it), so a message shown to a person points at the file they know about.
public enum WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libxlsxwriter returned an error code; `message` is its own text (`lxw_strerror`) and `operation`
    /// says what was being done (e.g. "writing cell C7 of sheet “Thu theo lớp”", "saving the workbook").
    case library(code: Int, message: String, operation: String, path: String)
    /// The sheet name cannot be used by Excel (empty, too long, a forbidden character, a duplicate).
    case invalidSheetName(name: String, reason: String, path: String)
    /// A number beyond 2^53 cannot be stored exactly in a spreadsheet cell (an IEEE double); writing it
    /// would silently change the amount, so the whole workbook is refused instead.
    case numberNotExact(value: Int64, sheet: String, cell: String, path: String)
    /// A workbook needs at least one sheet.
    case noSheets(path: String)
    /// The finished file could not be moved into place (`rename` failed); nothing was left behind.
    case fileSystem(operation: String, message: String, path: String)

    /// The file the caller asked for.
    public var path: String {
        switch self {
        case .library(_, _, _, let path), .invalidSheetName(_, _, let path), .numberNotExact(_, _, _, let path),
             .noSheets(let path), .fileSystem(_, _, let path):
            path
        }
    }

    public var description: String {
        switch self {
        case .library(let code, let message, let operation, let path):
            "cannot write the workbook \(path): libxlsxwriter error \(code) while \(operation): \(message)"
        case .invalidSheetName(let name, let reason, let path):
            "cannot write the workbook \(path): the sheet name “\(name)” cannot be used: \(reason)"
        case .numberNotExact(let value, let sheet, let cell, let path):
            "cannot write the workbook \(path): the number \(value) in cell \(cell) of sheet “\(sheet)” is larger "
                + "than 2^53 (\(ExactNumber.limit)) and a spreadsheet would not keep it exactly"
        case .noSheets(let path):
            "cannot write the workbook \(path): there is no sheet to write"
        case .fileSystem(let operation, let message, let path):
            "cannot write the workbook \(path): \(operation) failed: \(message)"
        }
    }
}
