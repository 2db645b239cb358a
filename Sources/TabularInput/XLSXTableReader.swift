import Foundation

/// Reads the first sheet of an XLSX workbook into rows.
///
/// Follows the package the way Excel does (workbook → its relationships →
/// the first sheet's part) instead of assuming `xl/worksheets/sheet1.xml`:
/// after sheets are reordered or renamed, "sheet1.xml" is often not the
/// sheet a person sees first.
enum XLSXTableReader {
    static let workbookPath = "xl/workbook.xml"
    static let workbookRelationshipsPath = "xl/_rels/workbook.xml.rels"
    static let relationshipTypeSuffixSharedStrings = "/sharedStrings"

    static func rows(from data: Data) throws(ReadFailure) -> [TableRow] {
        let package = try XLSXPackage(data: data)
        guard let workbookXML = try package.part(workbookPath) else {
            throw notAWorkbook(package)
        }

        let workbook = try XMLParts.parse(workbookXML, part: workbookPath, into: WorkbookHandler())
        guard let sheet = workbook.firstSheet else {
            throw ReadFailure("the workbook has no sheets")
        }

        guard let relationshipsXML = try package.part(workbookRelationshipsPath) else {
            throw ReadFailure("the workbook is damaged: it has no \(workbookRelationshipsPath), "
                + "so its sheets cannot be found")
        }
        let relationships = try XMLParts.parse(relationshipsXML, part: workbookRelationshipsPath,
                                               into: RelationshipsHandler())
        guard let sheetTarget = relationships.relationships.first(where: { $0.id == sheet.relationshipID }),
              !sheetTarget.isExternal else {
            throw ReadFailure("the workbook is damaged: it does not say where its first sheet “\(sheet.name)” is stored")
        }
        let sheetPath = PartPath.resolve(sheetTarget.target, from: "xl")

        let sharedStrings = try readSharedStrings(package, relationships: relationships.relationships)

        guard let sheetXML = try package.part(sheetPath) else {
            throw ReadFailure("the workbook is damaged: its first sheet “\(sheet.name)” (\(sheetPath)) is missing")
        }
        let handler = try XMLParts.parse(sheetXML, part: sheetPath, into: SheetHandler(sharedStrings: sharedStrings))
        guard !handler.rows.isEmpty else {
            throw ReadFailure("the file is empty: its first sheet “\(sheet.name)” has no text")
        }
        // Excel writes rows in order; a generator that did not is forgiven.
        return handler.rows.enumerated()
            .sorted { ($0.element.number, $0.offset) < ($1.element.number, $1.offset) }
            .map(\.element)
    }

    /// The shared-string table, found through the relationships, or at its
    /// usual path; a workbook without text cells may have none at all.
    private static func readSharedStrings(
        _ package: XLSXPackage, relationships: [Relationship]
    ) throws(ReadFailure) -> [String] {
        let declared = relationships.first { $0.type.hasSuffix(relationshipTypeSuffixSharedStrings) && !$0.isExternal }
        let path = declared.map { PartPath.resolve($0.target, from: "xl") } ?? "xl/sharedStrings.xml"
        guard let xml = try package.part(path) else { return [] }
        return try XMLParts.parse(xml, part: path, into: SharedStringsHandler()).strings
    }

    /// A ZIP that is not a workbook: say what it looks like, if we can tell.
    private static func notAWorkbook(_ package: XLSXPackage) -> ReadFailure {
        let hint: String
        if package.contains("content.xml") && package.contains("mimetype") {
            hint = "it looks like an OpenDocument (.ods) spreadsheet; save it as .xlsx or “CSV UTF-8”"
        } else if package.contains("word/document.xml") {
            hint = "it looks like a Word document"
        } else {
            hint = "it is a ZIP archive without \(workbookPath)"
        }
        return ReadFailure("the file is not an Excel workbook: \(hint)")
    }
}
