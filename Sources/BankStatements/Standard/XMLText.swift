import Foundation
import LedgerCore
import XMLScan

/// The bytes of an XML statement as the UTF-8 `XMLTokenizer` reads, and lines for its errors.
///
/// Files in UTF-8 (with or without a byte-order mark, or declared US-ASCII) are used as they are, after a check
/// that they are valid UTF-8; UTF-16 (by its byte-order mark), ISO-8859-1 and windows-1252 (by the XML
/// declaration) are converted. Any other declared encoding is refused by name rather than misread.
enum XMLText {
    static func utf8(_ data: Data, fileName: String) throws(StatementError) -> Data {
        let converted: Data
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw StatementError(fileName: fileName, reason: "the text is not UTF-16, as its byte-order mark says")
            }
            converted = Data(text.utf8)
        } else {
            let declared = declaredEncoding(data)
            switch declared?.lowercased() {
            case nil, "utf-8", "utf8", "us-ascii", "ascii": converted = data
            case "iso-8859-1", "latin1", "iso_8859-1", "windows-1252", "cp1252":
                let latin1 = declared!.lowercased().contains("8859") || declared!.lowercased() == "latin1"
                guard let text = String(data: data, encoding: latin1 ? .isoLatin1 : .windowsCP1252) else {
                    throw StatementError(fileName: fileName, reason: "the text is not \(declared!), as it declares")
                }
                converted = Data(text.utf8)
            default:
                throw StatementError(fileName: fileName, place: "line 1", field: nil,
                                     reason: "encoding \"\(declared!)\" is not supported: save the file as UTF-8")
            }
        }
        if let bad = UTF8Validation.firstInvalid(converted) {
            throw StatementError(fileName: fileName, place: "line \(line(of: bad, in: converted))", field: nil,
                                 reason: "the text is not UTF-8")
        }
        return converted
    }

    /// The 1-based line of byte `offset`: line feeds before it, plus one. Only for errors, so a plain count.
    static func line(of offset: Int, in data: Data) -> Int {
        data.withUnsafeBytes { raw in
            var lines = 1
            for b in raw.prefix(offset) where b == 0x0A { lines += 1 }
            return lines
        }
    }

    /// `encoding="…"` in an XML declaration at the start, if any.
    static func declaredEncoding(_ data: Data) -> String? {
        let head = Array(data.prefix(200))
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard head[start...].starts(with: Array("<?xml".utf8)), let end = head.firstRange(of: Array("?>".utf8)) else {
            return nil
        }
        let declaration = String(decoding: head[start..<end.lowerBound], as: UTF8.self)
        guard let key = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[key.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}
