import Testing
@testable import Reconciliation

@Suite("BankEnvelope")
struct BankEnvelopeTests {
    /// Every shape of `bank-statements.md` (and those seen in public parsers of the same statements), with the
    /// payer's text and the envelope names expected.
    static let shapes: [(description: String, payer: String, names: [String])] = [
        ("MBVCB.6987845941.HPBNDNCBJ nguyen van an lop 3A.CT tu 0181000000000 NGUYEN VAN A toi 0011000000000 TRUONG TIEU HOC",
         "HPBNDNCBJ nguyen van an lop 3A", ["MBVCB"]),
        ("MBVCB.7027766531.trong tk cua e con", "trong tk cua e con", ["MBVCB"]),
        ("MBVCB.6977080089.NGUYEN THI THANH BINH chuyen tien.CT tu 0011004397323 NGUYEN THI THANH BINH toi",
         "NGUYEN THI THANH BINH chuyen tien", ["MBVCB"]),
        ("528221.100924.205606.HPKXBKXM9 hoc phi", "HPKXBKXM9 hoc phi", ["VCB ref"]),
        ("0200970422091322563320241ODG844486.53928.225736.hp v89-jhm7 tran thi b", "hp v89-jhm7 tran thi b", ["VCB NAPAS"]),
        ("020097040509041008052024HEVJ019980.37909 .100752.Vietcombank:0011001932418:TRAN THI ANH NGUYET chuyen tien",
         "TRAN THI ANH NGUYET chuyen tien", ["VCB NAPAS"]),
        ("020097042209081718272024FNGV372976.1905 7.171828.LE DIEU LINH ung ho", "LE DIEU LINH ung ho", ["VCB NAPAS"]),
        ("PARTNER.DIRECT_DEBITS_VCB.MSE.66356036291.20240908.66356036291-0982077748_HPBNDNCBJ dong hoc phi",
         "HPBNDNCBJ dong hoc phi", ["VCB PARTNER MSE"]),
        ("PARTNER.DIRECT_DEBITS_VCB.MSE..38803349523.38803349523-0936734440-DATN10021", "DATN10021", ["VCB PARTNER MSE"]),
        ("PARTNER.DIRECT_DEBITS_VCB.ZLP.ZP6R 34H953F5.20240901.Nguyet chuyen tien qua Zalopay",
         "Nguyet chuyen tien qua Zalopay", ["VCB PARTNER"]),
        ("TKThe :2209200000000 tai Agribank. HPKXBKXM9 Le Van C -CTLNHIDI000009835348328-1/1-CRE-002; thoi gian GD:12/09/2024 00:27:35",
         "HPKXBKXM9 Le Van C", ["BIDV TKThe"]),
        ("HPKXBKXM9 Le Van C -CTLNHIDI000009835348328-1/1-CRE-002; thoi gian GD:12/09/2024 00:27:35",
         "HPKXBKXM9 Le Van C", ["BIDV CTLNHIDI"]),
        ("REM Tfr Ac:1770200000 O@L_080005_211601_0_0_510890375_6656 HPV89JHM7 hoc phi thang 9",
         "HPV89JHM7 hoc phi thang 9", ["BIDV REM"]),
        ("1234567890123 HPBNDNCBJ nop tien", "HPBNDNCBJ nop tien", ["account number"]),
        ("MB(622119)(HPBNDNCBJ hoc phi be An )", "HPBNDNCBJ hoc phi be An", ["Agribank MB"]),
        ("unghocphiHPBNDNCBJ FT24254231958274", "unghocphiHPBNDNCBJ", ["FT reference"]),
        ("NGUYEN VAN A chuyen tien qua MoMo", "NGUYEN VAN A", ["MoMo"]),
        ("71739507876-TRAN LE HOANG GIANG chuyen tien qua MoMo-CHUYEN TIEN-OQCH30426153-MOMO71739507876MOMO",
         "TRAN LE HOANG GIANG", ["MoMo", "MoMo"]),
        ("66693414954-0329756310-NGOC THI PHUONG chuyen tien qua MoMo; thoi gian GD:12/09/2024 23:19:07",
         "NGOC THI PHUONG", ["BIDV thoi gian GD", "MoMo", "MoMo"]),
        ("CT nhanh 247 den: HPKXBKXM9 Pham Thi D (HPKXBKXM9)", "HPKXBKXM9 Pham Thi D",
         ["VietinBank CT nhanh 247", "VietinBank bracket"]),
        ("Chuyen tien den tu NAPAS Noi dung: TRAN NGOC KHUE TU CHUYEN KHOAN- 120924-23:21:31 767817 (ct1111)",
         "TRAN NGOC KHUE TU CHUYEN KHOAN", ["VietinBank NAPAS", "VietinBank bracket", "NAPAS trace"]),
        ("CT nhanh 247 den: MBVCB.7018057206.704314.HO YEN NHI chia se voi dong bao bi lu lut.",
         "HO YEN NHI chia se voi dong bao bi lu lut.", ["VietinBank CT nhanh 247", "MBVCB"]),
        ("IBFT HPV89JHM7 nguyen van b", "HPV89JHM7 nguyen van b", ["IBFT"]),
        ("NHAN TU 069704410592 TRACE 382348 ND TRAN THANH DO chuyen tien qua MoMo", "TRAN THANH DO", ["MoMo", "NHAN TU TRACE"]),
        ("  hoc phi HPBNDNCBJ  ", "hoc phi HPBNDNCBJ", []),
        ("", "", []),
        // Lower case envelope words are still envelopes.
        ("mbvcb.6987845941.hp bndncbj.ct tu 0181000000000", "hp bndncbj", ["MBVCB"]),
        // Look-alikes that are not envelopes are left alone.
        ("MBVCB hoc phi", "MBVCB hoc phi", []),
        ("IBFTX 123", "IBFTX 123", []),
        ("Lop 3A (lop3A)", "Lop 3A (lop3A)", []),
    ]

