import LedgerCore
import Testing
@testable import Reconciliation

/// Thousands of generated descriptions with 0–3 embedded codes, each written one of the ways the finder
/// reads, wrapped in a random bank envelope: exactly the embedded codes come out.
@Suite("PaymentCodeFinder properties")
struct FinderPropertyTests {
    static let envelopes: [@Sendable (String) -> String] = [
        { $0 },
        { "MBVCB.6987845941.\($0).CT tu 0181000000000 NGUYEN VAN A toi 0011000000000 TRUONG TIEU HOC" },
        { "MBVCB.7018057206.704314.\($0)" },
        { "528221.100924.205606.\($0)" },
        { "0200970422091322563320241ODG844486.53928.225736.\($0)" },
        { "020097040509041008052024HEVJ019980.37909 .100752.Vietcombank:0011001932418:\($0)" },
        { "PARTNER.DIRECT_DEBITS_VCB.MSE.66356036291.20240908.66356036291-0982077748_\($0)" },
        { "TKThe :2209200000000 tai Agribank. \($0) -CTLNHIDI000009835348328-1/1-CRE-002; thoi gian GD:12/09/2024 00:27:35" },
        { "REM Tfr Ac:1770200000 O@L_080005_211601_0_0_510890375_6656 \($0)" },
        { "1234567890123 \($0)" },
        { "MB(622119)(\($0) )" },
        { "\($0) FT24254231958274" },
        { "71739507876-\($0)-CHUYEN TIEN-OQCH30426153-MOMO71739507876MOMO" },
        { "CT nhanh 247 den: \($0)" },
        { "Chuyen tien den tu NAPAS Noi dung: \($0)- 120924-23:21:31 767817 (ct1111)" },
        { "IBFT \($0)" },
    ]

    static let words = [
        "nguyen", "van", "an", "tran", "thi", "bich", "le", "hoang", "phuc", "pham", "minh", "chau", "bao", "anh",
        "Nguyễn", "Thị", "Hương", "Đức", "hoc", "phi", "hoc phi", "HP", "nop HP", "thang 9", "T10", "lop 3A", "lop2B",
        "3A", "be", "con", "chuyen tien", "dong tien", "ky 1", "2024-2025", "0912345678", "FT24254614613083", "cam on",
        "ban tru", "tien an", "HK1", "ck", "ND:", "-", ".", "(me)", "THPT", "unghocactinhbaolu",
    ]

    enum Form: CaseIterable { case whole, leadSeparator, splitPrefix, oneInside, chunked, spacedOut }

    /// Writes `code` one way; returns the text and whether it may be glued to the words before / after it.
    static func write<G: RandomNumberGenerator>(_ code: String, using random: inout G) -> String {
        let cased: String = [code, Mangle.lower(code), Mangle.mixed(code)].randomElement(using: &random)!
        let separator = [" ", ".", "-", "_", "\n"].randomElement(using: &random)!
        let form = Form.allCases.randomElement(using: &random)!
        var body: String
        switch form {
        case .whole: body = cased
        case .leadSeparator: body = Mangle.split(cased, at: 2, with: separator)
        case .splitPrefix: body = Mangle.split(Mangle.split(cased, at: 2, with: separator), at: 1, with: " ")
        case .oneInside: body = Mangle.split(cased, at: Int.random(in: 3...8, using: &random), with: separator)
        case .chunked: body = Mangle.chunked(cased)
        case .spacedOut: body = Mangle.spacedOut(cased)
        }
        // Glue before: only a code written whole or with a separator right after HP.
        if (form == .whole || form == .leadSeparator) && Bool.random(using: &random) {
            body = ["ung", "hocphi", "nop", "be", "T9"].randomElement(using: &random)! + body
        }
        // Glue after: any word when written whole; else a word starting outside the code alphabet.
        if form != .spacedOut && Bool.random(using: &random) {
            body += form == .whole ? ["lop2A", "nguyen", "con", "3A"].randomElement(using: &random)!
                                   : ["lop2A", "lop", "0912"].randomElement(using: &random)!
        }
        return body
    }

    @Test func foundEqualsEmbedded() {
        var random = SeededGenerator(seed: 20_240_910)
        var withCodes = 0
        var generated = 0
        var skipped = 0
        while generated < 4_000 {
            let count = Int.random(in: 0...3, using: &random)
            var embedded: [String] = []
            var parts: [String] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) { parts.append(Self.words.randomElement(using: &random)!) }
            for _ in 0..<count {
                let code = Fixture.code(Int64.random(in: 1..<PaymentCode.capacity, using: &random)).text
                if !embedded.contains(code) { embedded.append(code) }
                let position = Int.random(in: 0...parts.count, using: &random)
                parts.insert(Self.write(code, using: &random), at: position)
                if Int.random(in: 0..<10, using: &random) == 0 {
                    parts.insert(Self.words.randomElement(using: &random)!, at: position + 1)
                }
            }
            let payer = parts.joined(separator: " ")
            var description = Self.envelopes.randomElement(using: &random)!(payer)
            // VietinBank appends a code it recognised, in brackets, in the payer's case.
            if let first = embedded.first, Int.random(in: 0..<5, using: &random) == 0 {
                description += " (" + (Bool.random(using: &random) ? first : first.lowercased()) + ")"
            }
            // Words around a code could, by chance, spell another codeword; such a line has that code
            // literally in it, so it is not a counter-example: skip it (it is rare).
            let background = parts.filter { part in !embedded.contains { BankASCIIish.compact(part).contains($0) } }
                .joined(separator: " ")
            if Fixture.anyCodewordPresent(background) { skipped += 1; continue }
            generated += 1
            if count > 0 { withCodes += 1 }

            let found = PaymentCodeFinder.find(in: description)
            #expect(Set(found.map(\.code.text)) == Set(embedded), "\(description)")
            #expect(found.count == Set(found.map(\.code)).count)
            // Order: as they first appear.
            #expect(found.map(\.utf8Range.lowerBound) == found.map(\.utf8Range.lowerBound).sorted())
            let utf8 = Array(description.utf8)
            for code in found {
                #expect(String(decoding: utf8[code.utf8Range], as: UTF8.self) == code.writtenAs)
                #expect(BankASCIIish.compact(code.writtenAs) == code.code.text, "\(description)")
            }
        }
        #expect(withCodes > 2_500)
        #expect(skipped < 40)
    }
}
