import Foundation
import XMLScan

/// Streams a worksheet part into rows, SAX-style, so a sheet of tens of
/// thousands of rows never exists as a tree in memory.
///
/// Only `<sheetData>` matters; reading stops when it ends. Row numbers come
/// from `<row r="…">` and columns from `<c r="…">`, because XLSX leaves empty
/// rows and cells out entirely. Cells with no value (only a style) are
/// ignored, so a formatted but empty column Z does not pad every row to 26
/// cells. Formulas are not evaluated: the value Excel cached in `<v>` is used.
///
/// Values are gathered as bytes and each cell's `String` is built once, already
/// clean; shared strings are cleaned once for the whole sheet, not per cell.
struct SheetHandler: PartSink {
    private(set) var rows: [TableRow] = []
    private(set) var failure: ReadFailure?

    /// The shared-string table, each string already `CellText.clean`.
    private let sharedStrings: [String]

    /// The open elements that matter; the tokenizer reports ends without names.
    private enum Tag { case sheetData, row, cell, value, inlineString, text, phonetic, other }
    private var open: [Tag] = []

    // The row being read.
    private var isInSheetData = false
    private var rowNumber = 0
    /// Columns and clean texts of the row's cells with a value, in the order written.
    private var rowCells: [(column: Int, text: String)] = []
    private var nextColumn = 0

    // The cell being read.
    private var isInCell = false
    private var cellColumn = 0
    /// The `r` attribute as written, or nil when the cell had none (named from its column, for messages).
    private var cellReference: String?
    private var cellType = "n"
    private var value: [UInt8] = []
    private var hasValue = false
    private var inlineText: [UInt8] = []
    private var hasInlineText = false
    private var isInInlineString = false
    private var phoneticDepth = 0
    private var capture: Capture = .nothing

