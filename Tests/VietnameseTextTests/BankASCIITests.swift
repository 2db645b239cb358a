import Foundation
import Testing
import VietnameseText

@Suite("BankASCII.fold")
struct BankASCIIFoldTests {
    /// Every Vietnamese vowel with each of the six tones (none, huyền, sắc, hỏi, ngã, nặng), typed precomposed,
    /// and the plain letter it folds to.
    static let vowels: [(String, String)] = [
        ("aàáảãạ", "a"), ("ăằắẳẵặ", "a"), ("âầấẩẫậ", "a"),
        ("eèéẻẽẹ", "e"), ("êềếểễệ", "e"),
        ("iìíỉĩị", "i"),
        ("oòóỏõọ", "o"), ("ôồốổỗộ", "o"), ("ơờớởỡợ", "o"),
        ("uùúủũụ", "u"), ("ưừứửữự", "u"),
        ("yỳýỷỹỵ", "y"),
        ("AÀÁẢÃẠ", "A"), ("ĂẰẮẲẴẶ", "A"), ("ÂẦẤẨẪẬ", "A"),
        ("EÈÉẺẼẸ", "E"), ("ÊỀẾỂỄỆ", "E"),
        ("IÌÍỈĨỊ", "I"),
        ("OÒÓỎÕỌ", "O"), ("ÔỒỐỔỖỘ", "O"), ("ƠỜỚỞỠỢ", "O"),
        ("UÙÚỦŨỤ", "U"), ("ƯỪỨỬỮỰ", "U"),
        ("YỲÝỶỸỴ", "Y"),
    ]

    @Test func everyVowelWithEveryTone() {
        var count = 0
        for (letters, plain) in Self.vowels {
            #expect(letters.count == 6)
            for letter in letters {
                #expect(BankASCII.fold(String(letter)) == plain, "\(letter)")
                // Also when typed decomposed (base letter + combining marks).
                let decomposed = String(letter).decomposedStringWithCanonicalMapping
                #expect(BankASCII.fold(decomposed) == plain, "\(letter) decomposed")
                count += 1
            }
        }
        #expect(count == 144)
    }

    @Test func dStrokeIsALetterOfItsOwn() {
        #expect(BankASCII.fold("đ") == "d")
        #expect(BankASCII.fold("Đ") == "D")
        #expect(BankASCII.fold("Đắk Lắk") == "Dak Lak")
        #expect(BankASCII.fold("đồng") == "dong")
    }

    @Test(arguments: [
        ("Trường Tiểu học Đắk Song", "Truong Tieu hoc Dak Song"),
        ("NGUYỄN", "NGUYEN"),
        ("Nguyễn Thị Ánh Tuyết", "Nguyen Thi Anh Tuyet"),
        ("Điểu Thị H'Linh", "Dieu Thi H'Linh"),
        ("Hồ Chí Minh", "Ho Chi Minh"),
        ("Thừa Thiên Huế", "Thua Thien Hue"),
        ("Bà Rịa – Vũng Tàu", "Ba Ria  Vung Tau"),
        ("Phường 3, Quận 10", "Phuong 3, Quan 10"),
        ("already ASCII 123 !?", "already ASCII 123 !?"),
        ("", ""),
    ])
    func sentences(text: String, folded: String) {
        #expect(BankASCII.fold(text) == folded)
    }

    @Test func resultIsAlwaysASCII() {
        let samples = ["Trường Tiểu học Đắk Song", "Ærø ñ ß 漢字 😀", "Quỳnh Lưu, Nghệ An", "ƯỚC MƠ", "e\u{0301}\u{0323}"]
        for sample in samples {
            #expect(BankASCII.fold(sample).unicodeScalars.allSatisfy { $0.isASCII }, "\(sample)")
        }
        #expect(BankASCII.fold("漢字😀") == "")
        #expect(BankASCII.fold("ñ") == "n")
    }

