import Foundation

/// Turns the bytes of a text file into a `String`, guessing the encoding the
/// way the files schools actually have require.
///
/// Excel alone produces three variants of "CSV": "CSV UTF-8" (UTF-8 with a
/// byte-order mark), "Unicode Text" (UTF-16 LE with a BOM) and plain "CSV",
/// which on a Vietnamese Windows is Windows-1258. Other tools write UTF-8
/// without a BOM. A BOM is trusted; without one, valid UTF-8 is UTF-8 (random
/// Windows-1258 text is practically never valid UTF-8), and anything else is
/// tried as Windows-1258. Bytes that fit neither are refused rather than
/// turned into mojibake that would end up in a student's name.
enum TextDecoding {
    enum Encoding: Sendable, Equatable {
        case utf8, utf16LittleEndian, utf16BigEndian, windows1258
    }

    struct Decoded: Sendable, Equatable {
        let text: String
        let encoding: Encoding
    }

    static func decode(_ data: Data) throws(ReadFailure) -> Decoded {
        try withUTF8Text(of: data) { bytes, encoding throws(ReadFailure) in
            Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: encoding)
        }
    }

    /// Calls `body` with the text of `data` as UTF-8 bytes (always valid,
    /// without a BOM, without NUL) and the encoding it was found in.
    ///
    /// A UTF-8 file is handed over as the bytes of `data` themselves, only
    /// validated: a bank statement can be many megabytes, and copying it into
    /// a `String` cost more than parsing it. UTF-16 and Windows-1258 text is
    /// transcoded to a `String` first and its UTF-8 storage handed over.
    static func withUTF8Text<R>(
        of data: Data, _ body: (UnsafeBufferPointer<UInt8>, Encoding) throws(ReadFailure) -> R
    ) throws(ReadFailure) -> R {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(ReadFailure) -> R in
                try withUTF8Text(of: raw.bindMemory(to: UInt8.self), body)
            }
        }
        return try result.get()
    }

    private static func withUTF8Text<R>(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Encoding) throws(ReadFailure) -> R
    ) throws(ReadFailure) -> R {
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
        var text: String
        let encoding: Encoding
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
            throw ReadFailure("the file is UTF-32 text, which is not supported; save it as “CSV UTF-8”")
        } else if bytes.starts(with: utf8BOM) {
            let body8 = UnsafeBufferPointer(rebasing: bytes[3...])
            guard isValidUTF8(body8) else {
                let body = [UInt8](body8)[...]
                let line = lineNumber(in: body, at: firstInvalidUTF8Offset(in: body))
                throw ReadFailure("the file says it is UTF-8 (it starts with a byte-order mark) "
                    + "but line \(line) is not valid UTF-8; the file may be damaged")
            }
            return try checkedUTF8(body8, .utf8, body)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            (text, encoding) = (try utf16([UInt8](bytes)[2...], bigEndian: false), .utf16LittleEndian)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            (text, encoding) = (try utf16([UInt8](bytes)[2...], bigEndian: true), .utf16BigEndian)
        } else if isValidUTF8(bytes) {
            return try checkedUTF8(bytes, .utf8, body)
        } else {
            switch Windows1258.decode(bytes) {
            case .success(let decoded):
                // The code page stores tone marks as combining characters.
                (text, encoding) = (decoded.precomposedStringWithCanonicalMapping, .windows1258)
            case .failure(let undefined):
                let line = lineNumber(in: [UInt8](bytes)[...], at: undefined.offset)
                let hex = String(undefined.byte, radix: 16, uppercase: true)
                throw ReadFailure("the text on line \(line) is neither UTF-8 nor Windows-1258 "
                    + "(byte 0x\(hex)); save the file as “CSV UTF-8” and try again")
            }
        }
        let transcoded = text.withUTF8 { utf8 in
            Result { () throws(ReadFailure) -> R in try checkedUTF8(utf8, encoding, body) }
        }
        return try transcoded.get()
    }

    /// Refuses text holding U+0000, then calls `body`. In UTF-8 a zero byte
    /// is always that character (never part of a longer sequence).
    private static func checkedUTF8<R>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ encoding: Encoding,
        _ body: (UnsafeBufferPointer<UInt8>, Encoding) throws(ReadFailure) -> R
    ) throws(ReadFailure) -> R {
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil {
            // UTF-16 without a BOM, or not text at all (a PDF, an image…).
            throw ReadFailure("the file contains NUL characters, so it is not CSV text "
                + "(it may be a binary file, or UTF-16 text without a byte-order mark); "
                + "save it as “CSV UTF-8” or .xlsx")
        }
        return try body(bytes, encoding)
    }

    /// Strict UTF-8: every byte is part of a valid sequence.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            // Validates in place, many times faster than building a String.
            return (try? UTF8Span(validating: bytes.span)) != nil
        }
        // `String(decoding:)` repairs silently; comparing its bytes back is
        // the portable way to detect that it had to.
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.count == bytes.count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(bytes) } ?? text.utf8.elementsEqual(bytes)
    }

    /// Strict UTF-16 with the given byte order.
    static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(ReadFailure) -> String {
        guard bytes.count.isMultiple(of: 2) else {
            throw ReadFailure("the file is UTF-16 text with an odd number of bytes; it is truncated or damaged")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        guard text.utf16.elementsEqual(units) else {
            let badUnit = firstUnpairedSurrogate(in: units)
            let line = units[..<badUnit].lazy.filter { $0 == 0x0A }.count + 1
            throw ReadFailure("line \(line) is not valid UTF-16 text; the file may be damaged")
        }
        return text
    }

    /// Index of the first unit that breaks UTF-16 (a lone surrogate).
    static func firstUnpairedSurrogate(in units: [UInt16]) -> Int {
        var index = 0
        while index < units.count {
            switch units[index] {
            case 0xD800...0xDBFF:
                guard index + 1 < units.count, (0xDC00...0xDFFF).contains(units[index + 1]) else { return index }
                index += 2
            case 0xDC00...0xDFFF:
                return index
            default:
                index += 1
            }
        }
        return units.count
    }

    /// Offset of the first byte that breaks UTF-8, for the error message.
    static func firstInvalidUTF8Offset(in bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// 1-based line of a byte offset; people locate text by line, not offset.
    static func lineNumber(in bytes: ArraySlice<UInt8>, at offset: Int) -> Int {
        let end = bytes.index(bytes.startIndex, offsetBy: min(offset, bytes.count))
        return bytes[bytes.startIndex..<end].lazy.filter { $0 == 0x0A }.count + 1
    }
}
