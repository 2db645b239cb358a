import VietQR

/// A CRC-16/CCITT-FALSE written independently of the module's table-driven one: bit by bit,
/// straight from the definition (poly 0x1021, init 0xFFFF, MSB first, no final XOR).
/// Tests compare against it so a shared mistake in table generation cannot pass unnoticed.
enum ReferenceCRC {
    static func bitwise(_ text: String) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in text.utf8 {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1
            }
        }
        return crc
    }

    /// Four uppercase hex digits, padded by hand (not via the module's formatter).
    static func hex(_ crc: UInt16) -> String {
        let digits = String(crc, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// `body` (which must end in "6304") with its CRC appended.
    static func sealed(_ body: String) -> String {
        precondition(body.hasSuffix("6304"), "a payload body ends with the CRC header 6304")
        return body + hex(bitwise(body))
    }
}

/// SplitMix64: a tiny, well-known seeded generator, so generated cases are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func string(from alphabet: [Character], length: ClosedRange<Int>) -> String {
        String((0..<int(length)).map { _ in alphabet[int(0...alphabet.count - 1)] })
    }
}

enum Alphabet {
    static let digits = Array("0123456789")
    static let alphanumeric = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    /// All 95 printable ASCII characters, space through tilde.
    static let printable = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }
}
