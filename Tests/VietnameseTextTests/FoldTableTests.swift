import Foundation
import Testing
@testable import VietnameseText

/// The table fold is an optimisation of the definition (NFD, marks dropped, đ/Đ mapped): it must give the
/// same text for every input, or fall back.
@Suite("BankASCII fold table")
struct FoldTableTests {
    @Test("every scalar below U+2000 folds by the table exactly as by decomposition")
    func everyScalar() {
        var covered = 0
        for value in 0..<0x2000 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(Character(scalar))
            let slow = BankASCII.foldByDecomposition(text)
            if let fast = BankASCII.tableFold(text) {
                #expect(fast == slow, "U+\(String(value, radix: 16, uppercase: true))")
                covered += 1
            } else {
                #expect(slow.utf8.count > 1, "U+\(String(value, radix: 16, uppercase: true)) gives up although it folds to one byte or none")
            }
        }
        // Latin, Vietnamese (Latin Extended Additional) and the combining marks are all in the table.
        #expect(covered > 8_000)
        #expect(BankASCII.tableFold("Đỗ Bảo Thắng, lớp 5B\tĐắk Song") == "Do Bao Thang, lop 5B Dak Song")
    }

    @Test("seeded random texts: fold equals the definition, precomposed or decomposed, with scalars beyond the table")
    func randomTexts() {
        let alphabet = Array("aàáảãạăằắẳẵặâầấẩẫậđĐeèéẻẽẹêềếểễệiìíoơờớởỡợôưừứửữựyỳýỷỹỵ AĂÂÊÔƠƯ0123456789.,-_/\t\n\u{00A0}\u{2003}€中ǅß\u{0301}\u{0323}")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<(Int(state >> 59) + 1) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let expected = BankASCII.foldByDecomposition(text)
            #expect(BankASCII.fold(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(BankASCII.fold(text.decomposedStringWithCanonicalMapping) == expected)
        }
    }
}
