/// The short code a parent types (or the VietQR pre-fills) into the transfer description, e.g. `HP3K7QX2M`.
///
/// Banks mangle descriptions: they change case, strip diacritics, insert spaces, dots and dashes, wrap the
/// payer's text in their own envelope and cut it short. The code is therefore
/// - short (9 characters) and first in the QR purpose, so it survives a 25-character cut;
/// - drawn from 31 symbols that people and banks do not confuse: no `O`/`0`, no `I`/`1`/`L`;
/// - prefixed `HP` so it can be found inside any surrounding text;
/// - **self-checking**: two check symbols make every word a codeword of a distance-3 code over GF(31), so any
///   one wrong symbol, any two wrong symbols and any swap of neighbours gives an invalid code — never another
///   child's valid one.
public struct PaymentCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The canonical form: `HP` + 5 data symbols + 2 check symbols, upper case.
    public let text: String

    public static let prefix = "HP"
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    static let base: Int64 = 31
    static let dataLength = 5
    /// How many distinct codes a school has: 31⁵ = 28,629,151.
    public static let capacity: Int64 = 28_629_151

    /// The code for the `serial`-th invoice of a school. Distinct serials give distinct codes, because the key
    /// is a bijection of the code space.
    public init(serial: Int64, key: PaymentCodeKey) throws(PaymentCodeError) {
        guard serial >= 1, serial < PaymentCode.capacity else { throw .serialOutOfRange(serial) }
        var value = key.scramble(serial)
        var data = [Int](repeating: 0, count: PaymentCode.dataLength)
        for index in stride(from: PaymentCode.dataLength - 1, through: 0, by: -1) {
            data[index] = Int(value % PaymentCode.base)
            value /= PaymentCode.base
        }
        let (c1, c2) = PaymentCode.checkSymbols(for: data)
        text = PaymentCode.prefix + String((data + [c1, c2]).map { PaymentCode.alphabet[$0] })
    }

    /// Reads a code as a person or a bank may have written it: any case, with spaces, dots, dashes or
    /// underscores inside. Returns nil unless the symbols are all valid and both checks pass.
    public init?(parsing raw: String) {
        // The canonical form (as stored and as printed): checked on its bytes, without building anything.
        if raw.utf8.count == PaymentCode.prefix.utf8.count + PaymentCode.dataLength + 2, raw.utf8.starts(with: PaymentCode.prefix.utf8) {
            var s0 = 0, s1 = 0, valid = true
            for (index, byte) in raw.utf8.dropFirst(PaymentCode.prefix.utf8.count).enumerated() {
                guard byte < 0x80, let value = PaymentCode.symbolTable[Int(byte)] else { valid = false; break }
                s0 += value
                s1 += (index + 1) * value
            }
            if valid {
                guard s0 % 31 == 0, s1 % 31 == 0 else { return nil }
                text = raw
                return
            }
        }
        let compact = raw.uppercased().filter { $0 != " " && $0 != "." && $0 != "-" && $0 != "_" }
        guard compact.hasPrefix(PaymentCode.prefix) else { return nil }
        let body = compact.dropFirst(PaymentCode.prefix.count)
        guard body.count == PaymentCode.dataLength + 2 else { return nil }
        var values: [Int] = []
        for character in body {
            guard let value = PaymentCode.symbolValue(character) else { return nil }
            values.append(value)
        }
        guard PaymentCode.isCodeword(values) else { return nil }
        text = PaymentCode.prefix + String(body)
    }

    public var description: String { text }
    public static func < (lhs: PaymentCode, rhs: PaymentCode) -> Bool { lhs.text < rhs.text }

    /// The seven symbols after `HP` as one number, five bits each: distinct codes give distinct numbers, so an
    /// index of a million codes is a sorted array of integers instead of a million strings.
    public var packed: UInt64 {
        var value: UInt64 = 0
        for byte in text.utf8.dropFirst(PaymentCode.prefix.utf8.count) {
            value = value << 5 | UInt64(PaymentCode.symbolTable[Int(byte)] ?? 0)
        }
        return value
    }

    static func symbolValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        return symbolTable[Int(ascii)]
    }

    static let symbolTable: [Int?] = {
        var table = [Int?](repeating: nil, count: 128)
        for (value, symbol) in alphabet.enumerated() { table[Int(symbol.asciiValue!)] = value }
        return table
    }()

    /// Check symbols c₁, c₂ (positions 6 and 7) such that Σ wᵢ ≡ 0 and Σ i·wᵢ ≡ 0 (mod 31), i = 1…7.
    /// With A = Σ dᵢ and B = Σ i·dᵢ over the data: c₂ = 6A − B and c₁ = −A − c₂.
    static func checkSymbols(for data: [Int]) -> (Int, Int) {
        var a = 0, b = 0
        for (index, d) in data.enumerated() {
            a += d
            b += (index + 1) * d
        }
        let c2 = ((6 * a - b) % 31 + 31) % 31
        let c1 = ((-a - c2) % 31 + 31) % 31
        return (c1, c2)
    }

    /// Both syndromes vanish. A single error e at position j gives syndromes (e, j·e) ≠ 0; a swap of
    /// neighbours a ≠ b gives (0, a − b) ≠ 0; two errors cannot cancel both since positions differ.
    static func isCodeword(_ symbols: [Int]) -> Bool {
        var s0 = 0, s1 = 0
        for (index, w) in symbols.enumerated() {
            s0 += w
            s1 += (index + 1) * w
        }
        return s0 % 31 == 0 && s1 % 31 == 0
    }
}

/// The per-school secret bijection serial → code value: value = (multiplier · serial + offset) mod 31⁵.
///
/// Consecutive invoices thus get unrelated-looking codes (siblings' codes do not differ by one symbol), and
/// codes stay unique without a lookup because the multiplier is invertible modulo 31⁵.
public struct PaymentCodeKey: Sendable, Hashable, Codable {
    public let multiplier: Int64
    public let offset: Int64

    public init(multiplier: Int64, offset: Int64) throws(PaymentCodeError) {
        guard multiplier > 0, multiplier < PaymentCode.capacity, multiplier % 31 != 0,
              offset >= 0, offset < PaymentCode.capacity
        else { throw .invalidKey }
        self.multiplier = multiplier
        self.offset = offset
    }

    /// A fresh key from the caller's random source (the core has none of its own).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> PaymentCodeKey {
        var multiplier: Int64
        repeat { multiplier = Int64.random(in: 2..<PaymentCode.capacity, using: &generator) } while multiplier % 31 == 0
        let offset = Int64.random(in: 0..<PaymentCode.capacity, using: &generator)
        return try! PaymentCodeKey(multiplier: multiplier, offset: offset)
    }

    func scramble(_ serial: Int64) -> Int64 {
        (multiplier * serial + offset) % PaymentCode.capacity
    }
}

public enum PaymentCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case serialOutOfRange(Int64)
    case invalidKey

    public var description: String {
        switch self {
        case .serialOutOfRange(let serial): "invoice serial \(serial) is outside the payment-code space (1…\(PaymentCode.capacity - 1))"
        case .invalidKey: "the school's payment-code key is invalid"
        }
    }
}
