import Foundation
import Testing
import VietnameseText

/// Readings worked out by hand, one or more per rule of `AmountInWords`.
@Suite("AmountInWords: readings by hand")
struct AmountInWordsTableTests {
    /// Default options: "linh" for an empty tens place, "tư" for a four after "mươi".
    static let defaultReadings: [(Int64, String)] = [
        // Units alone: plain names, a bare five is "năm", nothing in front of them.
        (0, "Không đồng"),
        (1, "Một đồng"),
        (4, "Bốn đồng"),
        (5, "Năm đồng"),
        (7, "Bảy đồng"),
        (9, "Chín đồng"),
        // "mười": one stays "một", four stays "bốn", five is "lăm".
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (14, "Mười bốn đồng"),
        (15, "Mười lăm đồng"),
        (19, "Mười chín đồng"),
        // "mươi": one is "mốt", four is "tư", five is "lăm".
        (20, "Hai mươi đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (25, "Hai mươi lăm đồng"),
        (31, "Ba mươi mốt đồng"),
        (44, "Bốn mươi tư đồng"),
        (55, "Năm mươi lăm đồng"),
        (70, "Bảy mươi đồng"),
        (99, "Chín mươi chín đồng"),
        // Hundreds; an empty tens place before a unit is "linh", and the unit keeps its plain name.
        (100, "Một trăm đồng"),
        (101, "Một trăm linh một đồng"),
        (104, "Một trăm linh bốn đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (111, "Một trăm mười một đồng"),
        (114, "Một trăm mười bốn đồng"),
        (115, "Một trăm mười lăm đồng"),
        (121, "Một trăm hai mươi mốt đồng"),
        (124, "Một trăm hai mươi tư đồng"),
        (125, "Một trăm hai mươi lăm đồng"),
        (500, "Năm trăm đồng"),
        (999, "Chín trăm chín mươi chín đồng"),
        // Thousands: an inner group reads "không trăm" when its hundreds place is empty.
        (1_000, "Một nghìn đồng"),
        (1_001, "Một nghìn không trăm linh một đồng"),
        (1_005, "Một nghìn không trăm linh năm đồng"),
        (1_010, "Một nghìn không trăm mười đồng"),
        (1_015, "Một nghìn không trăm mười lăm đồng"),
        (1_050, "Một nghìn không trăm năm mươi đồng"),
        (1_100, "Một nghìn một trăm đồng"),
        (1_111, "Một nghìn một trăm mười một đồng"),
        (1_234, "Một nghìn hai trăm ba mươi tư đồng"),
        (4_444, "Bốn nghìn bốn trăm bốn mươi tư đồng"),
        (10_000, "Mười nghìn đồng"),
        (11_011, "Mười một nghìn không trăm mười một đồng"),
        (15_000, "Mười lăm nghìn đồng"),
        (21_000, "Hai mươi mốt nghìn đồng"),
        (35_000, "Ba mươi lăm nghìn đồng"),
        (100_000, "Một trăm nghìn đồng"),
        (105_000, "Một trăm linh năm nghìn đồng"),
        (115_000, "Một trăm mười lăm nghìn đồng"),
        (450_000, "Bốn trăm năm mươi nghìn đồng"),
        (500_500, "Năm trăm nghìn năm trăm đồng"),
        (999_999, "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"),
        // Millions; empty groups are skipped with their scale word.
        (1_000_000, "Một triệu đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
        (1_334_520, "Một triệu ba trăm ba mươi tư nghìn năm trăm hai mươi đồng"),
        (2_000_010, "Hai triệu không trăm mười đồng"),
        (3_500_000, "Ba triệu năm trăm nghìn đồng"),
        (10_000_000, "Mười triệu đồng"),
        (25_400_000, "Hai mươi lăm triệu bốn trăm nghìn đồng"),
        (41_041_041, "Bốn mươi mốt triệu không trăm bốn mươi mốt nghìn không trăm bốn mươi mốt đồng"),
        // Tỷ.
        (1_000_000_000, "Một tỷ đồng"),
        (1_000_000_001, "Một tỷ không trăm linh một đồng"),
        (1_001_001_001, "Một tỷ không trăm linh một triệu không trăm linh một nghìn không trăm linh một đồng"),
        (5_000_000_000, "Năm tỷ đồng"),
        (12_345_678_910, "Mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm mười đồng"),
        (999_999_999_999,
         "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"),
        // Beyond: the number of tỷ is read as a number (nghìn tỷ, triệu tỷ, tỷ tỷ).
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (1_200_000_000_000, "Một nghìn hai trăm tỷ đồng"),
        (1_005_000_000_000, "Một nghìn không trăm linh năm tỷ đồng"),
        (1_000_000_000_021, "Một nghìn tỷ không trăm hai mươi mốt đồng"),
        (1_000_000_000_000_000, "Một triệu tỷ đồng"),
        (1_000_000_000_000_001, "Một triệu tỷ không trăm linh một đồng"),
        (1_000_000_000_000_000_000, "Một tỷ tỷ đồng"),
        (2_500_000_000_000_000_000, "Hai tỷ năm trăm triệu tỷ đồng"),
    ]

    @Test func tableIsLargeEnough() {
        #expect(Self.defaultReadings.count >= 60)
        #expect(Set(Self.defaultReadings.map(\.0)).count == Self.defaultReadings.count, "no amount twice")
    }

    @Test(arguments: defaultReadings)
    func defaultReading(amount: Int64, expected: String) {
        #expect(AmountInWords().words(amount) == expected)
    }

    /// "lẻ" instead of "linh"; never for a leading group without hundreds.
    static let leReadings: [(Int64, String)] = [
        (5, "Năm đồng"),
        (105, "Một trăm lẻ năm đồng"),
        (101, "Một trăm lẻ một đồng"),
        (1_005, "Một nghìn không trăm lẻ năm đồng"),
        (1_005_000, "Một triệu không trăm lẻ năm nghìn đồng"),
        (24, "Hai mươi tư đồng"),
    ]

    @Test(arguments: leReadings)
    func leReading(amount: Int64, expected: String) {
        #expect(AmountInWords(zeroTens: .le).words(amount) == expected)
    }

    /// "bốn" instead of "tư" after "mươi"; "mười bốn" and "linh bốn" are unchanged.
    static let bonReadings: [(Int64, String)] = [
        (24, "Hai mươi bốn đồng"),
        (44, "Bốn mươi bốn đồng"),
        (14, "Mười bốn đồng"),
        (104, "Một trăm linh bốn đồng"),
        (124, "Một trăm hai mươi bốn đồng"),
        (1_334_520, "Một triệu ba trăm ba mươi bốn nghìn năm trăm hai mươi đồng"),
        (21, "Hai mươi mốt đồng"),
    ]

    @Test(arguments: bonReadings)
    func bonReading(amount: Int64, expected: String) {
        #expect(AmountInWords(four: .bon).words(amount) == expected)
    }

    @Test func bothOptions() {
        let reader = AmountInWords(zeroTens: .le, four: .bon)
        #expect(reader.words(104_024) == "Một trăm lẻ bốn nghìn không trăm hai mươi bốn đồng")
        #expect(reader.words(4_005_034) == "Bốn triệu không trăm lẻ năm nghìn không trăm ba mươi bốn đồng")
    }

    @Test func numberHasNoCapitalAndNoCurrency() {
        let reader = AmountInWords()
        #expect(reader.number(0) == "không")
        #expect(reader.number(15) == "mười lăm")
        #expect(reader.number(1_005_000) == "một triệu không trăm linh năm nghìn")
        #expect(reader.number(2_000_010) == "hai triệu không trăm mười")
    }

    @Test func optionsDefaultsAndRawValues() {
        let reader = AmountInWords()
        #expect(reader.zeroTens == .linh)
        #expect(reader.four == .tu)
        #expect(reader == AmountInWords(zeroTens: .linh, four: .tu))
        #expect(reader != AmountInWords(zeroTens: .le))
        #expect(AmountInWords.ZeroTens.allCases == [.linh, .le])
        #expect(AmountInWords.Four.allCases == [.tu, .bon])
        var changed = reader
        changed.four = .bon
        #expect(changed.words(34) == "Ba mươi bốn đồng")
    }

    /// Int64.max = 9_223_372_036 tỷ 854_775_807: the number of tỷ is itself over a tỷ.
    @Test func int64Max() {
        #expect(AmountInWords().words(.max) ==
            "Chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ "
            + "tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy đồng")
        #expect(AmountInWords(zeroTens: .le, four: .bon).number(.max) ==
            "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ "
            + "tám trăm năm mươi bốn triệu bảy trăm bảy mươi lăm nghìn tám trăm lẻ bảy")
    }

    /// Every word the reader can print is precomposed (NFC), so receipts compare and fold like other text.
    @Test func wordsAreNFC() {
        for reader in [AmountInWords(), AmountInWords(zeroTens: .le, four: .bon)] {
            for amount: Int64 in [0, 1_334_520, 4_005_034, 115, 999_999_999_999, .max] {
                let text = reader.words(amount)
                #expect(text == text.precomposedStringWithCanonicalMapping, "\(amount)")
            }
        }
        #expect(AmountInWords().words(0).hasSuffix(" đồng"))
        #expect("đồng".unicodeScalars.count == 4)
    }
}

// MARK: - An independent reference reader

/// A second reader, written differently from the one under test: it reads a number below a million as two
/// halves of three digits, matching each half's tens and units digits as a pair, and builds one string.
enum ReferenceReader {
    static let names = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]

