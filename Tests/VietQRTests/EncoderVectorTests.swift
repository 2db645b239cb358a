import Testing
import VietQR

/// A request and the payload derived by hand from the NAPAS/EMVCo layout: each segment below is
/// `ID` + a length counted by hand + value. The CRC comes from the test's own bitwise CRC.
struct HandVector: Sendable, CustomTestStringConvertible {
    let name: String
    let request: VietQRRequest
    /// Everything up to and including "6304".
    let body: String
    /// What decoding the sealed payload must give back (the request with texts folded).
    let decoded: VietQRRequest

    init(_ name: String, _ request: VietQRRequest, _ segments: [String], decoded: VietQRRequest? = nil) {
        self.name = name
        self.request = request
        self.body = segments.joined()
        self.decoded = decoded ?? request
    }

    var testDescription: String { name }
}

private let vectors: [HandVector] = [
    HandVector("static, 1-character account",
        VietQRRequest(bin: "970418", account: "1"),
        ["000201", "010211", "3845", "0010A000000727", "0115", "0006970418", "0101", "1", "0208QRIBFTTA",
         "5303704", "5802VN", "6304"]),
    HandVector("static, 5-digit account at Agribank",
        VietQRRequest(bin: "970405", account: "12345"),
        ["000201", "010211", "3849", "0010A000000727", "0119", "0006970405", "0105", "12345", "0208QRIBFTTA",
         "5303704", "5802VN", "6304"]),
    HandVector("static, 13-digit account at VietinBank",
        VietQRRequest(bin: "970415", account: "0011001932418"),
        ["000201", "010211", "3857", "0010A000000727", "0127", "0006970415", "0113", "0011001932418", "0208QRIBFTTA",
         "5303704", "5802VN", "6304"]),
    HandVector("static, 19-digit account (the maximum)",
        VietQRRequest(bin: "970436", account: "1234567890123456789"),
        ["000201", "010211", "3863", "0010A000000727", "0133", "0006970436", "0119", "1234567890123456789", "0208QRIBFTTA",
         "5303704", "5802VN", "6304"]),
    HandVector("static, lowercase alphanumeric account kept as is",
        VietQRRequest(bin: "970422", account: "abc123"),
        ["000201", "010211", "3850", "0010A000000727", "0120", "0006970422", "0106", "abc123", "0208QRIBFTTA",
         "5303704", "5802VN", "6304"]),
    HandVector("dynamic, amount 1 VND",
        VietQRRequest(bin: "970415", account: "1234567890", amount: 1),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970415", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5401", "1", "5802VN", "6304"]),
    HandVector("dynamic, amount 9",
        VietQRRequest(bin: "970415", account: "1234567890", amount: 9),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970415", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5401", "9", "5802VN", "6304"]),
    HandVector("dynamic, amount 10 (two digits)",
        VietQRRequest(bin: "970415", account: "1234567890", amount: 10),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970415", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5402", "10", "5802VN", "6304"]),
    HandVector("dynamic, amount 100",
        VietQRRequest(bin: "970415", account: "1234567890", amount: 100),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970415", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5403", "100", "5802VN", "6304"]),
    HandVector("dynamic, amount 99,999",
        VietQRRequest(bin: "970415", account: "1234567890", amount: 99_999),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970415", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5405", "99999", "5802VN", "6304"]),
    HandVector("dynamic, amount 1,500,000 written without separators",
        VietQRRequest(bin: "970418", account: "1234567890", amount: 1_500_000),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5407", "1500000", "5802VN", "6304"]),
    HandVector("dynamic, amount 499,999,999 (the largest NAPAS247 allows)",
        VietQRRequest(bin: "970418", account: "1234567890", amount: 499_999_999),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5409", "499999999", "5802VN", "6304"]),
    HandVector("static with a purpose only",
        VietQRRequest(bin: "970418", account: "1234567890", purpose: "HP2025"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "6210", "0806", "HP2025", "6304"]),
    HandVector("purpose of exactly 25 characters",
        VietQRRequest(bin: "970418", account: "1234567890", amount: 350_000, purpose: "ABCDEFGHIJKLMNOPQRSTUVWXY"),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5406", "350000", "5802VN", "6229", "0825", "ABCDEFGHIJKLMNOPQRSTUVWXY", "6304"]),
    HandVector("bill number only goes to 62/01",
        VietQRRequest(bin: "970418", account: "1234567890", billNumber: "INV-0001"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "6212", "0108", "INV-0001", "6304"]),
    HandVector("bill number then purpose inside 62",
        VietQRRequest(bin: "970418", account: "1234567890", amount: 2_000, purpose: "HP HD123", billNumber: "HD123"),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5404", "2000", "5802VN", "6221", "0105", "HD123", "0808", "HP HD123", "6304"]),
    HandVector("bill number and purpose both 25 characters",
        VietQRRequest(bin: "970418", account: "1234567890", purpose: "ZYXWVUTSRQPONMLKJIHGFEDCB", billNumber: "1234567890123456789012345"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "6258", "0125", "1234567890123456789012345", "0825", "ZYXWVUTSRQPONMLKJIHGFEDCB", "6304"]),
    HandVector("merchant name in 59",
        VietQRRequest(bin: "970418", account: "1234567890", merchantName: "TRUONG TIEU HOC DAK SONG"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "5924", "TRUONG TIEU HOC DAK SONG", "6304"]),
    HandVector("merchant name of exactly 25 characters",
        VietQRRequest(bin: "970418", account: "1234567890", merchantName: "CONG TY TNHH GIAO DUC ABC"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "5925", "CONG TY TNHH GIAO DUC ABC", "6304"]),
    HandVector("city in 60",
        VietQRRequest(bin: "970418", account: "1234567890", city: "DAK NONG"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "6008", "DAK NONG", "6304"]),
    HandVector("city of exactly 15 characters",
        VietQRRequest(bin: "970418", account: "1234567890", city: "HO CHI MINH CTY"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "6015", "HO CHI MINH CTY", "6304"]),
    HandVector("every field, in ascending ID order",
        VietQRRequest(bin: "970436", account: "0071000123456", amount: 2_500_000, purpose: "HP HK1 5A NGUYEN AN",
                      billNumber: "HD2025001", merchantName: "TRUONG TH DAK SONG", city: "DAK NONG"),
        ["000201", "010212", "3857", "0010A000000727", "0127", "0006970436", "0113", "0071000123456", "0208QRIBFTTA",
         "5303704", "5407", "2500000", "5802VN", "5918", "TRUONG TH DAK SONG", "6008", "DAK NONG",
         "6236", "0109", "HD2025001", "0819", "HP HK1 5A NGUYEN AN", "6304"]),
    HandVector("to card, with amount",
        VietQRRequest(bin: "970418", account: "9704180012345678901", service: .toCard, amount: 50_000),
        ["000201", "010212", "3863", "0010A000000727", "0133", "0006970418", "0119", "9704180012345678901", "0208QRIBFTTC",
         "5303704", "5405", "50000", "5802VN", "6304"]),
    HandVector("to card, 16 digits, static",
        VietQRRequest(bin: "970436", account: "9704361234567890", service: .toCard),
        ["000201", "010211", "3860", "0010A000000727", "0130", "0006970436", "0116", "9704361234567890", "0208QRIBFTTC",
         "5303704", "5802VN", "6304"]),
    HandVector("purpose with punctuation is printable ASCII and kept",
        VietQRRequest(bin: "970418", account: "1234567890", purpose: "HP#2025/T1-A.B"),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "6218", "0814", "HP#2025/T1-A.B", "6304"]),
    HandVector("spaces at the ends of a purpose are kept, not trimmed",
        VietQRRequest(bin: "970418", account: "1234567890", purpose: " X "),
        ["000201", "010211", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5802VN", "6207", "0803", " X ", "6304"]),
    HandVector("empty texts are omitted, not written with length 00",
        VietQRRequest(bin: "970418", account: "1", purpose: "", billNumber: "", merchantName: "", city: ""),
        ["000201", "010211", "3845", "0010A000000727", "0115", "0006970418", "0101", "1", "0208QRIBFTTA",
         "5303704", "5802VN", "6304"],
        decoded: VietQRRequest(bin: "970418", account: "1")),
    HandVector("Vietnamese purpose folded to ASCII",
        VietQRRequest(bin: "970418", account: "1234567890", amount: 1_200_000, purpose: "Học phí tháng 9"),
        ["000201", "010212", "3854", "0010A000000727", "0124", "0006970418", "0110", "1234567890", "0208QRIBFTTA",
         "5303704", "5407", "1200000", "5802VN", "6219", "0815", "Hoc phi thang 9", "6304"],
        decoded: VietQRRequest(bin: "970418", account: "1234567890", amount: 1_200_000, purpose: "Hoc phi thang 9")),
    HandVector("Vietnamese school name folded, Đ mapped to D",
        VietQRRequest(bin: "970405", account: "12345", merchantName: "Trường Tiểu học Đắk Song"),
        ["000201", "010211", "3849", "0010A000000727", "0119", "0006970405", "0105", "12345", "0208QRIBFTTA",
         "5303704", "5802VN", "5924", "Truong Tieu hoc Dak Song", "6304"],
        decoded: VietQRRequest(bin: "970405", account: "12345", merchantName: "Truong Tieu hoc Dak Song")),
    HandVector("Vietnamese city folded",
        VietQRRequest(bin: "970405", account: "12345", city: "Đà Nẵng"),
        ["000201", "010211", "3849", "0010A000000727", "0119", "0006970405", "0105", "12345", "0208QRIBFTTA",
         "5303704", "5802VN", "6007", "Da Nang", "6304"],
        decoded: VietQRRequest(bin: "970405", account: "12345", city: "Da Nang")),
    HandVector("uppercase Vietnamese purpose, Đ and all tone marks",
        VietQRRequest(bin: "970405", account: "12345", purpose: "ĐÓNG HỌC PHÍ"),
        ["000201", "010211", "3849", "0010A000000727", "0119", "0006970405", "0105", "12345", "0208QRIBFTTA",
         "5303704", "5802VN", "6216", "0812", "DONG HOC PHI", "6304"],
        decoded: VietQRRequest(bin: "970405", account: "12345", purpose: "DONG HOC PHI")),
    HandVector("already-decomposed (NFD) input folds the same way",
        VietQRRequest(bin: "970405", account: "12345", purpose: "Nguye\u{0302}\u{0303}n Thi\u{0323} A\u{0301}nh"),
        ["000201", "010211", "3849", "0010A000000727", "0119", "0006970405", "0105", "12345", "0208QRIBFTTA",
         "5303704", "5802VN", "6218", "0814", "Nguyen Thi Anh", "6304"],
        decoded: VietQRRequest(bin: "970405", account: "12345", purpose: "Nguyen Thi Anh")),
    HandVector("ơ and ư (horn marks) fold to o and u",
        VietQRRequest(bin: "970405", account: "12345", purpose: "Lương Thị Thơ"),
        ["000201", "010211", "3849", "0010A000000727", "0119", "0006970405", "0105", "12345", "0208QRIBFTTA",
         "5303704", "5802VN", "6217", "0813", "Luong Thi Tho", "6304"],
        decoded: VietQRRequest(bin: "970405", account: "12345", purpose: "Luong Thi Tho")),
    HandVector("25 Vietnamese letters fold to 25 ASCII letters and are accepted",
        VietQRRequest(bin: "970405", account: "12345", purpose: "Đóng tiền ăn bán trú HK12"),
        ["000201", "010211", "3849", "0010A000000727", "0119", "0006970405", "0105", "12345", "0208QRIBFTTA",
         "5303704", "5802VN", "6229", "0825", "Dong tien an ban tru HK12", "6304"],
        decoded: VietQRRequest(bin: "970405", account: "12345", purpose: "Dong tien an ban tru HK12")),
]

@Suite("Encoder: hand-derived vectors")
struct EncoderVectorTests {
    @Test("the spec's worked example (§6.1.2): static QR to card 9704031101234567 at BIN 970403 → CRC 4F52")
    func specWorkedExample() throws {
        let request = VietQRRequest(bin: "970403", account: "9704031101234567", service: .toCard)
        let payload = try VietQREncoder.encode(request)
        #expect(payload == "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52")
    }

    @Test("encode matches the hand-derived payload", arguments: vectors)
    func handDerived(vector: HandVector) throws {
        let expected = ReferenceCRC.sealed(vector.body)
        #expect(try VietQREncoder.encode(vector.request) == expected)
    }

    @Test("decoding the hand-derived payload gives the (folded) request back", arguments: vectors)
    func handDerivedDecodes(vector: HandVector) throws {
        let payload = try VietQRDecoder.decode(ReferenceCRC.sealed(vector.body))
        #expect(payload.request == vector.decoded)
        #expect(payload.pointOfInitiation == (vector.request.amount == nil ? .staticQR : .dynamicQR))
    }

    /// Payloads published by other VietQR implementations and bank apps, CRC included as
    /// published: agreement with code we did not write is the strongest evidence we have.
    @Test("reproduces payloads published by independent VietQR generators", arguments: [
        (VietQRRequest(bin: "970416", account: "257678859", amount: 1_000, purpose: "Chuyen tien"),
         "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8"),
        (VietQRRequest(bin: "970415", account: "0011001932418", amount: 120_000, purpose: "ủng hộ lũ lụt"),
         "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C"),
        (VietQRRequest(bin: "970405", account: "2208205479380"),
         "00020101021138570010A00000072701270006970405011322082054793800208QRIBFTTA53037045802VN630497A6"),
        (VietQRRequest(bin: "970422", account: "VQRQABRLS0448", amount: 2_000, purpose: "18f8746b181045f0a2ce"),
         "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0"),
    ])
    func publishedPayloads(request: VietQRRequest, published: String) throws {
        #expect(try VietQREncoder.encode(request) == published)
    }

    @Test("every payload ends in 4 uppercase hex digits that match the reference CRC")
    func crcIsUppercaseAndCorrect() throws {
        var random = SplitMix64(seed: 42)
        var leadingZeros = 0
        for _ in 0..<300 {
            let request = VietQRRequest(
                bin: random.string(from: Alphabet.digits, length: 6...6),
                account: random.string(from: Alphabet.alphanumeric, length: 1...19),
                amount: random.chance(50) ? Int64(random.int(1...499_999_999)) : nil)
            let payload = try VietQREncoder.encode(request)
            let body = String(payload.dropLast(4))
            let crc = String(payload.suffix(4))
            #expect(body.hasSuffix("6304"))
            #expect(crc == ReferenceCRC.hex(ReferenceCRC.bitwise(body)))
            #expect(crc.allSatisfy { "0123456789ABCDEF".contains($0) })
            if crc.hasPrefix("0") { leadingZeros += 1 }
        }
        // About 1 in 16 CRCs is below 0x1000: the sample must include some, or padding went untested.
        #expect(leadingZeros > 0)
    }
}
