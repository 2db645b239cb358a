import Testing
import VietQR

@Suite("Round trip: decode(encode(x)) == x")
struct RoundTripTests {
    /// A random valid request whose texts are already printable ASCII (so folding is a no-op).
    static func request(_ random: inout SplitMix64) -> VietQRRequest {
        func text(_ limit: Int) -> String? {
            random.chance(40) ? random.string(from: Alphabet.printable, length: 1...limit) : nil
        }
        return VietQRRequest(
            bin: random.string(from: Alphabet.digits, length: 6...6),
            account: random.string(from: Alphabet.alphanumeric, length: 1...19),
            service: random.chance(50) ? .toAccount : .toCard,
            amount: random.chance(60) ? Int64(random.int(1...499_999_999)) : nil,
            purpose: text(25),
            billNumber: text(25),
            merchantName: text(25),
            city: text(15))
    }

    @Test("3,000 generated requests survive encode → decode unchanged")
    func generated() throws {
        var random = SplitMix64(seed: 0xC0FFEE)
        for _ in 0..<3_000 {
            let request = Self.request(&random)
            let encoded = try VietQREncoder.encode(request)
            let payload = try VietQRDecoder.decode(encoded)
            #expect(payload.request == request, "\(encoded)")
            #expect(payload.pointOfInitiation == (request.amount == nil ? .staticQR : .dynamicQR))
            #expect(ReferenceCRC.sealed(String(encoded.dropLast(4))) == encoded)
        }
    }

    @Test("extreme lengths: every text at its limit, 19-character account, largest amount")
    func extremes() throws {
        let request = VietQRRequest(
            bin: "999999", account: "ZZZZZZZZZZZZZZZZZZZ", service: .toCard, amount: 499_999_999,
            purpose: String(repeating: "~", count: 25), billNumber: String(repeating: " ", count: 25),
            merchantName: String(repeating: "!", count: 25), city: String(repeating: "%", count: 15))
        let encoded = try VietQREncoder.encode(request)
        #expect(try VietQRDecoder.decode(encoded).request == request)
        #expect(encoded.utf8.count == encoded.count)
    }

    /// Vietnamese words with their folded forms, written out by hand.
    static let words: [(String, String)] = [
        ("Trường", "Truong"), ("Tiểu", "Tieu"), ("học", "hoc"), ("Đắk", "Dak"), ("Song", "Song"),
        ("Nguyễn", "Nguyen"), ("Thị", "Thi"), ("Ánh", "Anh"), ("Phạm", "Pham"), ("Đặng", "Dang"),
        ("Lê", "Le"), ("Võ", "Vo"), ("Huỳnh", "Huynh"), ("đóng", "dong"), ("phí", "phi"),
        ("tháng", "thang"), ("năm", "nam"), ("lớp", "lop"), ("Ơn", "On"), ("Ưu", "Uu"),
        ("ĐỖ", "DO"), ("Quỳnh", "Quynh"), ("Hữu", "Huu"), ("Dương", "Duong"), ("HK1", "HK1"),
    ]

    @Test("generated Vietnamese texts decode to their hand-folded ASCII")
    func vietnameseFolding() throws {
        var random = SplitMix64(seed: 0xD0C5)
        for _ in 0..<500 {
            var original: [String] = []
            var folded: [String] = []
            while true {
                let (word, ascii) = Self.words[random.int(0...Self.words.count - 1)]
                if (folded + [ascii]).joined(separator: " ").count > 15 { break }
                original.append(word)
                folded.append(ascii)
            }
            let text = original.joined(separator: " ")
            let expected = folded.joined(separator: " ")
            let request = VietQRRequest(
                bin: "970418", account: "1234567890", amount: 1_000,
                purpose: text, billNumber: text, merchantName: text, city: text)
            let payload = try VietQRDecoder.decode(try VietQREncoder.encode(request))
            #expect(payload.purpose == expected)
            #expect(payload.billNumber == expected)
            #expect(payload.merchantName == expected)
            #expect(payload.city == expected)
        }
    }

    @Test("the school name from the brief folds exactly")
    func schoolName() throws {
        let request = VietQRRequest(bin: "970418", account: "1", merchantName: "Trường Tiểu học Đắk Song")
        let payload = try VietQRDecoder.decode(try VietQREncoder.encode(request))
        #expect(payload.merchantName == "Truong Tieu hoc Dak Song")
    }

    @Test("every Vietnamese letter with a diacritic (66 lowercase, 66 uppercase) and đ/Đ fold to plain ASCII")
    func everyVietnameseLetter() throws {
        let lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        let upper = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
        let lowerFolded = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
        #expect(lower.count == 67)
        #expect(upper.count == 67)
        for (letters, expected) in [(lower, lowerFolded), (upper, lowerFolded.uppercased())] {
            // In chunks of 25, the purpose limit.
            var rest = Substring(letters)
            var expectedRest = Substring(expected)
            while !rest.isEmpty {
                let chunk = String(rest.prefix(25))
                let request = VietQRRequest(bin: "970418", account: "1", purpose: chunk)
                let payload = try VietQRDecoder.decode(try VietQREncoder.encode(request))
                #expect(payload.purpose == String(expectedRest.prefix(25)), "\(chunk)")
                rest = rest.dropFirst(25)
                expectedRest = expectedRest.dropFirst(25)
            }
        }
    }
}