    /// The reading of `n` (0 ..< 1_000_000), lower case, no currency.
    static func read(_ n: Int, linh: String = "linh", four: String = "tư") -> String {
        precondition((0..<1_000_000).contains(n))
        if n == 0 { return "không" }
        let names = Self.names
        var out = ""
        out.reserveCapacity(128)
        func say(_ word: String) {
            if !out.isEmpty { out.append(" ") }
            out.append(word)
        }
        for half in 0..<2 {
            let digits = half == 0 ? n / 1_000 : n % 1_000
            let a = digits / 100, b = digits / 10 % 10, c = digits % 10
            if a == 0 && b == 0 && c == 0 { continue }
            let saysHundreds = !out.isEmpty || a != 0
            if saysHundreds { say(names[a]); say("trăm") }
            switch (b, c) {
            case (0, 0): break
            case (0, _): if saysHundreds { say(linh) }; say(names[c])
            case (1, 0): say("mười")
            case (1, 5): say("mười"); say("lăm")
            case (1, _): say("mười"); say(names[c])
            case (_, 0): say(names[b]); say("mươi")
            case (_, 1): say(names[b]); say("mươi"); say("mốt")
            case (_, 4): say(names[b]); say("mươi"); say(four)
            case (_, 5): say(names[b]); say("mươi"); say("lăm")
            default: say(names[b]); say("mươi"); say(names[c])
            }
            if half == 0 { say("nghìn") }
        }
        return out
    }

