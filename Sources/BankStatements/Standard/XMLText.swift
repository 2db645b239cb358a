import Foundation
import LedgerCore

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
        if let bad = firstInvalidUTF8(converted) {
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

    /// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values above U+10FFFF
    /// included), or nil. Eight ASCII bytes at a time, the usual case.
    static func firstInvalidUTF8(_ data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let count = raw.count
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
            var i = 0
            while i < count {
                if i + 8 <= count, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
                let b = base[i]
                if b < 0x80 { i += 1; continue }
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return i
                }
                guard i + length <= count else { return i }
                guard base[i + 1] >= low && base[i + 1] <= high else { return i }
                for k in 2..<length where base[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }
}
