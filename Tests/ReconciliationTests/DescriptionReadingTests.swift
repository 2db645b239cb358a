import Testing
@testable import Reconciliation

@Suite("DescriptionReading")
struct DescriptionReadingTests {
    @Test func readsEnvelopeCodeAndHints() throws {
        let reading = DescriptionReading(
            "MBVCB.6987845941.hp bnd-nc.bj Nguyễn Văn An lớp 3A.CT tu 0181000000000 NGUYEN VAN A toi 0011000000000 TRUONG TH")
        #expect(reading.payerText == "hp bnd-nc.bj Nguyễn Văn An lớp 3A")
        #expect(reading.envelope == ["MBVCB"])
        #expect(reading.envelopeName == "MBVCB")
        #expect(reading.codes.map(\.code.text) == [Fixture.code1])
        #expect(reading.invalidCandidates.isEmpty)
        #expect(reading.foldedText == "NGUYEN VAN AN LOP 3A")
        #expect(reading.classMentions == [ClassMention(name: "3A", grade: 3, afterWordLop: true)])
        #expect(try reading.reason(for: #require(reading.codes.first))
            == "code HPBNDNCBJ found after bank envelope MBVCB (written \"hp bnd-nc.bj\")")
    }

    @Test func reasonWithoutEnvelopeAndForMistypedCodes() throws {
        let plain = DescriptionReading("HPKXBKXM9 hoc phi")
        #expect(plain.envelopeName == nil)
        #expect(try plain.reason(for: #require(plain.codes.first)) == "code HPKXBKXM9 found in the description")
        let mistyped = DescriptionReading("CT nhanh 247 den: HPKXBCXM9 hoc phi be Lan")
        #expect(mistyped.codes.isEmpty)
        #expect(mistyped.invalidCandidates.map(\.text) == ["HPKXBCXM9"])
        #expect(try mistyped.reason(for: #require(mistyped.invalidCandidates.first))
            == "code HPKXBCXM9 fails its check digit — probably mistyped")
        #expect(mistyped.foldedText == "HOC PHI BE LAN")
    }

    @Test func gluedCodeLeavesTheRestForNames() {
        let reading = DescriptionReading("unghocphiHPBNDNCBJlop2A FT24254231958274")
        #expect(reading.envelope == ["FT reference"])
        #expect(reading.codes.map(\.code.text) == [Fixture.code1])
        #expect(reading.codes.first?.writtenAs == "HPBNDNCBJ")
        #expect(reading.foldedText == "UNGHOCPHI LOP2A")
        #expect(reading.classMentions.map(\.name) == ["2A"])
    }

    @Test func codeInTheBankBracketIsFoundOnceAndLeftOutOfThePayerText() {
        let reading = DescriptionReading("CT nhanh 247 den: hpv89jhm7 Pham Thi D (HPV89JHM7)")
        #expect(reading.payerText == "hpv89jhm7 Pham Thi D")
        #expect(reading.envelopeName == "VietinBank CT nhanh 247 + VietinBank bracket")
        #expect(reading.codes.map(\.code.text) == [Fixture.code3])
        #expect(reading.codes.first?.occurrences == 2)
        #expect(reading.foldedText == "PHAM THI D")
    }

    @Test(arguments: [
        ("hoc phi lop 3A", ["3A"]),
        ("hocphi lop3a be an", ["3A"]),
        ("be An 3A", ["3A"]),
        ("LOP 3A1 nguyen van an", ["3A1"]),
        ("unghocphilop2a", ["2A"]),
        ("lop 4c va lop 1b", ["4C", "1B"]),
        ("3A lop 3A", ["3A"]),
        ("lop 6A", []),                 // not a primary grade
        ("lop 3", []),                  // no class letter
        ("3A123 so nha", []),
        ("T9 2024 HK1", []),
        ("LOP3ANGUYENVANAN", ["3A"]),
    ])
    func classMentions(_ text: String, _ expected: [String]) {
        #expect(DescriptionReading(text).classMentions.map(\.name) == expected, "\(text)")
    }

    @Test func aloneOrAfterLop() {
        let mentions = DescriptionReading("3A lop 3A 2B").classMentions
        #expect(mentions == [ClassMention(name: "3A", grade: 3, afterWordLop: true),
                             ClassMention(name: "2B", grade: 2, afterWordLop: false)])
    }
}
