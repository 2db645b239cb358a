import Foundation
import ZIPFoundation

/// Writes the smallest XLSX workbook Excel opens: one sheet, every cell an
/// inline string.
///
/// It exists so the demo can hand out a realistic `roster.xlsx` and tests can
/// produce workbooks without shipping binary fixtures. Everything is text on
/// purpose: the reader returns text, and a number cell would make Excel
/// reformat account numbers ("0123…" → "123…"). No styles, no shared
/// strings: those are optimisations a roster does not need.
public enum XLSXWriter {
    /// The sheet name when none is given.
    public static let defaultSheetName = "Sheet1"
    /// Excel's grid limits.
    static let maximumRows = 1_048_576

    /// A workbook whose first sheet holds `rows`, starting at A1. Empty
    /// strings leave their cell out, as Excel does.
    public static func data(rows: [[String]]) throws(XLSXWriterError) -> Data {
        try data(rows: rows, sheetName: defaultSheetName)
    }

    /// As `data(rows:)`, with the tab name shown in Excel (e.g. "Danh sách").
    public static func data(rows: [[String]], sheetName: String) throws(XLSXWriterError) -> Data {
        try validate(sheetName: sheetName)
        guard rows.count <= maximumRows else {
            throw XLSXWriterError("\(rows.count) rows do not fit in one sheet (Excel's limit is \(maximumRows))")
        }
        if let wide = rows.firstIndex(where: { $0.count > CellReference.maximumColumns }) {
            throw XLSXWriterError("row \(wide + 1) has \(rows[wide].count) cells; "
                + "Excel's limit is \(CellReference.maximumColumns)")
        }

        let parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(sheetName: sheetName)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/worksheets/sheet1.xml", worksheet(rows)),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = Data(part.xml.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                    // A fixed date makes the output byte-for-byte reproducible.
                    modificationDate: fixedDate, compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw XLSXWriterError("the ZIP archive was not produced") }
            return data
        } catch let error as XLSXWriterError {
            throw error
        } catch {
            throw XLSXWriterError("the ZIP archive could not be written: \(error)")
        }
    }

    // MARK: - Parts

    private static let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z

    private static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let contentTypes = xmlDeclaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        </Types>
        """

    private static let packageRelationships = xmlDeclaration + """
        <Relationships xmlns="\(relationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private static let workbookRelationships = xmlDeclaration + """
        <Relationships xmlns="\(relationshipsNamespace)">\
        <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        </Relationships>
        """

    private static func workbook(sheetName: String) -> String {
        xmlDeclaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(officeRelationships)">\
            <sheets><sheet name="\(OOXMLText.escapeForAttribute(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """
    }

    private static func worksheet(_ rows: [[String]]) -> String {
        var xml = xmlDeclaration + #"<worksheet xmlns="\#(mainNamespace)"><sheetData>"#
        for (rowIndex, row) in rows.enumerated() where row.contains(where: { !$0.isEmpty }) {
            let number = rowIndex + 1
            xml += #"<row r="\#(number)">"#
            for (column, text) in row.enumerated() where !text.isEmpty {
                let reference = CellReference.columnName(column) + String(number)
                xml += #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">"#
                xml += OOXMLText.escapeForElement(text)
                xml += "</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Excel refuses to open a workbook whose sheet name breaks these rules.
    private static func validate(sheetName: String) throws(XLSXWriterError) {
        let forbidden = CharacterSet(charactersIn: ":\\/?*[]")
        guard !sheetName.isEmpty, sheetName.count <= 31,
              sheetName.unicodeScalars.allSatisfy({ !forbidden.contains($0) && $0.value >= 0x20 }),
              !sheetName.hasPrefix("'"), !sheetName.hasSuffix("'") else {
            throw XLSXWriterError("“\(sheetName)” cannot be a sheet name: it must be 1 to 31 characters, "
                + "without : \\ / ? * [ ] and not start or end with '")
        }
    }
}

/// Why a workbook could not be written.
public struct XLSXWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
