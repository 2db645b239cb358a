/// The `_xHHHH_` escape of Office Open XML strings.
///
/// XML 1.0 cannot carry most control characters, and parsers turn a carriage
/// return into a line feed, so Excel writes such characters as `_x000D_`; a
/// literal "_x" that would look like an escape is itself escaped as `_x005F_`.
/// Without decoding, a cell typed with Alt+Enter on Windows would come back
/// with "_x000D_" in it.
enum OOXMLText {
    /// Replaces every `_xHHHH_` with its character, left to right.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let decoded = escape(in: scalars, at: index) {
                result.append(decoded)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// `unescape` of the text whose UTF-8 bytes are `utf8`, building the `String` once; readers call it for
    /// every string, and almost none holds an escape, so the search for "_x" is done on the bytes.
    static func unescape(utf8: [UInt8]) -> String {
        let text = String(decoding: utf8, as: UTF8.self)
        var k = 0
        while k + 1 < utf8.count {
            if utf8[k] == 0x5F && utf8[k + 1] == 0x78 { return unescape(text) }  // "_x"
            k += 1
        }
        return text
    }

    /// Makes text safe for an XML element: XML escapes plus `_xHHHH_` for
    /// characters XML cannot hold and for literal escape look-alikes.
    static func escapeForElement(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "_" where escape(in: scalars, at: index) != nil:
                result += "_x005F_"
            case "\t", "\n":
                result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "_x" + hex4(scalar.value) + "_"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// XML escapes only, for attribute values.
    static func escapeForAttribute(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The character of an `_xHHHH_` escape starting at `index`, if there is one.
    private static func escape(in scalars: [Unicode.Scalar], at index: Int) -> Unicode.Scalar? {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
              scalars[index + 6] == "_" else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[(index + 2)...(index + 5)] {
            guard let digit = hexValue(scalar) else { return nil }
            value = value * 16 + digit
        }
        return Unicode.Scalar(value)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46: scalar.value - 0x41 + 10
        case 0x61...0x66: scalar.value - 0x61 + 10
        default: nil
        }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