    /// A group (1...999) as read after other words: all three places ("không trăm linh năm").
    /// Taken from the reading of 1_000 + group, which has "một nghìn " in front of it.
    static func readInner(_ group: Int, linh: String = "linh", four: String = "tư") -> String {
        String(read(1_000 + group, linh: linh, four: four).dropFirst("một nghìn ".count))
    }

    /// A number below 10^12 composed from its groups of three, highest first, skipping empty groups.
    static func compose(_ n: Int64) -> String {
        precondition((0..<1_000_000_000_000).contains(n))
        if n == 0 { return "không" }
        let scales: [(Int64, String)] = [(1_000_000_000, " tỷ"), (1_000_000, " triệu"), (1_000, " nghìn"), (1, "")]
        var parts: [String] = []
        for (divisor, scale) in scales {
            let group = Int(n / divisor % 1_000)
            if group == 0 { continue }
            parts.append((parts.isEmpty ? read(group) : readInner(group)) + scale)
        }
        return parts.joined(separator: " ")
    }

    /// A nine-digit block (1 ..< 10^9) that follows other words.
    static func composeInnerBlock(_ n: Int64) -> String {
        precondition((1..<1_000_000_000).contains(n))
        return String(compose(1_000_000_000 + n).dropFirst("một tỷ ".count))
    }
}

/// The same words as `words`, rebuilt by hand: lower-case the first letter and drop " đồng".
private func matchesModuloCapital(number: String, words: String) -> Bool {
    guard words.hasSuffix(" đồng"), let first = number.first else { return false }
    return first.uppercased() + number.dropFirst() + " đồng" == words
}

