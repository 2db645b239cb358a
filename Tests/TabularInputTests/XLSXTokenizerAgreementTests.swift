import Foundation
@testable import TabularInput
import Testing

/// The XLSX parts read through `XMLTokenizer` against Foundation's `XMLParser` (the reader before it) on
/// generated sheets: shared strings with rich text and phonetic runs, inline strings, numbers, booleans,
/// errors, entities and `_xHHHH_` escapes, sparse rows and cells, prefixed names, CR LF line ends.
@Suite("XLSX: tokenizer agrees with XMLParser")
struct XLSXTokenizerAgreementTests {
    @Test("generated sheets give the same rows", arguments: 0..<150)
    func generated(seed: Int) throws {
        var generator = GeneratedSheet(seed: UInt64(seed))
        let (sheet, strings) = generator.workbook()
        let sheetXML = Data(sheet.utf8), stringsXML = Data(strings.utf8)
        let reference = try #require(XMLParserReference.rows(sheetXML: sheetXML, sharedStringsXML: stringsXML),
                                     "XMLParser refused generated sheet \(seed)")
        let shared = try XMLParts.parse(stringsXML, part: "s", into: SharedStringsHandler()).strings
        let ours = Result { () throws(ReadFailure) in
            try XMLParts.parse(sheetXML, part: "w", into: SheetHandler(sharedStrings: shared)).rows
        }
        #expect(ours == reference)
    }

    @Test("a part that is not UTF-8 is refused, naming the part and the line")
    func notUTF8() {
        var bytes = Data("<sst>\n<si><t>caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("</t></si></sst>".utf8))
        #expect(throws: ReadFailure("the workbook is damaged: its part xl/sharedStrings.xml is not valid XML "
                                    + "near line 2 (the text is not UTF-8)")) {
            try XMLParts.parse(bytes, part: "xl/sharedStrings.xml", into: SharedStringsHandler())
        }
    }
}

/// A random sheet and its shared-string table, from a seed.
struct GeneratedSheet {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    private mutating func next(_ bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }

    private mutating func pick<T>(_ options: [T]) -> T { options[next(options.count)] }

    private mutating func text() -> String {
        let words = ["Nguyễn", "Trần", "Học phí", "Lê\u{0302}", "A&amp;B", "&lt;x&gt;", "caf&#233;", "_x000D_",
                     "_x005F_x0041_", "  spaced  ", "line\r\nend", "ﾃｽﾄ", "1A", "", "tab\there", "&#x1EA7;"]
        return (0..<(1 + next(3))).map { _ in pick(words) }.joined(separator: pick([" ", "", "\n"]))
    }

    mutating func workbook() -> (sheet: String, sharedStrings: String) {
        let prefix = pick(["", "x:"])
        let count = 1 + next(12)
        var items = ""
        for _ in 0..<count {
            switch next(3) {
            case 0: items += "<\(prefix)si><\(prefix)t>\(text())</\(prefix)t></\(prefix)si>"
            case 1:
                items += "<\(prefix)si><\(prefix)r><\(prefix)rPr><\(prefix)b/></\(prefix)rPr><\(prefix)t xml:space=\"preserve\">\(text())</\(prefix)t></\(prefix)r>"
                    + "<\(prefix)r><\(prefix)t>\(text())</\(prefix)t></\(prefix)r></\(prefix)si>"
            default:
                items += "<\(prefix)si><\(prefix)t>\(text())</\(prefix)t><\(prefix)rPh sb=\"0\" eb=\"1\"><\(prefix)t>ふりがな</\(prefix)t></\(prefix)rPh></\(prefix)si>"
            }
        }
        let namespace = prefix.isEmpty ? "xmlns" : "xmlns:x"
        let strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<\(prefix)sst \(namespace)=\"u\" uniqueCount=\"\(count)\">\(items)</\(prefix)sst>"
        var rows = ""
        var rowNumber = 0
        for _ in 0..<(1 + next(20)) {
            rowNumber += 1 + next(3)
            let numbered = next(5) > 0
            rows += numbered ? "<\(prefix)row r=\"\(rowNumber)\" spans=\"1:9\">" : "<\(prefix)row>"
            var column = 0
            for _ in 0..<(1 + next(8)) {
                column += 1 + next(3)
                let reference = next(6) > 0 ? " r=\"\(CellReference.columnName(column - 1))\(rowNumber)\"" : ""
                rows += cell(prefix, reference, sharedCount: count)
            }
            rows += "</\(prefix)row>\r\n"
        }
        let sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(prefix)worksheet \(namespace)=\"u\">"
            + "<\(prefix)dimension ref=\"A1\"/><\(prefix)sheetData>\(rows)</\(prefix)sheetData>"
            + "<\(prefix)mergeCells count=\"0\"/></\(prefix)worksheet>"
        return (sheet, strings)
    }

    private mutating func cell(_ p: String, _ reference: String, sharedCount: Int) -> String {
        switch next(9) {
        case 0: return "<\(p)c\(reference) t=\"s\" s=\"1\"><\(p)v>\(next(sharedCount))</\(p)v></\(p)c>"
        case 1: return "<\(p)c\(reference) t=\"inlineStr\"><\(p)is><\(p)t>\(text())</\(p)t></\(p)is></\(p)c>"
        case 2: return "<\(p)c\(reference)><\(p)v>\(pick(["1334520", "-5", "1334520.0", "1.33452E6", "0.1", " 42 ", "45292"]))</\(p)v></\(p)c>"
        case 3: return "<\(p)c\(reference) t=\"b\"><\(p)v>\(pick(["0", "1"]))</\(p)v></\(p)c>"
        case 4: return "<\(p)c\(reference) t=\"e\"><\(p)v>#N/A</\(p)v></\(p)c>"
        case 5: return "<\(p)c\(reference) t=\"str\"><\(p)f>A1&amp;B1</\(p)f><\(p)v>\(text())</\(p)v></\(p)c>"
        case 6: return "<\(p)c\(reference) s=\"3\"/>"
        case 7: return "<\(p)c\(reference) t=\"d\"><\(p)v>2025-09-01T00:00:00</\(p)v></\(p)c>"
        default: return "<\(p)c\(reference) t=\"s\"><\(p)v>\(next(sharedCount))</\(p)v></\(p)c>"
        }
    }
}
