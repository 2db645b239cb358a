import Foundation
import LedgerCore
import Testing
@testable import Reconciliation

@Suite("PaymentCodeFinder")
struct PaymentCodeFinderTests {
    static let c1 = Fixture.code1, c2 = Fixture.code2, c3 = Fixture.code3

    static func found(_ description: String) -> [String] { PaymentCodeFinder.find(in: description).map(\.code.text) }

    // MARK: Ways of writing one code

    /// Each writing of `HPBNDNCBJ` / `HPKXBKXM9` / `HPV89JHM7` and the single code expected.
    static let writings: [(String, String)] = [
        ("HPBNDNCBJ", c1),
        ("hpbndncbj", c1),
        ("hPbNdNcBj", c1),
        ("hp bndncbj", c1),                         // a space after HP
        ("HP-BNDNCBJ", c1),
        ("H P BNDNCBJ", c1),                        // a lone H, then P
        ("H PBNDNCBJ", c1),
        ("H-P_BNDNCBJ", c1),
        ("hp bnd-nc.bj", c1),                       // "hp 3k7-qx.2m"
        ("HPBND NCBJ", c1),                         // a PDF wrap
        ("HPBNDNCB J", c1),
        ("HPB.NDNCBJ", c1),
        ("HPBNDNC_BJ", c1),
        ("HP BND NCBJ", c1),
        ("H P B N D N C B J", c1),                  // every symbol apart
        ("H.P.B.N.D.N.C.B.J", c1),
        ("unghocphiHPBNDNCBJlop2A", c1),             // glued on both sides
        ("HPBNDNCBJlop2A", c1),
        ("HPBNDNCBJNGUYENVANAN", c1),               // glued to a name
        ("nopHPBNDNCBJ", c1),
        ("nop hp bndncbjlop 3a", c1),               // a space after HP and glued after
        ("HPBND NCBJlop2A", c1),                    // PDF wrap and glued to a word starting outside the alphabet
        ("HPHPBNDNCBJ", c1),                        // HP typed twice
        ("HPKXBKXM9", c2),
        ("hp kxb-kx.m9", c2),
        ("HPV89JHM7", c3),
        ("hpv89jhm7 con lop 3", c3),
        ("  HP V89 JHM7  ", c3),
        ("HPV89JHM7.", c3),
        ("(HPV89JHM7)", c3),
        ("HPBNĐNCBJ", c1),                          // đ folds to D
        ("HPBNDNCBJ\u{00A0}nguyen", c1),            // a no-break space
        ("HPBND\nNCBJ", c1),                        // a line break from a PDF
    ]

    @Test(arguments: writings.indices)
    func writing(_ index: Int) {
        let (written, expected) = Self.writings[index]
        // Alone, between words, and in every bank envelope.
        let contexts = ["\(written)", "hoc phi \(written) nguyen van an"] + FinderPropertyTests.envelopes.map { $0(written) }
            + FinderPropertyTests.envelopes.map { $0("nop tien \(written) be Lan lop 2A") }
        for context in contexts {
            let codes = PaymentCodeFinder.find(in: context)
            #expect(codes.map(\.code.text) == [expected], "\(context)")
            // Reported as written, at the place it was written.
            if let code = codes.first {
                let utf8 = Array(context.utf8)
                #expect(String(decoding: utf8[code.utf8Range], as: UTF8.self) == code.writtenAs)
                let compact = BankASCIIish.compact(code.writtenAs)
                #expect(compact == expected, "\(code.writtenAs)")
            }
        }
    }

    @Test func writtenAsAndSeparatorCount() throws {
        let code = try #require(PaymentCodeFinder.find(in: "nop tien hp bnd-nc.bj cho be").first)
        #expect(code.writtenAs == "hp bnd-nc.bj")
        #expect(code.separatorCount == 3)
        #expect(code.occurrences == 1)
        let whole = try #require(PaymentCodeFinder.find(in: "nop tien HPBNDNCBJ cho be").first)
        #expect(whole.writtenAs == "HPBNDNCBJ")
        #expect(whole.separatorCount == 0)
        #expect(whole.utf8Range == 9..<18)
    }

    // MARK: Several codes, repeated codes

    @Test func severalCodesInOneLine() {
        #expect(Self.found("HPBNDNCBJ HPKXBKXM9") == [Self.c1, Self.c2])
        #expect(Self.found("hoc phi 2 be: hp kxbkxm9 va HPBNDNCBJ") == [Self.c2, Self.c1])
        #expect(Self.found("HPBNDNCBJ,HPKXBKXM9;hpv89jhm7") == [Self.c1, Self.c2, Self.c3])
        #expect(Self.found("HPBNDNCBJHPKXBKXM9") == [Self.c1, Self.c2])                  // glued together
        #expect(Self.found("T9 HPBNDNCBJ T10 HPBNDNCBJ") == [Self.c1])                    // the same code twice
    }

