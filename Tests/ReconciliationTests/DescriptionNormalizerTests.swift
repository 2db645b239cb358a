import Foundation
import LedgerCore
import Testing
@testable import Reconciliation

@Suite("Fixture and DescriptionNormalizer")
struct DescriptionNormalizerTests {
    /// Key (7,654,321, 1,234,567). Serial 1 → 8,888,888 = 9·31⁴ + 19·31³ + 11·31² + 19·31 + 10 → B N D N C;
    /// A = 68, B = 206 → c₂ = 6·68 − 206 = 202 ≡ 16 (J), c₁ = −68 − 16 ≡ 9 (B).
    /// Serial 2 → 16,543,209 = 17,28,9,17,28 → K X B K X; A = 99, B = 308 → c₂ = 286 ≡ 7 (9), c₁ ≡ 18 (M).
    /// Serial 3 → 24,197,530 = 26,6,7,16,15 → V 8 9 J H; A = 70, B = 198 → c₂ = 222 ≡ 5 (7), c₁ ≡ 18 (M).
    @Test func handComputedCodes() {
        #expect(Fixture.code(1).text == Fixture.code1)
        #expect(Fixture.code(2).text == Fixture.code2)
        #expect(Fixture.code(3).text == Fixture.code3)
        for text in [Fixture.code1, Fixture.code2, Fixture.code3] { #expect(Fixture.isCodeword(text)) }
        #expect(!Fixture.isCodeword("HPBNDNCBK"))
    }

    @Test(arguments: [
        ("Học phí  lớp 3A (đợt 1)", "HOC PHI LOP 3A DOT 1"),
        ("  ..Nộp tiền -- cho bé An!! ", "NOP TIEN CHO BE AN"),
        ("NGUYễN VĂN Đức", "NGUYEN VAN DUC"),                         // an ASCII-only upper-casing of Nguyễn
        ("unghocactinhbaolu", "UNGHOCACTINHBAOLU"),
        ("a\tb\nc;d/e", "A B C D E"),
        ("", ""),
        ("-._ ()", ""),
        ("Ủng hộ 💙 miền Trung", "UNG HO MIEN TRUNG"),
    ])
    func foldedText(_ input: String, _ expected: String) {
        #expect(DescriptionNormalizer.normalize(input).text == expected)
        // The same text typed with combining marks folds the same way.
        #expect(DescriptionNormalizer.normalize(input.decomposedStringWithCanonicalMapping).text == expected)
    }

    @Test func separatorsAreSoftOrHard() {
        let normalized = DescriptionNormalizer.normalize("a b.c-d_e(f/g:h")
        #expect(String(decoding: normalized.symbols, as: UTF8.self) == "A B C D E|F|G|H")
        // A hard separator wins over soft ones in the same run.
        #expect(String(decoding: DescriptionNormalizer.normalize("a ( b").symbols, as: UTF8.self) == "A|B")
    }

    @Test func breaksForceHardSeparators() {
        let normalized = DescriptionNormalizer.normalize("abc def", breaks: [2, 4])
        #expect(String(decoding: normalized.symbols, as: UTF8.self) == "AB|C|DEF")
    }

    @Test func symbolsMapBackToTheOriginalText() {
        let text = "Mã: hp 3k7-qx.2m, cảm ơn"
        let normalized = DescriptionNormalizer.normalize(text)
        #expect(normalized.text == "MA HP 3K7 QX 2M CAM ON")
        // M0 A1 _2 H3 P4 _5 3₆ K7 7₈ _9 Q10 X11 _12 2₁₃ M14 _15 C16 A17 M18 _19 O20 N21: the code's nine symbols
        // and four separators are 3…14.
        #expect(normalized.originalText(symbols: 3..<15) == "hp 3k7-qx.2m")
        #expect(normalized.originalText(symbols: 0..<2) == "Mã")
        #expect(normalized.originalText(symbols: 16..<19) == "cảm")
        #expect(normalized.originalText(symbols: 15..<16) == ", ")
        // A decomposed letter keeps its marks.
        let decomposed = "Ca\u{0300}\u{0323} x"
        #expect(DescriptionNormalizer.normalize(decomposed).originalText(symbols: 0..<2) == "Ca\u{0300}\u{0323}")
    }
}
