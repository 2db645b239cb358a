import QRImage
import Testing
import VietQR

@Suite("QR symbols from libqrencode")
struct MatrixTests {
    @Test("the symbol has 17 + 4·version modules, and the version is the smallest that holds the payload at level M",
          arguments: cases)
    func sizeAndVersion(_ testCase: Case) throws {
        let payload = testCase.payload
        let matrix = try QRImage.matrix(for: payload)
        #expect(matrix.size == 17 + 4 * matrix.version)
        #expect(matrix.version == expectedVersion(bytes: payload.utf8.count), "\(payload.utf8.count) bytes")
        #expect(try formatInformation(matrix).level == "M")
    }

    /// Boundaries worked out by hand from the level-M byte capacities: 84 (5-M), 106 (6-M), 122 (7-M).
    /// Level L would put 85…106 bytes in version 5 and Q would need version 7 for 84, so these pin level M down.
    @Test("capacity boundaries of level M", arguments: [(84, 5), (85, 6), (106, 6), (107, 7), (122, 7), (123, 8), (14, 1), (15, 2), (2_331, 40)])
    func boundaries(_ bytes: Int, _ version: Int) throws {
        // Lowercase letters: byte mode either way, and no mode optimisation could squeeze them.
        let matrix = try QRImage.matrix(for: String(repeating: "x", count: bytes))
        #expect(matrix.version == version)
        #expect(matrix.size == 17 + 4 * version)
        #expect(try formatInformation(matrix).level == "M")
    }

    @Test("refusals say why")
    func refusals() {
        #expect(throws: QRImageError.emptyPayload) { try QRImage.matrix(for: "") }
        #expect(throws: QRImageError.payloadTooLong(bytes: 2_332)) { try QRImage.matrix(for: String(repeating: "x", count: 2_332)) }
        #expect(QRImageError.payloadTooLong(bytes: 2_332).description.contains("at most 2331 bytes"))
        #expect(throws: QRImageError.invalidModuleSize(0, imageSide: 0)) { try QRImage.png(try QRImage.matrix(for: "x"), moduleSize: 0) }
        let big = try? QRImage.matrix(for: String(repeating: "x", count: 2_000))
        #expect(throws: QRImageError.self) { try QRImage.png(big!, moduleSize: 32) }
        #expect(QRImageError.invalidModuleSize(32, imageSide: 5_888).description.contains("4096"))
    }

    @Test("byte mode is case-sensitive and keeps every byte, UTF-8 included")
    func caseSensitive() throws {
        #expect(try QRImage.matrix(for: "HP8BU6E28") != QRImage.matrix(for: "hp8bu6e28"))
        #expect(try QRImage.matrix(for: "Đắk Song").version == 1)
    }

    @Test("a hand-made matrix keeps its modules")
    func handMade() {
        let dark = (0..<441).map { $0 % 3 == 0 }
        let matrix = QRMatrix(version: 1, dark: dark)
        #expect(matrix.size == 21)
        #expect(matrix.isDark(x: 0, y: 0) && !matrix.isDark(x: 1, y: 0) && matrix.isDark(x: 0, y: 1))
    }
}

/// The 15-bit format information, read from both copies in the symbol (ISO/IEC 18004 §7.9), checked and unmasked.
func formatInformation(_ matrix: QRMatrix) throws -> (level: String, mask: Int) {
    let size = matrix.size
    func bit(_ x: Int, _ y: Int) -> Int { matrix.isDark(x: x, y: y) ? 1 : 0 }
    var first = 0, second = 0
    // Around the top-left finder: bits 0–5 down column 8, then (8,7), (8,8), (7,8), then bits 9–14 leftwards on row 8.
    for i in 0..<15 {
        let value: Int
        switch i {
        case 0..<6: value = bit(8, i)
        case 6: value = bit(8, 7)
        case 7: value = bit(8, 8)
        case 8: value = bit(7, 8)
        default: value = bit(14 - i, 8)
        }
        first |= value << i
    }
    // The copy split between the top-right (bits 0–7, row 8) and bottom-left (bits 8–14, column 8) finders.
    for i in 0..<15 {
        let value = i < 8 ? bit(size - 1 - i, 8) : bit(8, size - 15 + i)
        second |= value << i
    }
    #expect(first == second, "the two copies of the format information differ")
    #expect(matrix.isDark(x: 8, y: size - 8), "the dark module is missing")
    let unmasked = first ^ 0b101_0100_0001_0010
    // A BCH(15,5) codeword: divisible by x¹⁰ + x⁸ + x⁵ + x⁴ + x² + x + 1.
    var remainder = unmasked
    for shift in stride(from: 4, through: 0, by: -1) where remainder & (1 << (shift + 10)) != 0 {
        remainder ^= 0b101_0011_0111 << shift
    }
    #expect(remainder == 0, "the format information is not a BCH codeword")
    let level = ["M", "L", "H", "Q"][unmasked >> 13]
    return (level, (unmasked >> 10) & 7)
}