    @Test func aCodeRepeatedInBracketsCountsOnce() {
        let codes = PaymentCodeFinder.find(in: "CT nhanh 247 den: hpkxbkxm9 Pham Thi D (HPKXBKXM9)")
        #expect(codes.map(\.code.text) == [Self.c2])
        #expect(codes.first?.occurrences == 2)
        #expect(codes.first?.writtenAs == "hpkxbkxm9")
    }

    // MARK: Not codes

    @Test(arguments: [
        "HPBNDNCB",                                  // cut short
        "HPBNDNC",
        "MBVCB.6987845941.HPBNDNCB",
        "HP BNDNCB J2",                              // the last chunk runs on
        "HPB(D(CBJ",
        "HP BND NC BJX",                             // runs on into another code symbol
        "ungHP BND NCBJ",                            // separators inside but HP does not start a word
        "xH PBNDNCBJ",                               // the H is not alone
        "HP B N D NCBJ",                             // three separators among the seven
        "HP(BNDNCBJ",                                // not a separator people put in codes
        "HPBND/NCBJ",
        "HPBND, NCBJ",
        "PHBNDNCBJ",
    ])
    func notACode(_ description: String) {
        #expect(Self.found(description).isEmpty, "\(description)")
    }

    @Test func envelopeEdgesAreHardSeparators() {
        #expect(Self.found("TKThe :2209200000000 tai Agribank. nop HPBNDNCB -CTLNHIDI000009835348328-1/1-CRE-002") == [])
        // Codewords ending in "CT" and in "FT" (searched among the school's codes): cut to seven symbols by the
        // payer's bank, the envelope that follows supplies the last two. Read across the envelope's edge, they
        // would be codes; they are not.
        let endingCT = (1...20_000).lazy.map { Fixture.code(Int64($0)).text }.first { $0.hasSuffix("CT") }!
        let endingFT = (1...20_000).lazy.map { Fixture.code(Int64($0)).text }.first { $0.hasSuffix("FT") }!
        let cutCT = String(endingCT.dropLast(2)), cutFT = String(endingFT.dropLast(2))
        #expect(Self.found("hoc phi \(endingCT)") == [endingCT])
        #expect(Self.found("MBVCB.6987845941.\(cutCT).CT tu 0181000000000 NGUYEN VAN A toi 0011000000000") == [])
        #expect(Self.found("hoc phi \(cutFT)FT24254231958274") == [])
        #expect(Self.found("hoc phi \(endingFT) FT24254231958274") == [endingFT])
    }

    /// Real codewords spread over words in the ways the finder does not read: too many separators, a
    /// separated code that runs on into more code symbols, `HP` inside a word, a lone-H split after a
    /// letter, a separator people do not put in codes. Whatever their check, these are not read as codes.
    @Test func codewordsSpreadOverWordsAreNotRead() {
        var random = SeededGenerator(seed: 5)
        let runOn = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
        var checked = 0
        for _ in 0..<300 {
            let code = Fixture.code(Int64.random(in: 1..<PaymentCode.capacity, using: &random)).text
            let c = Array(code)
            let body = String(c[2...])
            let x = String(runOn.randomElement(using: &random)!)
            func part(_ range: ClosedRange<Int>) -> String { String(c[range]) }
            var spread: [String] = []
            spread.append("HP " + part(2...3) + " " + part(4...5) + " " + part(6...7) + " " + part(8...8))   // 4 chunks
            spread.append("HP " + part(2...4) + " " + part(5...8) + x)                                      // runs on
            spread.append("HP " + body + x)                                                                 // "HP NGUYENVANANH"
            spread.append("HP" + part(2...5) + " " + part(6...8) + x + "A")
            spread.append("nopHP " + part(2...4) + " " + part(5...8))                                       // HP inside a word
            spread.append("xH P" + body)                                                                    // H not alone
            spread.append("HP " + part(2...4) + "/" + part(5...8))                                          // a slash
            spread.append("HP(" + body + ")")
            spread.append("HP, " + body)
            for text in spread {
                for context in ["\(text)", "thanh toan \(text) nguyen van an", "MBVCB.6987845941.\(text).CT tu 0181000000000"] {
                    #expect(Self.found(context).isEmpty, "\(context)")
                    checked += 1
                }
            }
        }
        #expect(checked == 300 * 9 * 3)
    }

