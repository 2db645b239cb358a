import Foundation

/// Reads the first `<table>` of an HTML document into rows: several Vietnamese banks serve their "Excel"
/// statement as an HTML table saved with an `.xls` name, which Excel opens without complaint.
///
/// Row numbers count the table's `<tr>` rows from 1, the way Excel numbers them when it opens such a file.
/// Tags inside cells are dropped, entities decoded, `<br>` kept as a space.
enum HTMLTableReader {
    /// Whether the bytes are an HTML document holding a table (after any BOM and white space).
    static func looksLikeHTML(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        return (trimmed.hasPrefix("<") && head.contains("<table")) || head.contains("<html")
    }

    static func rows(from data: Data) throws(ReadFailure) -> [TableRow] {
        let text = try TextDecoding.decode(data).text
        let bytes = Array(text.utf8)
        // Tags are ASCII: lower-casing only ASCII letters keeps every byte offset valid for the original text.
        let lowered = bytes.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        guard let tableStart = find(Array("<table".utf8), in: lowered, from: 0) else {
            throw ReadFailure("an HTML file without a <table>")
        }
        let stop = find(Array("</table>".utf8), in: lowered, from: tableStart) ?? lowered.count
        var rows: [TableRow] = []
        var rowNumber = 0
        var cells: [String]? = nil
        var cellStart: Int? = nil
        var i = tableStart
        func tagName(at index: Int) -> (name: String, closing: Bool, end: Int) {
            var j = index + 1
            let closing = j < stop && lowered[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            var name = [UInt8]()
            while j < stop, (lowered[j] >= 0x61 && lowered[j] <= 0x7A) || (lowered[j] >= 0x30 && lowered[j] <= 0x39) {
                name.append(lowered[j]); j += 1
            }
            while j < stop, lowered[j] != UInt8(ascii: ">") { j += 1 }
            return (String(decoding: name, as: UTF8.self), closing, j)
        }
        func finishCell(_ upTo: Int) {
            guard let start = cellStart, cells != nil else { return }
            cells!.append(CellText.clean(cellText(Array(bytes[start..<upTo]))))
            cellStart = nil
        }
        while i < stop {
            guard lowered[i] == UInt8(ascii: "<") else { i += 1; continue }
            let tag = tagName(at: i)
            switch (tag.name, tag.closing) {
            case ("tr", false):
                finishCell(i)
                if let done = cells, !CellText.isBlank(done) { rows.append(TableRow(number: rowNumber, cells: done)) }
                rowNumber += 1
                cells = []
            case ("tr", true):
                finishCell(i)
                if let done = cells, !CellText.isBlank(done) { rows.append(TableRow(number: rowNumber, cells: done)) }
                cells = nil
            case ("td", false), ("th", false):
                finishCell(i)
                if cells == nil { rowNumber += 1; cells = [] }
                cellStart = tag.end + 1
            case ("td", true), ("th", true):
                finishCell(i)
            default: break
            }
            i = tag.end + 1
        }
        finishCell(stop)
        if let done = cells, !CellText.isBlank(done) { rows.append(TableRow(number: rowNumber, cells: done)) }
        guard !rows.isEmpty else { throw ReadFailure("the HTML table has no rows") }
        return rows
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    /// A cell's text: tags removed (`<br>` becomes a space), entities decoded.
    static func cellText(_ raw: [UInt8]) -> String {
        var out = ""
        var text = [UInt8]()
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "<") {
                let close = raw[i...].firstIndex(of: UInt8(ascii: ">")) ?? raw.count - 1
                let tag = String(decoding: raw[i...close], as: UTF8.self).lowercased()
                if tag.hasPrefix("<br") || tag.hasPrefix("<p") || tag.hasPrefix("</p") || tag.hasPrefix("<div") { text.append(0x20) }
                i = close + 1
            } else {
                text.append(raw[i]); i += 1
            }
        }
        out = String(decoding: text, as: UTF8.self)
        return decodeEntities(out).replacingOccurrences(of: "\u{00A0}", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 else {
                out += "&"; rest = after.dropFirst(); continue
            }
            let name = String(after[after.index(after: after.startIndex)..<semi])
            let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}"]
            if let value = named[name] { out += value }
            else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let s = Unicode.Scalar(code) { out.unicodeScalars.append(s) }
            else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let s = Unicode.Scalar(code) { out.unicodeScalars.append(s) }
            else { out += "&" + name + ";" }
            rest = after[after.index(after: semi)...]
        }
        return out + rest
    }
}
