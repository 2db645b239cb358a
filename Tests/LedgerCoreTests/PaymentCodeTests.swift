import PropertyBased
import Testing
@testable import LedgerCore

@Suite("PaymentCode")
struct PaymentCodeTests {
    /// The 31 symbols, typed out by hand: digits 2–9 and A–Z without I, L, O.
    static let symbols = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    static let capacity: Int64 = 31 * 31 * 31 * 31 * 31

    static let keys: [PaymentCodeKey] = [
        try! PaymentCodeKey(multiplier: 1, offset: 0),
        try! PaymentCodeKey(multiplier: 2, offset: 5),
        try! PaymentCodeKey(multiplier: 1_234_567, offset: 7_654_321),
        try! PaymentCodeKey(multiplier: 17_000_003, offset: 123),
        try! PaymentCodeKey(multiplier: 28_629_150, offset: 28_629_150),
    ]

    static func code(_ serial: Int64, _ key: PaymentCodeKey) -> PaymentCode { try! PaymentCode(serial: serial, key: key) }

    /// Serials spread over the whole space: the first few, some in the middle, the last few.
    static let sampleSerials: [Int64] = Array(1...40) + [999, 1_000, 65_536, 1_000_000, 14_314_575, 20_000_000]
        + Array((capacity - 20)..<capacity)