    // MARK: Mistyped codes

    @Test func mistypedCodesAreCandidatesNeverCodes() {
        // HPKXBKXM9 with its 5th symbol B → C: fails its check.
        let result = PaymentCodeFinder.search(in: "hoc phi HPKXBCXM9 lop 3A")
        #expect(result.codes.isEmpty)
        #expect(result.invalidCandidates.map(\.text) == ["HPKXBCXM9"])
        #expect(result.invalidCandidates.first?.writtenAs == "HPKXBCXM9")
        // A confusable (O for 0, I for 1…) is outside the alphabet: not a code, not a candidate.
        #expect(PaymentCodeFinder.search(in: "HPKXBKXMO").invalidCandidates.isEmpty)
        // No digit among the seven: could be a word ("HP ANHTUAN"), so not reported — even when it is one
        // typo away from a code (HPBNDNCBJ with J → K), as a digit-less code cannot be told from a word.
        #expect(PaymentCodeFinder.search(in: "HP ANHTUAN").invalidCandidates.isEmpty)
        #expect(PaymentCodeFinder.search(in: "hoc phi HPBNDNCBK").invalidCandidates.isEmpty)
        #expect(PaymentCodeFinder.search(in: "hoc phi HPBNDNCBK").codes.isEmpty)
        // Two wrong symbols: HPKXBKXM9 → HPMYBKXM9 (K→M +1 at position 1, X→Y +1 at position 2) leaves syndromes
        // (2, 1 + 2 = 3); 3/2 ≡ 3·16 ≡ 17 (mod 31) is no position 1…7, so it does not look like one typo.
        #expect(PaymentCodeFinder.search(in: "HPMYBKXM9").invalidCandidates.isEmpty)
        #expect(PaymentCodeFinder.search(in: "HPMYBKXM9").codes.isEmpty)
        // Words with a digit, spread over separators: not reported ("HP thang 5C").
        #expect(PaymentCodeFinder.search(in: "HP thang 5C").invalidCandidates.isEmpty)
        // Running on into more code symbols: not reported.
        #expect(PaymentCodeFinder.search(in: "HPKXBCXM9NGUYEN").invalidCandidates.isEmpty)
        // A valid code next to a mistyped one: the valid one is found, the mistyped one reported.
        let both = PaymentCodeFinder.search(in: "HPBNDNCBJ HPKXBCXM9")
        #expect(both.codes.map(\.code.text) == [Self.c1])
        #expect(both.invalidCandidates.map(\.text) == ["HPKXBCXM9"])
    }

    /// The heart of it: every single-symbol substitution and every swap of neighbours of an embedded code,
    /// in every context, yields no valid code.
    @Test func everySubstitutionAndSwapYieldsNoCode() {
        let contexts: [(String) -> String] = [
            { $0 },
            { "MBVCB.6987845941.\($0) nguyen van an lop 3A.CT tu 0181000000000 NGUYEN VAN A toi 0011000000000 TRUONG TH" },
            { "TKThe :2209200000000 tai Agribank. hoc phi \($0) -CTLNHIDI000009835348328-1/1-CRE-002; thoi gian GD:12/09/2024" },
            { "unghocphi\($0)lop2A" },
            { "CT nhanh 247 den: Tran Thi B \($0) con Le Van C (\($0))" },
        ]
        var serials: [Int64] = [1, 2, 3]
        var random = SeededGenerator(seed: 42)
        for _ in 0..<9 { serials.append(Int64.random(in: 1..<PaymentCode.capacity, using: &random)) }
        var checked = 0
        var reported = 0
        for serial in serials {
            let code = Array(Fixture.code(serial).text)
            var variants: [String] = []
            for position in 2..<9 {
                for symbol in Fixture.symbols + Fixture.confusables where symbol != code[position] {
                    var changed = code
                    changed[position] = symbol
                    variants.append(String(changed))
                }
            }
            for position in 1..<8 where code[position] != code[position + 1] {
                var swapped = code
                swapped.swapAt(position, position + 1)
                variants.append(String(swapped))
            }
            for variant in variants {
                #expect(!Fixture.isCodeword(variant), "\(variant)")
                for context in contexts {
                    let description = context(variant)
                    let result = PaymentCodeFinder.search(in: description)
                    #expect(result.codes.isEmpty, "\(description) → \(result.codes.map(\.code.text))")
                    checked += 1
                    // Written whole, in the alphabet, with a digit: reported as mistyped.
                    let inAlphabet = variant.dropFirst(2).allSatisfy { Fixture.symbols.contains($0) }
                    if variant.hasPrefix("HP") && inAlphabet && variant.contains(where: \.isNumber) {
                        #expect(result.invalidCandidates.map(\.text).contains(variant), "\(description)")
                        reported += 1
                    }
                }
            }
        }
        #expect(checked > 10_000)
        #expect(reported > 1_000)
    }

