extension Money {
    /// Reads an amount a person typed in a file: `1334520`, `1.334.520`, `1,334,520` or `1 334 520`.
    ///
    /// Separators are accepted only in proper groups of three, so a decimal like `12.5` or `100000.00` is
    /// refused rather than silently read as 125 or 10,000,000: VND has no minor unit, and guessing is how
    /// money goes wrong. Negative amounts are refused too; callers that accept them say so explicitly.
    public static func parse(_ text: String) throws(MoneyError) -> Money {
        let trimmed = text.trimmingSpaces()
        var body = Substring(trimmed)
        let lowered = body.lowercased()
        for suffix in ["đồng", "vnđ", "vnd", "đ"] where lowered.hasSuffix(suffix) {
            body = body.dropLast(suffix.count)
            break
        }
        body = Substring(String(body).trimmingSpaces())
        guard let first = body.first, first.isASCII, first.isNumber else { throw .notAnAmount(text) }
        let separators: Set<Character> = [".", ",", " ", "\u{00A0}"]
        let groups = body.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) })
        if groups.count > 1 {
            let used = Set(body.filter { separators.contains($0) })
            guard used.count == 1,
                  let head = groups.first, (1...3).contains(head.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { throw .notAnAmount(text) }
        }
        var value: Int64 = 0
        for group in groups {
            for character in group {
                guard let digit = character.asciiDigit else { throw .notAnAmount(text) }
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(Int64(digit))
                if o1 || o2 { throw .notAnAmount(text) }
                value = next
            }
        }
        return Money(dong: value)
    }
}

extension Character {
    var asciiDigit: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// Letters A–Z, a–z and digits, decided on the byte: identifiers that end up in account codes and bank text
/// must be plain ASCII, and this is the hot path of every roster import.
func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
}