    private enum Capture { case nothing, value, inlineText }

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings.map { text in
            var text = text
            return text.withUTF8 { CellText.clean(utf8: $0) }
        }
    }

    mutating func startElement(_ name: String, attributes: XMLAttributes) -> Bool {
        let tag: Tag
        switch name {
        case "sheetData":
            tag = .sheetData
            isInSheetData = true
        case "row":
            tag = .row
            if isInSheetData { return push(tag, startRow(XMLParts.attribute("r", in: attributes))) }
        case "c":
            tag = .cell
            if isInSheetData {
                return push(tag, startCell(reference: XMLParts.attribute("r", in: attributes),
                                           type: XMLParts.attribute("t", in: attributes)))
            }
        case "v":
            tag = .value
            if isInCell {
                value.removeAll(keepingCapacity: true)
                hasValue = true
                capture = .value
            }
        case "is":
            tag = .inlineString
            if isInCell {
                isInInlineString = true
                inlineText.removeAll(keepingCapacity: true)
                hasInlineText = true
            }
        case "t":
            tag = .text
            if isInInlineString && phoneticDepth == 0 { capture = .inlineText }
        case "rPh":
            tag = .phonetic
            if isInCell { phoneticDepth += 1 }
        default:
            tag = .other
        }
        open.append(tag)
        return true
    }

    mutating func endElement() -> Bool {
        switch open.removeLast() {
        case .value, .text:
            capture = .nothing
        case .phonetic where isInCell:
            phoneticDepth -= 1
        case .inlineString:
            isInInlineString = false
        case .cell where isInCell:
            return finishCell()
        case .row where isInSheetData:
            finishRow()
        case .sheetData:
            return false  // nothing after sheetData changes the values
        default:
            break
        }
        return true
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch capture {
        case .nothing: break
        case .value: value.append(contentsOf: bytes)
        case .inlineText: inlineText.append(contentsOf: bytes)
        }
    }

    /// Opens `tag` if `failure` stayed nil; returns whether to go on.
    private mutating func push(_ tag: Tag, _ failure: ReadFailure?) -> Bool {
        if let failure {
            self.failure = failure
            return false
        }
        open.append(tag)
        return true
    }

    // MARK: - Rows and cells

    private mutating func startRow(_ reference: String?) -> ReadFailure? {
        if let reference {
            guard let number = Int(reference) ?? Int(reference.trimmingCharacters(in: .whitespaces)), number > 0 else {
                return ReadFailure(row: rowNumber + 1, "the sheet is damaged: “\(reference)” is not a row number")
            }
            rowNumber = number
        } else {
            rowNumber += 1  // `r` is optional; rows then follow one another
        }
        rowCells.removeAll(keepingCapacity: true)
        nextColumn = 0
        return nil
    }

    private mutating func startCell(reference: String?, type: String?) -> ReadFailure? {
        isInCell = true
        cellType = type ?? "n"
        hasValue = false
        hasInlineText = false
        phoneticDepth = 0
        if let reference {
            guard let column = CellReference.columnIndex(of: reference) else {
                return ReadFailure(row: rowNumber, "the sheet is damaged: “\(reference)” is not a cell reference")
            }
            cellColumn = column
        } else {
            cellColumn = nextColumn
        }
        cellReference = reference
        return nil
    }

    private mutating func finishCell() -> Bool {
        isInCell = false
        nextColumn = cellColumn + 1
        switch cellText() {
        case .success(let text?):
            rowCells.append((cellColumn, text))
            return true
        case .success(nil):
            return true
        case .failure(let failure):
            self.failure = failure
            return false
        }
    }

    /// The clean text of the finished cell, or `nil` when it holds no value.
    private func cellText() -> Result<String?, ReadFailure> {
        switch cellType {
        case "s":
            guard hasValue else { return .success(nil) }
            guard let index = Self.integer(value), sharedStrings.indices.contains(index) else {
                let reference = cellReference ?? CellReference.columnName(cellColumn) + String(rowNumber)
                return .failure(ReadFailure(row: rowNumber, "the workbook is damaged: cell \(reference) refers "
                    + "to shared string “\(String(decoding: value, as: UTF8.self))”, but there are only \(sharedStrings.count)"))
            }
            return .success(sharedStrings[index])
        case "inlineStr":
            if hasInlineText { return .success(Self.clean(OOXMLText.unescape(utf8: inlineText))) }
            return .success(hasValue ? Self.clean(OOXMLText.unescape(utf8: value)) : nil)
        case "str":
            return .success(hasValue ? Self.clean(OOXMLText.unescape(utf8: value)) : nil)
        case "b":
            guard hasValue else { return .success(nil) }
            return .success(String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE")
        case "n":
            guard hasValue else { return .success(nil) }
            // Amounts are plain integers: ASCII without spaces, already what `render` and `clean` would give.
            if Self.isPlainInteger(value) { return .success(String(decoding: value, as: UTF8.self)) }
            return .success(Self.clean(NumberText.render(String(decoding: value, as: UTF8.self))))
        default:  // "e" (#N/A…), "d" (ISO date text): as written
            return .success(hasValue ? Self.clean(String(decoding: value, as: UTF8.self)) : nil)
        }
    }

    private mutating func finishRow() {
        guard let lastColumn = rowCells.map(\.column).max() else { return }
        var cells = Array(repeating: "", count: lastColumn + 1)
        for (column, text) in rowCells { cells[column] = text }  // a column written twice keeps its last value
        if !CellText.isBlank(cells) {
            rows.append(TableRow(number: rowNumber, cells: cells))
        }
    }

    private static func clean(_ text: String) -> String {
        var text = text
        return text.withUTF8 { CellText.clean(utf8: $0) }
    }

    /// "-1334520" and the like, as `NumberText.isPlainInteger` on bytes.
    private static func isPlainInteger(_ bytes: [UInt8]) -> Bool {
        let digits = bytes.first == 0x2D ? bytes.dropFirst() : bytes[...]
        return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A shared-string index: decimal digits, perhaps with spaces around them (read on the bytes when it is
    /// only digits, the usual case).
    private static func integer(_ bytes: [UInt8]) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return Int(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
        }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
