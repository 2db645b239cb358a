import PropertyBased
import Testing
@testable import LedgerCore

@Suite("Money")
struct MoneyTests {
    // MARK: checked arithmetic

    @Test func addingWithinRange() throws {
        #expect(try Money(dong: 1_000).adding(Money(dong: 334_520)) == Money(dong: 335_520))
        #expect(try Money(dong: Int64.max - 1).adding(Money(dong: 1)) == Money(dong: Int64.max))
        #expect(try Money(dong: Int64.min).adding(Money(dong: Int64.max)) == Money(dong: -1))
    }

    @Test func addingOverflowThrows() {
        #expect(throws: MoneyError.overflow("\(Int64.max) + 1")) { try Money(dong: Int64.max).adding(Money(dong: 1)) }
        #expect(throws: MoneyError.self) { try Money(dong: Int64.max).adding(Money(dong: Int64.max)) }
        #expect(throws: MoneyError.self) { try Money(dong: Int64.min).adding(Money(dong: -1)) }
    }

    @Test func subtractingOverflowThrows() throws {
        #expect(try Money(dong: 500).subtracting(Money(dong: 800)) == Money(dong: -300))
        #expect(try Money(dong: Int64.min + 1).subtracting(Money(dong: 1)) == Money(dong: Int64.min))
        #expect(throws: MoneyError.self) { try Money(dong: Int64.min).subtracting(Money(dong: 1)) }
        #expect(throws: MoneyError.self) { try Money(dong: Int64.max).subtracting(Money(dong: -1)) }
        #expect(throws: MoneyError.self) { try Money.zero.subtracting(Money(dong: Int64.min)) }
    }

    @Test func multiplyingOverflowThrows() throws {
        #expect(try Money(dong: 450_000).multiplied(by: 9) == Money(dong: 4_050_000))
        #expect(try Money(dong: -7).multiplied(by: 3) == Money(dong: -21))
        #expect(try Money(dong: Int64.max).multiplied(by: 1) == Money(dong: Int64.max))
        #expect(throws: MoneyError.self) { try Money(dong: Int64.max).multiplied(by: 2) }
        #expect(throws: MoneyError.self) { try Money(dong: Int64.min).multiplied(by: -1) }
        #expect(throws: MoneyError.self) { try Money(dong: 4_294_967_296).multiplied(by: 4_294_967_296) }
    }

    @Test func sumIsCheckedToo() throws {
        #expect(try Money.sum([Money]()) == .zero)
        #expect(try Money.sum([450_000, 884_520, 150_000].map { Money(dong: $0) }) == Money(dong: 1_484_520))
        #expect(throws: MoneyError.self) { try Money.sum([Money(dong: Int64.max), Money(dong: 1)]) }
        // An intermediate overflow is refused even if a later term would bring the total back in range.
        #expect(throws: MoneyError.self) { try Money.sum([Money(dong: Int64.max), Money(dong: 1), Money(dong: -1)]) }
    }