    // MARK: Descriptions without codes

    /// A few hundred realistic descriptions without a code: no valid code may come out.
    @Test func noFalseCodesInRealisticDescriptions() {
        var descriptions: [String] = []
        let payers = [
            "NGUYEN VAN AN chuyen tien", "hoc phi thang 9 be An lop 3A", "nop HP T9 cho chau Minh", "HP thang 9 be Bao Anh",
            "dong tien hoc ky 1 nam hoc 2024-2025", "HP THANG 9 BE AN", "HP T9 AN NAM", "HP ANH TUAN", "HP CHAU ANH",
            "Tran Thi Thanh Huong nop hoc phi", "THANH PHAM chuyen khoan", "HPHUONG", "ANH PHUONG hoc phi",
            "truong THPT NGUYEN DU", "unghocactinhbaolu", "nguyenthanhphamlop3a", "hocphilop2Bthang10",
            "PHAM THANH HUYEN lop 5A2", "tien an ban tru thang 9", "0912345678 chuyen tien", "FT24254614613083",
            "Le Hoang Phuc HP ky 1", "HP HK1 be Gia Han", "HPBND", "HP 2024 2025", "bé Ngọc Hân lớp 1B đóng học phí",
            "Đặng Phương Thảo chuyển tiền học phí tháng 10", "HP KY 2 NGUYEN THANH TAM", "H P THANG 9",
            "HPTHANG9BEAN", "HP MAY 2024", "phu huynh be Khanh Hung nop HP", "HP: lop 4C", "nop HP-T9-be Nam",
            "hp t9 be an lop 2a", "HP BE NGA", "HPNGUYENVANAN", "HP TRUONG TH KIM DONG", "thanh toan HP qua VNPAY",
            "HP bán trú tháng 9 + tiền ăn", "ung ho quy lop", "HP Q3 2024 CHAU BAO", "CHPT 2024", "THPHAN VAN KHOE",
        ]
        let envelopes: [(String) -> String] = [
            { $0 },
            { "MBVCB.6987845941.\($0).CT tu 0181000000000 NGUYEN VAN A toi 0011000000000 TRUONG TIEU HOC HOA PHU" },
            { "528221.100924.205606.\($0)" },
            { "0200970422091322563320241ODG844486.53928.225736.\($0)" },
            { "PARTNER.DIRECT_DEBITS_VCB.MSE.66356036291.20240908.66356036291-0982077748_\($0)" },
            { "TKThe :2209200000000 tai Agribank. \($0) -CTLNHIDI000009835348328-1/1-CRE-002; thoi gian GD:12/09/2024 00:27:35" },
            { "REM Tfr Ac:1770200000 O@L_080005_211601_0_0_510890375_6656 \($0)" },
            { "1234567890123 \($0)" },
            { "MB(622119)(\($0) )" },
            { "\($0) FT24254231958274" },
            { "CT nhanh 247 den: \($0) (CT1111)" },
            { "Chuyen tien den tu NAPAS Noi dung: \($0)- 120924-23:21:31 767817 (ct1111)" },
        ]
        for payer in payers { for envelope in envelopes { descriptions.append(envelope(payer)) } }
        // "HP" glued to random symbols, kept only when no reading of it at all is a codeword.
        var random = SeededGenerator(seed: 7)
        let pool = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ01ILO  .-hp")
        while descriptions.count < 900 {
            let tail = String((0..<Int.random(in: 5...14, using: &random)).map { _ in pool.randomElement(using: &random)! })
            let text = ["HP", "hp", "HPHUONG", "THPT"].randomElement(using: &random)! + tail + " nguyen van an"
            if Fixture.anyCodewordPresent(text) { continue }
            descriptions.append(text)
        }
        #expect(descriptions.count >= 900)
        for description in descriptions {
            #expect(!Fixture.anyCodewordPresent(description), "\(description)")
            #expect(PaymentCodeFinder.find(in: description).isEmpty, "\(description)")
        }
    }
}

/// Test-side folding of what the finder reports: upper case, diacritics off, separators out.
enum BankASCIIish {
    static func compact(_ text: String) -> String {
        String(text.folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "D").uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }
}
