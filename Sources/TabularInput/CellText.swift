import Foundation

/// The one place that decides how raw cell text is cleaned, so CSV and XLSX
/// rows compare equal when a person typed the same thing.
enum CellText {
    /// NFC so that "ễ" typed on a Mac (decomposed) equals "ễ" typed on
    /// Windows (precomposed); trimmed because stray spaces around names and
    /// amounts are invisible in a spreadsheet and never meaningful.
    static func clean(_ raw: String) -> String {
        raw.precomposedStringWithCanonicalMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `clean` of the text whose UTF-8 bytes are `raw`, building the `String`
    /// once. ASCII text is already NFC, and its only characters in
    /// `whitespacesAndNewlines` are tab, LF, VT, FF, CR and space, so an ASCII
    /// cell is trimmed on its bytes; only cells with other bytes pay for NFC.
    static func clean(utf8 raw: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = raw.baseAddress, isASCII(raw) else {
            return clean(String(decoding: raw, as: UTF8.self))
        }
        var start = 0, end = raw.count
        while start < end && isASCIIWhitespace(base[start]) { start += 1 }
        while end > start && isASCIIWhitespace(base[end - 1]) { end -= 1 }
        if start == end { return "" }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether every byte is below 0x80, eight bytes at a time.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var bits: UInt64 = 0
        while index + 8 <= bytes.count {
            bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            bits |= UInt64(base[index])
            index += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0
    }

    /// A row whose cells are all empty is "blank": exporters write such rows
    /// as `;;;;` or as empty styled cells, and nobody means them as data.
    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy(\.isEmpty)
    }
}