    @Test func propertySumMatchesWideArithmetic() async {
        await propertyCheck(count: 200, input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000).array(of: 0...20)) { values in
            let expected = values.reduce(Int64(0), +)   // cannot overflow with these bounds
            #expect((try? Money.sum(values.map { Money(dong: $0) })) == Money(dong: expected))
        }
    }

    @Test func signsAndOrdering() {
        #expect(Money(dong: 1).isPositive && !Money(dong: 1).isNegative)
        #expect(!Money.zero.isPositive && !Money.zero.isNegative)
        #expect(Money(dong: -1).isNegative && !Money(dong: -1).isPositive)
        #expect(Money(dong: -5) < Money.zero && Money.zero < Money(dong: 5))
        #expect(Money(dong: 1_334_520).description == "1334520")
    }

    // MARK: parsing

    @Test(arguments: [
        ("1334520", Int64(1_334_520)),
        ("1.334.520", 1_334_520),
        ("1,334,520", 1_334_520),
        ("1 334 520", 1_334_520),
        ("1\u{00A0}334\u{00A0}520", 1_334_520),
        ("1.334.520 đ", 1_334_520),
        ("1.334.520đ", 1_334_520),
        ("450.000 đồng", 450_000),
        ("450000 VND", 450_000),
        ("450.000 VNĐ", 450_000),
        ("  884.520  ", 884_520),
        ("12.500", 12_500),
        ("0", 0),
        ("999", 999),
        ("9223372036854775807", Int64.max),
        ("9.223.372.036.854.775.807", Int64.max),
    ])
    func parseAccepts(text: String, dong: Int64) throws {
        #expect((try? Money.parse(text)) == Money(dong: dong))
    }

    @Test(arguments: [
        "12.5", "100000.00", "1.33.452", "-5", "-1.000", "", "   ", "đ", "abc", "1,334.520", "1.334,520",
        "1 334.520", "12,5", "1.3345.20", "1.334.", ".334", "1..334", "1334520.", "12a", "1e6", "１２３",
        "9223372036854775808", "9.223.372.036.854.775.808", "99999999999999999999", "+500",
    ])
    func parseRefuses(text: String) {
        #expect(throws: MoneyError.notAnAmount(text)) { try Money.parse(text) }
    }

    // MARK: formatting

    @Test(arguments: [
        (Int64(1_334_520), "1.334.520 đ"), (0, "0 đ"), (999, "999 đ"), (1_000, "1.000 đ"), (100_000, "100.000 đ"),
        (12, "12 đ"), (1_000_000_000, "1.000.000.000 đ"), (-1_000, "-1.000 đ"),
        (Int64.max, "9.223.372.036.854.775.807 đ"), (Int64.min, "-9.223.372.036.854.775.808 đ"),
    ])
    func formatted(dong: Int64, text: String) {
        #expect(Money(dong: dong).formatted == text)
    }

    /// Groups `n`'s digits in threes from the right with `separator`, computed by repeated division
    /// (independently of `Money.groupThousands`, which walks the digit string).
    static func grouped(_ n: Int64, separator: String) -> String {
        precondition(n >= 0)
        var groups: [String] = []
        var rest = n
        repeat {
            let group = rest % 1000
            rest /= 1000
            groups.insert(rest > 0 ? String(format3: group) : String(group), at: 0)
        } while rest > 0
        return groups.joined(separator: separator)
    }

    @Test func groupingHelperIsRight() {
        #expect(Self.grouped(0, separator: ".") == "0")
        #expect(Self.grouped(1_000, separator: ".") == "1.000")
        #expect(Self.grouped(1_002_003, separator: " ") == "1 002 003")
        #expect(Self.grouped(999_999, separator: ",") == "999,999")
    }

    @Test func propertyParseOfGroupedStringGivesTheNumberBack() async {
        let amounts = Gen.int64(in: 0...Int64.max)
        let separators = Gen.element(of: [".", ",", " ", "\u{00A0}"]).map { $0! }
        await propertyCheck(count: 300, input: amounts, separators) { n, separator in
            let text = Self.grouped(n, separator: separator)
            #expect((try? Money.parse(text)) == Money(dong: n))
            #expect((try? Money.parse("\(text) đ")) == Money(dong: n))
            #expect((try? Money.parse(String(n))) == Money(dong: n))
        }
    }

    @Test func propertyFormattedIsDotGroupedWithSuffixAndParsesBack() async {
        await propertyCheck(count: 300, input: Gen.int64(in: 0...Int64.max)) { n in
            let money = Money(dong: n)
            #expect(money.formatted == Self.grouped(n, separator: ".") + " đ")
            #expect((try? Money.parse(money.formatted)) == money)
        }
    }

    @Test func propertySmallAmountsAcrossGroupBoundaries() async {
        // Amounts near powers of 1000 are where grouping mistakes hide.
        await propertyCheck(count: 200, input: Gen.int(in: 1...6), Gen.int64(in: -3...3)) { power, delta in
            var base: Int64 = 1
            for _ in 0..<power { base *= 1000 }
            let n = max(0, base + delta)
            #expect((try? Money.parse(Self.grouped(n, separator: "."))) == Money(dong: n))
            #expect(Money(dong: n).formatted == Self.grouped(n, separator: ".") + " đ")
        }
    }
}

extension String {
    /// Three digits with leading zeros.
    init(format3 value: Int64) {
        let digits = String(value)
        self = String(repeating: "0", count: 3 - digits.count) + digits
    }
}
