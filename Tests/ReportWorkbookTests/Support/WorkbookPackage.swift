import Foundation
import ZIPFoundation

/// An XLSX file opened with ZIPFoundation, its parts parsed as XML: the sheet's cells by reference, the
/// shared strings, and the cell styles with their number formats, fonts and borders.
struct WorkbookPackage {
    /// One `<c>` element of a sheet.
    struct Cell {
        let reference: String
        /// The `t` attribute: `s` (shared string), `str`, `inlineStr`, `b`, `e`, or `nil` for a number.
        let type: String?
        /// The `s` attribute: the index into `cellXfs`, 0 when absent.
        let style: Int
        /// The `<v>` text: a number, or an index into the shared strings when `type == "s"`.
        let value: String?
    }

    /// One `<xf>` of `cellXfs`, resolved.
    struct Style {
        let numberFormatID: Int
        /// The format code: declared in `numFmts`, or Excel's built-in one for the ids writers reuse.
        let formatCode: String?
        let bold: Bool
        let topBorder: String?
        let wrapsText: Bool
    }

    let parts: [String: Data]

    init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        self.parts = parts
    }

    func xml(_ part: String) throws -> Node {
        guard let data = parts[part] else { throw XMLTreeError(message: "no part \(part)") }
        return try Node.parse(data)
    }

    func sharedStrings() throws -> [String] {
        guard parts["xl/sharedStrings.xml"] != nil else { return [] }
        // Rich text splits one string into runs; every `<t>` of an `<si>` belongs to it.
        return try xml("xl/sharedStrings.xml").children("si").map { item in
            item.descendants("t").map(\.text).joined()
        }
    }

    func cells(sheet: Int = 1) throws -> [String: Cell] {
        var cells: [String: Cell] = [:]
        for element in try xml("xl/worksheets/sheet\(sheet).xml").descendants("c") {
            guard let reference = element["r"] else { continue }
            cells[reference] = Cell(reference: reference, type: element["t"], style: Int(element["s"] ?? "0") ?? 0,
                                    value: element.child("v")?.text)
        }
        return cells
    }

    /// The text a string cell shows (shared or inline).
    func text(of cell: Cell?, strings: [String]) -> String? {
        guard let cell, let value = cell.value else { return nil }
        switch cell.type {
        case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil }
        case "str", "inlineStr": return value
        default: return nil
        }
    }

    func styles() throws -> [Style] {
        let root = try xml("xl/styles.xml")
        // Built-in formats have ids and no `numFmt` element: libxlsxwriter maps "0" and "#,##0" to them.
        var codes: [Int: String] = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00"]
        for format in root.child("numFmts")?.children("numFmt") ?? [] {
            if let id = format["numFmtId"].flatMap(Int.init) { codes[id] = format["formatCode"] }
        }
        let fonts = root.child("fonts")?.children("font") ?? []
        let borders = root.child("borders")?.children("border") ?? []
        return (root.child("cellXfs")?.children("xf") ?? []).map { xf in
            let numFmt = Int(xf["numFmtId"] ?? "0") ?? 0
            let font = Int(xf["fontId"] ?? "0").flatMap { fonts.indices.contains($0) ? fonts[$0] : nil }
            let border = Int(xf["borderId"] ?? "0").flatMap { borders.indices.contains($0) ? borders[$0] : nil }
            return Style(numberFormatID: numFmt, formatCode: codes[numFmt], bold: font?.child("b") != nil,
                         topBorder: border?.child("top")?["style"], wrapsText: xf.child("alignment")?["wrapText"] == "1")
        }
    }
}
