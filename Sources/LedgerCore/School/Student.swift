/// A pupil on the roster. The student code is the national student identifier: it is given once and never
/// changes, so it is the key that joins everything (invoices, receivables, receipts) to the child.
public struct Student: Sendable, Hashable, Codable {
    public var code: StudentCode
    /// Full name in NFC with diacritics, exactly as the family writes it ("Điểu Thị H'Linh" keeps its apostrophe).
    public var fullName: String
    public var className: ClassName
    public var dateOfBirth: LocalDate?
    public var guardianName: String?
    public var guardianPhone: PhoneNumber?

    public init(code: StudentCode, fullName: String, className: ClassName, dateOfBirth: LocalDate? = nil,
                guardianName: String? = nil, guardianPhone: PhoneNumber? = nil) {
        self.code = code
        self.fullName = fullName
        self.className = className
        self.dateOfBirth = dateOfBirth
        self.guardianName = guardianName
        self.guardianPhone = guardianPhone
    }
}

extension Student {
    /// This pupil as read from a file, with the optional details the file has no column for taken from
    /// `known`: a roster without phone numbers must not erase the phone numbers already on record.
    public func merging(_ known: Student, fileColumns: Set<String>) -> Student {
        var merged = self
        if !fileColumns.contains("date_of_birth") { merged.dateOfBirth = known.dateOfBirth }
        if !fileColumns.contains("guardian_name") { merged.guardianName = known.guardianName }
        if !fileColumns.contains("guardian_phone") { merged.guardianPhone = known.guardianPhone }
        return merged
    }
}

/// The national student identifier: ASCII letters and digits only, because it becomes part of account
/// codes and bank-facing text.
public struct StudentCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        // Already canonical (upper-case ASCII letters and digits, as stored): nothing to trim or fold.
        if (1...20).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) {
            value = text
            return
        }
        let trimmed = text.trimmingSpaces().uppercased()
        guard (1...20).contains(trimmed.count), trimmed.utf8.allSatisfy(isASCIIAlphanumeric)
        else { return nil }
        value = trimmed
    }

    public var description: String { value }
    public static func < (lhs: StudentCode, rhs: StudentCode) -> Bool { lhs.value < rhs.value }
}

/// A Vietnamese phone number, kept in the national form `0912345678`.
public struct PhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    /// Accepts `0912 345 678`, `0912.345.678`, `+84 912 345 678` and `84912345678`; refuses anything that is
    /// not 10 digits starting with 0 once the country code is folded in.
    public init?(_ text: String) {
        var digits = text.filter { !$0.isWhitespace && $0 != "." && $0 != "-" && $0 != "(" && $0 != ")" }
        if digits.hasPrefix("+84") { digits = "0" + digits.dropFirst(3) }
        else if digits.hasPrefix("84") && digits.count == 11 { digits = "0" + digits.dropFirst(2) }
        guard digits.count == 10, digits.first == "0", digits.allSatisfy({ $0.asciiDigit != nil }) else { return nil }
        value = digits
    }

    public var description: String { value }
}
