import Foundation

/// Streams a worksheet part into rows, SAX-style, so a sheet of tens of
/// thousands of rows never exists as a tree in memory.
///
/// Only `<sheetData>` matters; parsing stops when it ends. Row numbers come
/// from `<row r="…">` and columns from `<c r="…">`, because XLSX leaves empty
/// rows and cells out entirely. Cells with no value (only a style) are
/// ignored, so a formatted but empty column Z does not pad every row to 26
/// cells. Formulas are not evaluated: the value Excel cached in `<v>` is used.
final class SheetHandler: SAXHandler {
    private(set) var rows: [TableRow] = []

    private let sharedStrings: [String]

    // The row being read.
    private var isInSheetData = false
    private var rowNumber = 0
    private var rowCells: [Int: String] = [:]
    private var nextColumn = 0

    // The cell being read.
    private var isInCell = false
    private var cellColumn = 0
    private var cellReference = ""
    private var cellType = "n"
    private var value: String?
    private var inlineText: String?
    private var isInInlineString = false
    private var phoneticDepth = 0
    private var capture: Capture = .nothing

    private enum Capture { case nothing, value, inlineText }

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func start(_ element: Substring, attributes: [String: String]) -> SAXStep {
        switch element {
        case "sheetData":
            isInSheetData = true
        case "row" where isInSheetData:
            return startRow(attributes["r"])
        case "c" where isInSheetData:
            return startCell(reference: attributes["r"], type: attributes["t"])
        case "v" where isInCell:
            value = ""
            capture = .value
        case "is" where isInCell:
            isInInlineString = true
            inlineText = ""
        case "t" where isInInlineString && phoneticDepth == 0:
            capture = .inlineText
        case "rPh" where isInCell:
            phoneticDepth += 1
        default:
            break
        }
        return .proceed
    }

    func end(_ element: Substring) -> SAXStep {
        switch element {
        case "v", "t":
            capture = .nothing
        case "rPh" where isInCell:
            phoneticDepth -= 1
        case "is":
            isInInlineString = false
        case "c" where isInCell:
            return finishCell()
        case "row" where isInSheetData:
            finishRow()
        case "sheetData":
            return .stop  // nothing after sheetData changes the values
        default:
            break
        }
        return .proceed
    }

    func characters(_ text: String) {
        switch capture {
        case .nothing: break
        case .value: value? += text
        case .inlineText: inlineText? += text
        }
    }

    // MARK: - Rows and cells

    private func startRow(_ reference: String?) -> SAXStep {
        if let reference {
            guard let number = Int(reference.trimmingCharacters(in: .whitespaces)), number > 0 else {
                return .fail(ReadFailure(row: rowNumber + 1, "the sheet is damaged: “\(reference)” is not a row number"))
            }
            rowNumber = number
        } else {
            rowNumber += 1  // `r` is optional; rows then follow one another
        }
        rowCells = [:]
        nextColumn = 0
        return .proceed
    }

    private func startCell(reference: String?, type: String?) -> SAXStep {
        isInCell = true
        cellType = type ?? "n"
        value = nil
        inlineText = nil
        phoneticDepth = 0
        if let reference {
            guard let column = CellReference.columnIndex(of: reference) else {
                return .fail(ReadFailure(row: rowNumber, "the sheet is damaged: “\(reference)” is not a cell reference"))
            }
            cellReference = reference
            cellColumn = column
        } else {
            cellReference = CellReference.columnName(nextColumn) + String(rowNumber)
            cellColumn = nextColumn
        }
        return .proceed
    }

    private func finishCell() -> SAXStep {
        isInCell = false
        nextColumn = cellColumn + 1
        switch cellText() {
        case .success(let text?):
            rowCells[cellColumn] = text
            return .proceed
        case .success(nil):
            return .proceed
        case .failure(let failure):
            return .fail(failure)
        }
    }

    /// The text of the finished cell, or `nil` when it holds no value.
    private func cellText() -> Result<String?, ReadFailure> {
        switch cellType {
        case "s":
            guard let value else { return .success(nil) }
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index)
            else {
                return .failure(ReadFailure(row: rowNumber, "the workbook is damaged: cell \(cellReference) refers "
                    + "to shared string “\(value)”, but there are only \(sharedStrings.count)"))
            }
            return .success(sharedStrings[index])
        case "inlineStr":
            return .success((inlineText ?? value).map(OOXMLText.unescape))
        case "str":
            return .success(value.map(OOXMLText.unescape))
        case "b":
            return .success(value.map { $0.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE" })
        case "n":
            return .success(value.map(NumberText.render))
        default:  // "e" (#N/A…), "d" (ISO date text): as written
            return .success(value)
        }
    }

    private func finishRow() {
        guard let lastColumn = rowCells.keys.max() else { return }
        let cells = (0...lastColumn).map { CellText.clean(rowCells[$0] ?? "") }
        if !CellText.isBlank(cells) {
            rows.append(TableRow(number: rowNumber, cells: cells))
        }
    }
}
