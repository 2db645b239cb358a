import Foundation

/// The check `XMLTokenizer` leaves to its callers: it reads names and text as UTF-8 without looking at each
/// sequence, so the bytes must be valid first. One pass, shared by every reader of XML.
public enum UTF8Validation {
    /// Whether every byte is below 0x80, eight bytes at a time: pure ASCII is valid UTF-8 and already NFC, so
    /// readers skip both checks on the common line.
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    /// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values above U+10FFFF
    /// included), or nil. Eight ASCII bytes at a time, the usual case.
    public static func firstInvalid(_ data: Data) -> Int? {
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
