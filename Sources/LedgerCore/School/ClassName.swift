/// A class such as `3A`: the grade (1–12) followed by the section. Stored upper-case so that `3a` and `3A`
/// on two rosters are the same class.
public struct ClassName: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let grade: Int
    public let section: String

    /// Parses `3A`, `3a`, `Lớp 3A`, `3 A`, `10A1`.
    public init?(_ text: String) {
        var body = Substring(text.trimmingSpaces().uppercased())
        for prefix in ["LỚP", "LOP"] where body.hasPrefix(prefix) { body = body.dropFirst(prefix.count) }
        body = Substring(body.filter { !$0.isWhitespace })
        let digits = body.prefix(while: { $0.asciiDigit != nil })
        let section = body.dropFirst(digits.count)
        guard let grade = Int(digits), (1...12).contains(grade), !section.isEmpty, section.count <= 4,
              section.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) })
        else { return nil }
        self.grade = grade
        self.section = String(section)
    }

    public var description: String { "\(grade)\(section)" }

    public static func < (lhs: ClassName, rhs: ClassName) -> Bool {
        (lhs.grade, lhs.section) < (rhs.grade, rhs.section)
    }
}
