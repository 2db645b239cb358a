import Foundation

/// Reads a roster, a fee list or a statement file into a `Table`.
///
/// The format is decided by the bytes, not the name: people rename files,
/// and mail or chat apps hand them over as "file.csv" whatever they contain.
/// The extension only sharpens the error when the bytes fit nothing.
public enum TabularReader {
    /// Every XLSX file is a ZIP archive, and every ZIP starts with this.
    static let zipSignature: [UInt8] = Array("PK\u{3}\u{4}".utf8)
    /// OLE2 compound files: Excel 97–2003 `.xls`, and also password-protected
    /// `.xlsx` (the encrypted package is wrapped in one).
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The format the bytes are in: XLSX when they start with a ZIP local
    /// file header, CSV text otherwise.
    public static func format(of data: Data) -> TabularFormat {
        data.starts(with: zipSignature) ? .xlsx : .csv
    }

    /// Reads the file at `path`; errors name its last path component.
    public static func read(fileAt path: String) throws(TabularInputError) -> Table {
        let url = URL(fileURLWithPath: path)
        let fileName = url.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TabularInputError(fileName: fileName, message: "the file does not exist (\(path))")
        }
        guard !isDirectory.boolValue else {
            throw TabularInputError(fileName: fileName, message: "this is a folder, not a file (\(path))")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TabularInputError(
                fileName: fileName, message: "the file cannot be read (\(path)): \(error.localizedDescription)")
        }
        return try read(data: data, fileName: fileName)
    }

    /// Reads bytes that came from somewhere else (an upload, a test).
    ///
    /// - Parameter fileName: used in errors and as `Table.fileName`; if a
    ///   path is passed, only its last component is kept.
    public static func read(data: Data, fileName: String) throws(TabularInputError) -> Table {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        do {
            return Table(fileName: name, rows: try rows(from: data, fileName: name))
        } catch {
            throw error.error(fileName: name)
        }
    }

    private static func rows(from data: Data, fileName: String) throws(ReadFailure) -> [TableRow] {
        guard !data.isEmpty else { throw ReadFailure("the file is empty") }
        if data.starts(with: compoundFileSignature) {
            throw ReadFailure("this is an old-style Excel 97–2003 workbook (.xls) or a password-protected "
                + "workbook, which cannot be read; open it in Excel, remove any password, "
                + "and save it as .xlsx or “CSV UTF-8”")
        }
        switch format(of: data) {
        case .xlsx:
            return try XLSXTableReader.rows(from: data)
        case .csv:
            if HTMLTableReader.looksLikeHTML(data) {
                return try HTMLTableReader.rows(from: data)
            }
            if let claimed = spreadsheetExtension(of: fileName) {
                // Named as a workbook but not one: reading it as text would
                // only produce garbage rows (HTML "xls" exports, damaged files).
                throw ReadFailure("the file is named .\(claimed) but is not a valid Excel workbook "
                    + "(an .xlsx file is a ZIP archive, and this one is not); it may be damaged "
                    + "or in another format: open it in Excel and save it as .xlsx or “CSV UTF-8”")
            }
            return try CSVTableReader.rows(from: data)
        }
    }

    /// The extension when it promises an Excel workbook, lower-cased.
    private static func spreadsheetExtension(of fileName: String) -> String? {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        return ["xlsx", "xlsm", "xltx", "xltm", "xls"].contains(ext) ? ext : nil
    }
}
