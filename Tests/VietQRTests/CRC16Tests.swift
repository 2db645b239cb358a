import Testing
import VietQR

@Suite("CRC-16/CCITT-FALSE")
struct CRC16Tests {
    @Test("check value of \"123456789\" is 0x29B1 (the catalogue value for CCITT-FALSE)")
    func checkValue() {
        #expect(CRC16.ccittFalse(Array("123456789".utf8)) == 0x29B1)
        #expect(CRC16.ccittFalse("123456789".utf8) == 0x29B1)
    }

    @Test("empty input leaves the init value 0xFFFF (no final XOR)")
    func emptyInput() {
        #expect(CRC16.ccittFalse([UInt8]()) == 0xFFFF)
    }

    @Test("not the look-alike variants: XMODEM (init 0) gives 0x31C3, KERMIT gives 0x2189")
    func notOtherVariants() {
        let value = CRC16.ccittFalse(Array("123456789".utf8))
        #expect(value != 0x31C3)
        #expect(value != 0x2189)
    }

    @Test("table-driven CRC equals an independent bitwise implementation on 500 generated strings")
    func matchesBitwiseReference() {
        var random = SplitMix64(seed: 0x5EED_C4C1)
        for _ in 0..<500 {
            let text = random.string(from: Alphabet.printable, length: 0...160)
            let reference = ReferenceCRC.bitwise(text)
            #expect(CRC16.ccittFalse(Array(text.utf8)) == reference, "\(text)")
            // A non-contiguous sequence takes the generic path; it must agree too.
            #expect(CRC16.ccittFalse(text.utf8.lazy.map { $0 }) == reference, "\(text)")
        }
    }

    @Test("the spec's worked example has CRC 4F52")
    func specExample() {
        let body = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN6304"
        #expect(CRC16.ccittFalse(Array(body.utf8)) == 0x4F52)
    }

    @Test("hex is four uppercase digits, zero-padded", arguments: [
        (UInt16(0x0000), "0000"), (0x0A9C, "0A9C"), (0x0283, "0283"), (0x00FF, "00FF"), (0x000F, "000F"),
        (0xF4E5, "F4E5"), (0xFFFF, "FFFF"), (0x4f52, "4F52"),
    ])
    func hexPadding(value: UInt16, expected: String) {
        #expect(CRC16.hex(value) == expected)
    }
}
