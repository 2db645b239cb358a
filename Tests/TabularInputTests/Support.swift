import Foundation
import TabularInput
import Testing
import ZIPFoundation

/// Builds XLSX files part by part, so each test shows exactly the XML a
/// spreadsheet program would have written, without binary fixtures.
enum Workbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// A ZIP archive holding `parts` (path → text), deflated like Excel's.
    static func zip(_ parts: [(path: String, text: String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for part in parts {
            let bytes = Data(part.text.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// The six parts of a minimal workbook with one sheet whose `<sheetData>`
    /// content is `rowsXML`.
    static func parts(
        rowsXML: String, sharedStrings: [String]? = nil, sharedStringsXML: String? = nil
    ) -> [(path: String, text: String)] {
        var parts: [(path: String, text: String)] = [
            ("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                </Types>
                """),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="\(packageRelationships)">
                <Relationship Id="rId1" Type="\(officeRelationships)/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="\(main)" xmlns:r="\(officeRelationships)">
                <sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets>
                </workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="\(packageRelationships)">
                <Relationship Id="rId1" Type="\(officeRelationships)/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="\(officeRelationships)/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>
                """),
            ("xl/worksheets/sheet1.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(main)"><sheetData>\(rowsXML)</sheetData></worksheet>
                """),
        ]
        if let xml = sharedStringsXML ?? sharedStrings.map(sharedStringTable) {
            parts.append(("xl/sharedStrings.xml", xml))
        }
        return parts
    }

    /// `xl/sharedStrings.xml` with one plain `<si><t>` per string.
    static func sharedStringTable(_ strings: [String]) -> String {
        let items = strings.map { "<si><t>\($0)</t></si>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="\(main)" count="\(strings.count)" uniqueCount="\(strings.count)">\(items)</sst>
            """
    }

    /// Replaces one part's text (to build damaged or unusual workbooks).
    static func replacing(
        _ path: String, with text: String?, in parts: [(path: String, text: String)]
    ) -> [(path: String, text: String)] {
        var result = parts.filter { $0.path != path }
        if let text { result.append((path, text)) }
        return result
    }
}

/// Reads UTF-8 text as if it were a file with the given name.
func readCSV(_ text: String, named name: String = "roster.csv") throws(TabularInputError) -> Table {
    try TabularReader.read(data: Data(text.utf8), fileName: name)
}

/// Cells of every row, for compact expectations.
func cells(_ table: Table) -> [[String]] {
    table.rows.map(\.cells)
}

/// Row numbers of every row.
func numbers(_ table: Table) -> [Int] {
    table.rows.map(\.number)
}

/// Swift's `==` on strings ignores normalisation, so NFC has to be checked
/// on the scalars themselves.
func scalars(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value)
}