    /// The doc promises "printable ASCII or spaces": white space becomes a space, other control characters go.
    @Test func controlCharactersAreNotKept() {
        for text in ["Tiền\tăn", "a\nb", "x\u{0007}", "plain\ttab", "cr\r\nlf", "\u{0000}", "del\u{007F}"] {
            #expect(BankASCII.fold(text).unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(text.debugDescription)")
        }
        #expect(BankASCII.fold("Tiền\tăn") == "Tien an")
        #expect(BankASCII.fold("a\nb") == "a b")
        #expect(BankASCII.fold("x\u{0007}y") == "xy")
    }
}

@Suite("BankASCII.matchKey")
struct MatchKeyTests {
    @Test func headersMatchIgnoringCaseMarksSpacesAndUnderscores() {
        let key = BankASCII.matchKey("Mã học sinh")
        #expect(key == "mahocsinh")
        for variant in ["ma_hoc_sinh", "MA HOC SINH", "MÃ HỌC SINH", "  Mã  Học   Sinh ", "Ma\u{0303} ho\u{0323}c sinh", "mã-học-sinh"] {
            #expect(BankASCII.matchKey(variant) == key, "\(variant)")
        }
        #expect(BankASCII.matchKey("SĐT phụ huynh") == "sdtphuhuynh")
        #expect(BankASCII.matchKey("Lớp") == "lop")
        #expect(BankASCII.matchKey("Số tiền (đ)") == "sotiend")
        #expect(BankASCII.matchKey("Mã HS 2") == "mahs2")
        #expect(BankASCII.matchKey("") == "")
        #expect(BankASCII.matchKey("--- ___") == "")
    }

    @Test func differentHeadersDoNotMatch() {
        #expect(BankASCII.matchKey("Mã học sinh") != BankASCII.matchKey("Mã lớp"))
        #expect(BankASCII.matchKey("Họ tên") != BankASCII.matchKey("Họ và tên"))
    }
}

@Suite("VietnameseNormalization")
struct NormalizationTests {
    @Test func nfcComposesDecomposedInput() {
        let decomposed = "Nguye\u{0302}\u{0303}n Va\u{0306}n A\u{0301}nh"
        let composed = "Nguy\u{1EC5}n V\u{0103}n \u{00C1}nh"
        #expect(VietnameseNormalization.nfc(decomposed).unicodeScalars.map(\.value) == composed.unicodeScalars.map(\.value))
        #expect(VietnameseNormalization.nfc(composed).unicodeScalars.map(\.value) == composed.unicodeScalars.map(\.value))
        // Marks in non-canonical order (dot below typed after the circumflex) still compose to ệ.
        #expect(VietnameseNormalization.nfc("e\u{0302}\u{0323}").unicodeScalars.map(\.value) == [0x1EC7])
        #expect(VietnameseNormalization.nfc("e\u{0323}\u{0302}").unicodeScalars.map(\.value) == [0x1EC7])
        #expect(VietnameseNormalization.nfc("d\u{0323}").unicodeScalars.map(\.value) == [0x1E0D])
    }

    @Test func cleanNameTrimsAndCollapsesWhiteSpace() {
        #expect(VietnameseNormalization.cleanName("  Nguyễn   Văn\tAn \n") == "Nguyễn Văn An")
        #expect(VietnameseNormalization.cleanName("Điểu Thị H'Linh") == "Điểu Thị H'Linh")
        #expect(VietnameseNormalization.cleanName("   ") == "")
        #expect(VietnameseNormalization.cleanName("") == "")
        #expect(VietnameseNormalization.cleanName("A\u{00A0}\u{00A0}B") == "A B")
        let cleaned = VietnameseNormalization.cleanName(" Tra\u{0300}n  Thi\u{0323} ")
        #expect(cleaned.unicodeScalars.map(\.value) == "Tr\u{00E0}n Th\u{1ECB}".unicodeScalars.map(\.value))
    }
}
