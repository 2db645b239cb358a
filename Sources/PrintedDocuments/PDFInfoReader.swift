/// Reads a text entry (`/Keywords`, `/Title`…) of a PDF's document Info dictionary straight from the file's bytes.
///
/// cairo writes the Info dictionary as a plain, uncompressed object near the end of the file, so a byte search
/// finds it without a PDF library. cairo 1.16 writes a string as a literal `(…)` when it is printable ASCII
/// without parentheses or backslashes, and otherwise as UTF-16BE hex `<FEFF…>`; both forms, with every escape
/// of the PDF syntax (ISO 32000-1 §7.3.4), are read here, so text written by other tools also comes back.
struct PDFInfoReader {
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The value of `/key` in the last Info dictionary (an incremental update appends a newer one), or `nil`.
    func string(for key: String) -> String? {
        let name = Array("/\(key)".utf8)
        guard bytes.count > name.count else { return nil }
        var index = bytes.count - name.count
        while index >= 0 {
            if bytes[index] == name[0], bytes[index..<index + name.count].elementsEqual(name) {
                let after = index + name.count
                // `/Keywords` must end there (not `/KeywordsX`): next comes whitespace or a delimiter.
                if after < bytes.count, !Self.isRegular(bytes[after]), let value = value(at: after) {
                    return value
                }
            }
            index -= 1
        }
        return nil
    }

    /// The string object starting at `start` after optional whitespace.
    private func value(at start: Int) -> String? {
        var index = start
        while index < bytes.count, Self.isWhitespace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return nil }
        let raw: [UInt8]?
        switch bytes[index] {
        case UInt8(ascii: "("): raw = literal(from: index + 1)
        case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "<"): raw = hex(from: index + 1)
        default: raw = nil
        }
        return raw.map(Self.decode)
    }

    /// A literal string's bytes up to its balancing `)`, escapes resolved.
    private func literal(from start: Int) -> [UInt8]? {
        var out: [UInt8] = []
        var depth = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(escaped - UInt8(ascii: "0"))
                    var digits = 1
                    while digits < 3, index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index]) {
                        value = value * 8 + Int(bytes[index] - UInt8(ascii: "0"))
                        index += 1
                        digits += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                case 0x0D:  // a backslash before an end of line continues the string on the next line
                    if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                case 0x0A:
                    break
                default:  // \( \) \\ and any other character stand for themselves
                    out.append(escaped)
                }
            case UInt8(ascii: "("):
                depth += 1
                out.append(byte)
            case UInt8(ascii: ")"):
                if depth == 0 { return out }
                depth -= 1
                out.append(byte)
            default:
                out.append(byte)
            }
        }
        return nil
    }

    /// A hex string's bytes up to `>`; whitespace is ignored and an odd last digit is followed by 0.
    private func hex(from start: Int) -> [UInt8]? {
        var out: [UInt8] = []
        var high: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ">") {
                if let high { out.append(high << 4) }
                return out
            }
            if Self.isWhitespace(byte) { continue }
            guard let digit = Self.hexValue(byte) else { return nil }
            if let pending = high {
                out.append(pending << 4 | digit)
                high = nil
            } else {
                high = digit
            }
        }
        return nil
    }

    /// Text strings are UTF-16BE after a `FE FF` mark, else PDFDocEncoding (ASCII for what cairo writes literally).
    private static func decode(_ raw: [UInt8]) -> String {
        if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
            var units: [UInt16] = []
            var index = 2
            while index + 1 < raw.count {
                units.append(UInt16(raw[index]) << 8 | UInt16(raw[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {  // PDF 2.0 allows UTF-8 with a mark
            return String(decoding: raw.dropFirst(3), as: UTF8.self)
        }
        // PDFDocEncoding agrees with Latin-1 for everything a receipt's ASCII text holds.
        return String(raw.map { Character(Unicode.Scalar($0)) })
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    /// Neither whitespace nor a delimiter: a byte that would continue a name.
    private static func isRegular(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && !"()<>[]{}/%".utf8.contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
