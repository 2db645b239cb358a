import DemoSchool
import LedgerCore

/// Shared fixtures: a school key, codes worked out by hand, an independent code check, a seeded generator.
enum Fixture {
    static let key = try! PaymentCodeKey(multiplier: 7_654_321, offset: 1_234_567)

    /// Worked by hand (see `FixtureTests.handComputedCodes`).
    static let code1 = "HPBNDNCBJ"   // serial 1: no digit
    static let code2 = "HPKXBKXM9"   // serial 2
    static let code3 = "HPV89JHM7"   // serial 3: an `H` among its symbols

    static func code(_ serial: Int64) -> PaymentCode { try! PaymentCode(serial: serial, key: key) }

    /// The 31 symbols typed out, and the two checks written again from their definition, independently of
    /// LedgerCore: Σ wᵢ ≡ 0 and Σ i·wᵢ ≡ 0 (mod 31) over the seven symbols after `HP`.
    static let symbols = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    static let confusables = Array("01ILO")

    static func isCodeword(_ text: String) -> Bool {
        let chars = Array(text.uppercased())
        guard chars.count == 9, chars[0] == "H", chars[1] == "P" else { return false }
        var s0 = 0, s1 = 0
        for (index, character) in chars.dropFirst(2).enumerated() {
            guard let value = symbols.firstIndex(of: character) else { return false }
            s0 += value
            s1 += (index + 1) * value
        }
        return s0 % 31 == 0 && s1 % 31 == 0
    }

    /// Every `HP` + 7 code symbols reading of `text` folded to letters and digits only (no separators at all):
    /// the most generous reading possible. If none is a codeword, no code is literally present.
    static func anyCodewordPresent(_ text: String) -> Bool {
        let compact = Array(text.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        guard compact.count >= 9 else { return false }
        for start in 0...(compact.count - 9) where compact[start] == "H" && compact[start + 1] == "P" {
            if isCodeword(String(compact[start..<(start + 9)])) { return true }
        }
        return false
    }
}

/// The project's seeded generator (SplitMix64), so that every run generates the same descriptions.
typealias SeededGenerator = DemoSchool.SeededGenerator

/// Ways a code gets written. Each returns the text to embed.
enum Mangle {
    static func lower(_ code: String) -> String { code.lowercased() }
    static func mixed(_ code: String) -> String {
        String(code.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.lowercased()) : $0.element })
    }
    /// A separator inserted before character `index` (1…8) of the nine.
    static func split(_ code: String, at index: Int, with separator: String) -> String {
        let chars = Array(code)
        return String(chars[..<index]) + separator + String(chars[index...])
    }
    /// `hp 3k7-qx.2m`: after `HP`, then 3 + 2 + 2.
    static func chunked(_ code: String) -> String {
        let c = Array(code.lowercased())
        return String(c[0...1]) + " " + String(c[2...4]) + "-" + String(c[5...6]) + "." + String(c[7...8])
    }
    static func spacedOut(_ code: String) -> String { code.map(String.init).joined(separator: " ") }
}