    @Test func alphabetIsTheDocumentedOne() {
        #expect(PaymentCode.alphabet == Self.symbols)
        #expect(Set(PaymentCode.alphabet).count == 31)
        #expect(PaymentCode.capacity == Self.capacity)
        for confusable in "01ILO" { #expect(!PaymentCode.alphabet.contains(confusable)) }
    }

    /// Worked by hand from the doc comment: key (1, 0), serial 1 → data 0,0,0,0,1 = "22223";
    /// A = 1, B = 5 → c₂ = 6·1 − 5 = 1 ("3"), c₁ = −1 − 1 ≡ 29 ("Y").
    @Test func handComputedCode() throws {
        #expect(try PaymentCode(serial: 1, key: PaymentCodeKey(multiplier: 1, offset: 0)).text == "HP22223Y3")
        // serial 31 → data 0,0,0,1,0: A = 1, B = 4 → c₂ = 2 ("4"), c₁ = −3 ≡ 28 ("X").
        #expect(try PaymentCode(serial: 31, key: PaymentCodeKey(multiplier: 1, offset: 0)).text == "HP22232X4")
    }

    /// The data symbols are the base-31 digits of (multiplier · serial + offset) mod 31⁵.
    @Test func dataSymbolsAreTheScrambledSerial() {
        for key in Self.keys {
            for serial in Self.sampleSerials {
                let text = Self.code(serial, key).text
                var value: Int64 = 0
                for character in text.dropFirst(2).prefix(5) {
                    value = value * 31 + Int64(Self.symbols.firstIndex(of: character)!)
                }
                let expected = Int64((Int(key.multiplier) * Int(serial) + Int(key.offset)) % Int(Self.capacity))
                #expect(value == expected, "serial \(serial)")
            }
        }
    }

    @Test func shapeOfEveryCode() {
        for key in Self.keys {
            for serial in Self.sampleSerials {
                let text = Self.code(serial, key).text
                #expect(text.count == 9)
                #expect(text.hasPrefix("HP"))
                #expect(text.dropFirst(2).allSatisfy { Self.symbols.contains($0) })
                #expect(!text.dropFirst(2).contains { "01ILO".contains($0) })
            }
        }
    }

    @Test func everyCodeParsesBackInAnyCaseAndWithSeparators() throws {
        for key in Self.keys {
            for serial in Self.sampleSerials {
                let code = Self.code(serial, key)
                let t = code.text
                let chars = Array(t)
                let part1: String = String(chars[2...4]).lowercased()
                let part2: String = String(chars[5...6]).lowercased()
                let part3: String = String(chars[7...8]).lowercased()
                let single: [String] = chars.map { String($0) }
                var variants: [String] = [t, t.lowercased(), " " + t + " "]
                variants.append("hp " + part1 + "-" + part2 + "." + part3)   // e.g. "hp 3k7-qx.2m"
                for separator in [" ", ".", "-", "_"] { variants.append(single.joined(separator: separator)) }
                variants.append("H-P_" + String(chars[2...]))
                for variant in variants {
                    #expect(PaymentCode(parsing: variant) == code, "\(variant)")
                }
            }
        }
    }

    @Test func propertyRandomSeparatorsAndCase() async {
        let serials = Gen.int64(in: 1...(Self.capacity - 1))
        let keyIndex = Gen.int(in: 0...(Self.keys.count - 1))
        let noise = Gen.int(in: 0...7).array(of: 10)
        await propertyCheck(count: 300, input: serials, keyIndex, noise) { serial, k, noise in
            let code = Self.code(serial, Self.keys[k])
            var mangled = ""
            for (index, character) in code.text.enumerated() {
                mangled.append(noise[index] % 2 == 0 ? character : Character(character.lowercased()))
                switch noise[index] {
                case 0, 1: mangled.append(" ")
                case 2: mangled.append(".")
                case 3: mangled.append("-")
                default: break
                }
            }
            #expect(PaymentCode(parsing: mangled) == code, "\(mangled)")
        }
    }

    /// Every code in a sample of 200 and every single-symbol mistake: each of the 7 positions replaced by each of the
    /// 30 other symbols, and every swap of two different neighbours. None may parse — so none can be another code.
    @Test func exhaustiveSingleSubstitutionsAndAdjacentSwapsAreRejected() {
        var generator = SplitMix64(seed: 20250901)
        var rejected = 0
        for index in 0..<200 {
            let key = Self.keys[index % Self.keys.count]
            let serial = index < 20 ? Int64(index + 1) : Int64.random(in: 1..<Self.capacity, using: &generator)
            let body = Array(Self.code(serial, key).text.dropFirst(2))
            for position in 0..<7 {
                for symbol in Self.symbols where symbol != body[position] {
                    var changed = body
                    changed[position] = symbol
                    let text = "HP" + String(changed)
                    #expect(PaymentCode(parsing: text) == nil, "substitution \(text) of serial \(serial)")
                    #expect(PaymentCode(parsing: text.lowercased()) == nil)
                    rejected += 1
                }
                // Confusable characters outside the alphabet are never symbols either.
                for confusable in "01ILO" {
                    var changed = body
                    changed[position] = confusable
                    #expect(PaymentCode(parsing: "HP" + String(changed)) == nil)
                }
            }
            for position in 0..<6 where body[position] != body[position + 1] {
                var swapped = body
                swapped.swapAt(position, position + 1)
                #expect(PaymentCode(parsing: "HP" + String(swapped)) == nil, "swap at \(position) of serial \(serial)")
                rejected += 1
            }
        }
        #expect(rejected >= 200 * 7 * 30)
    }

    @Test func exhaustiveDoubleSubstitutionsAreRejected() {
        let samples: [(Int64, PaymentCodeKey)] = [(1, Self.keys[0]), (777, Self.keys[2]), (Self.capacity - 1, Self.keys[4])]
        for (serial, key) in samples {
            let body = Array(Self.code(serial, key).text.dropFirst(2))
            var tried = 0
            for first in 0..<7 {
                for second in (first + 1)..<7 {
                    for a in Self.symbols where a != body[first] {
                        for b in Self.symbols where b != body[second] {
                            var changed = body
                            changed[first] = a
                            changed[second] = b
                            if PaymentCode(parsing: "HP" + String(changed)) != nil {
                                Issue.record("double substitution HP\(String(changed)) of serial \(serial) parsed")
                            }
                            tried += 1
                        }
                    }
                }
            }
            #expect(tried == 21 * 30 * 30)
        }
    }

    @Test(arguments: ["", "HP", "HP22223Y", "HP22223Y33", "22223Y3", "XP22223Y3", "HP2222 3Y3X", "HP22223Y0", "HP2222OY3",
                      "HP22223Y3 CK", "HPHP22223Y3", "HP22223Ý3", "HP２2223Y3"])
    func malformedTextIsRejected(text: String) {
        #expect(PaymentCode(parsing: text) == nil)
    }

    @Test func validWordsAreExactlyTheCodewords() {
        // Out of all 31 choices for the last symbol of a code, exactly one is valid (the check symbol).
        var generator = SplitMix64(seed: 7)
        for _ in 0..<100 {
            let serial = Int64.random(in: 1..<Self.capacity, using: &generator)
            let body = Array(Self.code(serial, Self.keys[3]).text.dropFirst(2))
            let valid = Self.symbols.filter { symbol in
                var changed = body
                changed[6] = symbol
                return PaymentCode(parsing: "HP" + String(changed)) != nil
            }
            #expect(valid == [body[6]])
        }
    }

    @Test func codesAreUniqueOverTheFirst200000Serials() {
        for key in [Self.keys[2], Self.keys[0]] {
            var seen = Set<String>()
            seen.reserveCapacity(200_000)
            for serial in Int64(1)...200_000 {
                seen.insert(Self.code(serial, key).text)
            }
            #expect(seen.count == 200_000)
        }
    }

    @Test func propertyDistinctSerialsGiveDistinctCodes() async {
        let serial = Gen.int64(in: 1...(Self.capacity - 1))
        await propertyCheck(count: 500, input: serial, serial, Gen.int(in: 0...(Self.keys.count - 1))) { a, b, k in
            let key = Self.keys[k]
            #expect((Self.code(a, key) == Self.code(b, key)) == (a == b))
        }
    }

    @Test func consecutiveSerialsLookUnrelated() {
        // Siblings issued one after the other must not get codes a single slip apart.
        let key = Self.keys[2]
        for serial in Int64(1)...500 {
            let a = Array(Self.code(serial, key).text), b = Array(Self.code(serial + 1, key).text)
            // 1,234,567 is 1·31⁴ + 10·31³ + 13·31² + 20·31 + 23, so the last two data symbols always change.
            let differingData = zip(a[2..<7], b[2..<7]).filter { $0 != $1 }.count
            let differing = zip(a, b).filter { $0 != $1 }.count
            #expect(differingData >= 2, "serials \(serial), \(serial + 1)")
            #expect(differing >= 3, "serials \(serial), \(serial + 1)")
        }
    }

    @Test func serialOutOfRangeThrows() throws {
        let key = Self.keys[2]
        for serial in [Int64(0), -1, Int64.min, Self.capacity, Self.capacity + 1, Int64.max] {
            #expect(throws: PaymentCodeError.serialOutOfRange(serial)) { try PaymentCode(serial: serial, key: key) }
        }
        _ = try PaymentCode(serial: Self.capacity - 1, key: key)
    }

    @Test func invalidKeysAreRefused() throws {
        for (multiplier, offset) in [(Int64(0), Int64(0)), (-1, 0), (31, 0), (62, 1), (961, 1), (31 * 923_521, 0),
                                     (Self.capacity, 0), (Self.capacity + 1, 0), (1, -1), (1, Self.capacity), (Int64.max, 0)] {
            #expect(throws: PaymentCodeError.invalidKey) { try PaymentCodeKey(multiplier: multiplier, offset: offset) }
        }
        _ = try PaymentCodeKey(multiplier: 1, offset: 0)
        _ = try PaymentCodeKey(multiplier: Self.capacity - 1, offset: Self.capacity - 1)
        _ = try PaymentCodeKey(multiplier: 32, offset: 0)
    }

    @Test func randomKeysAreValidAndDiffer() {
        var generator = SplitMix64(seed: 42)
        var keys = Set<PaymentCodeKey>()
        for _ in 0..<200 {
            let key = PaymentCodeKey.random(using: &generator)
            #expect(key.multiplier >= 2 && key.multiplier < Self.capacity && key.multiplier % 31 != 0)
            #expect(key.offset >= 0 && key.offset < Self.capacity)
            keys.insert(key)
        }
        #expect(keys.count == 200)
    }

    @Test func orderingAndDescription() {
        let a = PaymentCode(parsing: "HP22223Y3")!
        #expect(a.description == "HP22223Y3")
        #expect(PaymentCode(parsing: "hp 2222 3y3")!.text == "HP22223Y3")
        let b = Self.code(31, Self.keys[0])
        #expect(a < b)
    }
}