// MARK: - Exhaustive below a million

@Suite("AmountInWords: every amount below a million")
struct AmountInWordsExhaustiveTests {
    /// The million amounts are split into slices so that Swift Testing can read them in parallel.
    static let slices: [Range<Int>] = stride(from: 0, to: 1_000_000, by: 125_000).map { $0..<($0 + 125_000) }

    @Test(arguments: slices)
    func matchesReferenceAndProperties(slice: Range<Int>) {
        let reader = AmountInWords()
        let vocabulary = Vocabulary()
        var mismatches: [String] = []
        var violations: [String] = []
        for n in slice {
            let reading = reader.number(Int64(n))
            let expected = ReferenceReader.read(n)
            if reading != expected {
                mismatches.append("\(n): \(reading) ≠ \(expected)")
                if mismatches.count > 20 { break }
            }
            if let problem = Self.violation(in: reading, of: n, vocabulary: vocabulary) {
                violations.append("\(n) \(reading): \(problem)")
                if violations.count > 20 { break }
            }
            if n % 997 == 0, !matchesModuloCapital(number: reading, words: reader.words(Int64(n))) {
                mismatches.append("\(n): words and number disagree")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(violations.isEmpty, "\(violations)")
    }

    /// The first rule a reading breaks, or nil, checked word by word and independent of any reference:
    /// no empty word (so no double space and no space at either end), "mốt"/"tư"/"lăm" only after a tens word,
    /// never "mươi một", "mươi bốn", "mươi năm" or "mười năm", "linh"/"lẻ" only between "trăm" and a digit,
    /// "không" only before "trăm" and never first.
    ///
    /// The reading is cut into words on its UTF-8 bytes, each word packed into a `UInt64` (no word is longer
    /// than 8 bytes), so that a million readings are checked in well under a second even in a debug build.
    static func violation(in reading: String, of n: Int, vocabulary: Vocabulary) -> String? {
        var text = reading
        return text.withUTF8 { bytes -> String? in
            var key: UInt64 = 0, length = 0
            var previous: Word? = nil
            var index = 0
            while index <= bytes.count {
                let byte: UInt8 = index < bytes.count ? bytes[index] : 0x20
                index += 1
                if byte != 0x20 {
                    key = key << 8 | UInt64(byte)
                    length += 1
                    continue
                }
                if length == 0 { return "empty word (double space or space at an end)" }
                if length > 8 { return "unknown word" }
                let word = vocabulary.words[key] ?? .unknown
                key = 0
                length = 0
                switch (previous, word) {
                case (_, .unknown): return "unknown word"
                case (nil, .khong) where n != 0: return "starts with không"
                case (.khong, let next) where next != .tram: return "không not before trăm"
                case (.linh, let next) where !next.isNonzeroDigit: return "linh without a digit after it"
                case (let before, .linh) where before != .tram: return "linh not after trăm"
                case (.muoi, .mot), (.muoi, .bon), (.muoi, .nam): return "mươi followed by một, bốn or năm"
                case (.muoiTen, .nam): return "mười năm"
                case (let before, .mot2) where before != .muoi: return "mốt not after mươi"
                case (let before, .tu) where before != .muoi: return "tư not after mươi"
                case (let before, .lam) where before != .muoi && before != .muoiTen: return "lăm not after a tens word"
                case (let before, .muoi) where before != .otherDigit && before != .bon && before != .nam:
                    return "mươi without a tens digit of 2 or more"
                default: break
                }
                previous = word
            }
            if previous == .khong && n != 0 { return "không at the end" }
            if previous == .linh { return "linh at the end" }
            return nil
        }
    }

    /// The words a reading below a million may hold, as far as the checks need to tell them apart.
    enum Word: Equatable {
        case khong, mot, bon, nam, otherDigit, muoiTen, muoi, mot2, tu, lam, linh, tram, scale, unknown
        var isNonzeroDigit: Bool { self == .mot || self == .bon || self == .nam || self == .otherDigit }
    }

    /// Words by their UTF-8 bytes packed into a `UInt64`; built once per test case.
    struct Vocabulary {
        let words: [UInt64: Word]
        init(zeroTens: String = "linh") {
            let spelled: [(String, Word)] = [
                ("không", .khong), ("một", .mot), ("bốn", .bon), ("năm", .nam),
                ("hai", .otherDigit), ("ba", .otherDigit), ("sáu", .otherDigit), ("bảy", .otherDigit),
                ("tám", .otherDigit), ("chín", .otherDigit),
                ("mười", .muoiTen), ("mươi", .muoi), ("mốt", .mot2), ("tư", .tu), ("lăm", .lam),
                (zeroTens, .linh), ("trăm", .tram), ("nghìn", .scale),
            ]
            var words: [UInt64: Word] = [:]
            for (text, word) in spelled {
                precondition(text.utf8.count <= 8)
                words[text.utf8.reduce(0) { $0 << 8 | UInt64($1) }] = word
            }
            self.words = words
        }
    }

    /// The options change only their own words; every group pattern occurs below ten thousand.
    @Test(arguments: AmountInWords.ZeroTens.allCases, AmountInWords.Four.allCases)
    func optionsMatchReference(zeroTens: AmountInWords.ZeroTens, four: AmountInWords.Four) {
        let reader = AmountInWords(zeroTens: zeroTens, four: four)
        let linh = zeroTens == .linh ? "linh" : "lẻ", fourWord = four == .tu ? "tư" : "bốn"
        var mismatches: [String] = []
        for n in 0..<10_000 {
            let reading = reader.number(Int64(n))
            let expected = ReferenceReader.read(n, linh: linh, four: fourWord)
            if reading != expected { mismatches.append("\(n): \(reading) ≠ \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}

// MARK: - Structure over the whole range

/// SplitMix64: a tiny seeded generator, so the drawn amounts are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("AmountInWords: structure of large amounts")
struct AmountInWordsStructureTests {
    /// Amounts below 10^12 where each group of three is, a third of the time each, zero, small (< 100) or any,
    /// so that skipped groups, "không trăm" and "linh" all occur often.
    static func drawBelowTrillion(_ generator: inout SplitMix64) -> Int64 {
        var n: Int64 = 0
        for _ in 0..<4 {
            let group: Int64 = switch generator.next() % 3 {
            case 0: 0
            case 1: Int64(generator.next() % 100)
            default: Int64(generator.next() % 1_000)
            }
            n = n * 1_000 + group
        }
        return n
    }

    @Test func readingIsTheCompositionOfGroupReadings() {
        var generator = SplitMix64(seed: 0x4E47_4859_454E_0001)
        let reader = AmountInWords()
        var failures: [String] = []
        for index in 0..<4_000 {
            // Half the draws shaped by groups, half uniform over 0 ... 999_999_999_999.
            let n = index.isMultiple(of: 2)
                ? Self.drawBelowTrillion(&generator)
                : Int64(generator.next() % 1_000_000_000_000)
            let reading = reader.number(n)
            if reading != ReferenceReader.compose(n) { failures.append("\(n): \(reading) ≠ \(ReferenceReader.compose(n))") }
            if !matchesModuloCapital(number: reading, words: reader.words(n)) { failures.append("\(n): words ≠ number") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// Above 10^12 (up to Int64.max): the number of tỷ is read as a number, followed by "tỷ" and the rest
    /// as an inner nine-digit block.
    @Test func largeAmountsReadTheNumberOfTy() {
        var generator = SplitMix64(seed: 0x5459_5459_0000_0002)
        let reader = AmountInWords()
        var failures: [String] = []
        for index in 0..<2_000 {
            let n: Int64 = index.isMultiple(of: 2)
                ? Int64(generator.next() >> 1)  // uniform over 0 ... Int64.max
                : Self.drawBelowTrillion(&generator) * 1_000_000 + Int64(generator.next() % 1_000_000)
            guard n >= 1_000_000_000 else { continue }
            let billions = n / 1_000_000_000, rest = n % 1_000_000_000
            let expected = reader.number(billions) + " tỷ"
                + (rest == 0 ? "" : " " + ReferenceReader.composeInnerBlock(rest))
            let reading = reader.number(n)
            if reading != expected { failures.append("\(n): \(reading) ≠ \(expected)") }
            if !matchesModuloCapital(number: reading, words: reader.words(n)) { failures.append("\(n): words ≠ number") }
            if reading.contains("  ") { failures.append("\(n): double space") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }
}
