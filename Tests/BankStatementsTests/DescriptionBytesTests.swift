@testable import BankStatements
import Foundation
import LedgerCore
import Testing

/// The MT940 description is built on bytes (ASCII trimmed on its bytes, character counts taken from the bytes
/// of ASCII lines); it must read exactly as the text-based rules do.
@Suite("Descriptions built on bytes")
struct DescriptionBytesTests {
    @Test("cleanDescription(utf8:) equals cleanDescription of the same text, ASCII or not")
    func sameAsText() {
        let pieces = ["nop hoc phi", " ", "\t", "\r\n", "\u{0B}", "\u{0C}", "\r", "\n", "\u{1F}", "\u{00A0}", "\u{2028}",
                      "\u{3000}", "Nguyễn", "be\u{0301}", "e\u{0302}\u{0301}", "ĐẶNG", "🙂", "HP8BU6E28", "", "x"]
        var picks = SeededPicks(seed: 42)
        for _ in 0..<5_000 {
            let text = (0..<picks.next(6)).map { _ in pieces[picks.next(pieces.count)] }.joined()
            let fromBytes = StandardFormats.cleanDescription(utf8: Array(text.utf8)[...])
            let fromText = StandardFormats.cleanDescription(text)
            if fromBytes != fromText || Array(fromBytes.utf8) != Array(fromText.utf8) {
                Issue.record("\(text.debugDescription): \(fromBytes.debugDescription) ≠ \(fromText.debugDescription)")
                return
            }
        }
    }

    @Test(":86: lines are measured in characters: 65 Vietnamese characters continue without a space, 65 bytes do not")
    func vietnameseWidth() throws {
        let sixtyFiveCharacters = String(repeating: "ễ", count: 65)      // 195 bytes
        let sixtyFiveBytes = String(repeating: "ễ", count: 21) + "ab"   // 23 characters
        #expect(Array(sixtyFiveBytes.utf8).count == 65)
        let text = """
            :20:X1
            :25:0011000000000
            :60F:C240909VND0,
            :61:240910C100000,NTRFNONREF//R1
            :86:\(sixtyFiveCharacters)
            next
            :61:240910C100000,NTRFNONREF//R2
            :86:\(sixtyFiveBytes)
            next
            :62F:C240910VND200000,

            """
        let s = try MT940Reader.read(Data(text.utf8), fileName: "v.mt940")
        #expect(s.lines.map(\.description) == [sixtyFiveCharacters + "next", sixtyFiveBytes + " next"])
    }
}