    @Test(arguments: shapes.indices)
    func shape(_ index: Int) {
        let (description, payer, names) = Self.shapes[index]
        let match = BankEnvelope.strip(description)
        #expect(match.payerText == payer, "\(description)")
        #expect(match.names == names, "\(description)")
        #expect(match.name == (names.isEmpty ? nil : names.joined(separator: " + ")))
        let utf8 = Array(description.utf8)
        #expect(String(decoding: utf8[match.payerUTF8Range], as: UTF8.self) == payer)
        for boundary in match.boundaries { #expect((0...utf8.count).contains(boundary)) }
    }

    @Test func everySuffixRuleCanBeFoundFromTheRight() {
        // `findSuffix` skips start positions quickly by a suffix's first literal; rules keep to that shape.
        for rule in BankEnvelope.rules {
            #expect(!rule.name.isEmpty && !rule.bank.isEmpty)
            if let suffix = rule.suffix, let first = suffix.first {
                switch first {
                case .literal, .oneOf: break
                default: Issue.record("rule \(rule.name): a suffix should begin with a literal or one-of")
                }
            }
        }
    }

    /// `strip` only tries the rules its byte index allows; trying every rule in order must give the same.
    @Test func theRuleIndexChangesNothing() {
        var random = SeededGenerator(seed: 99)
        var texts = Self.shapes.map(\.description)
        let pieces = ["MBVCB.", "123456789", ".", " ", "-", "(", ")", "CT tu ", "HP", "BND", "ct1111", ":", "FT",
                      "24254231958274", "IBFT", "tai Agribank.", "TKThe :", "MoMo", "chuyen tien qua", ";", "thoi gian GD",
                      "REM Tfr Ac:", "O@L_1_2", "MB(", "Noi dung:", "_", "NGUYEN", "ễ"]
        for _ in 0..<3_000 {
            texts.append((0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for text in texts {
            #expect(BankEnvelope.strip(text).names == Self.slowStrip(text), "\(text)")
        }
    }

    /// Every rule tried in order, each round, without the index.
    static func slowStrip(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var lower = 0, upper = buffer.count
            BankEnvelope.trim(buffer, &lower, &upper)
            var names: [String] = []
            layers: for _ in 0..<BankEnvelope.maxLayers {
                for rule in BankEnvelope.rules {
                    guard let (newLower, newUpper) = rule.apply(buffer, lower, upper, present: .all) else { continue }
                    names.append(rule.name)
                    var a = newLower, b = newUpper
                    BankEnvelope.trim(buffer, &a, &b)
                    lower = a
                    upper = max(a, b)
                    continue layers
                }
                break
            }
            return names
        }
    }

    @Test func boundariesSitBetweenEnvelopeAndPayer() {
        let text = "MBVCB.6987845941.HPBNDNCBJ.CT tu 0181000000000"
        let match = BankEnvelope.strip(text)
        let prefixEnd = Array(text.utf8).firstIndex(of: UInt8(ascii: "H"))!
        #expect(match.boundaries == [prefixEnd, prefixEnd + 9])
    }
}
