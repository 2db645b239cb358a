/// An amount of Vietnamese đồng. VND has no minor unit, so money is a whole number of đồng held in an `Int64`:
/// no floating point ever touches it, and every operation that could overflow throws instead of wrapping.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let dong: Int64

    public init(dong: Int64) { self.dong = dong }

    public static let zero = Money(dong: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.dong < rhs.dong }

    public var isPositive: Bool { dong > 0 }
    public var isNegative: Bool { dong < 0 }

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (sum, overflow) = dong.addingReportingOverflow(other.dong)
        if overflow { throw .overflow("\(dong) + \(other.dong)") }
        return Money(dong: sum)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (difference, overflow) = dong.subtractingReportingOverflow(other.dong)
        if overflow { throw .overflow("\(dong) - \(other.dong)") }
        return Money(dong: difference)
    }

    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = dong.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow("\(dong) × \(factor)") }
        return Money(dong: product)
    }

    /// The checked sum of many amounts.
    public static func sum<S: Sequence>(_ amounts: S) throws(MoneyError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// The way a Vietnamese reader writes money: `1.334.520 đ` (dots group thousands).
    public var formatted: String { "\(Money.groupThousands(dong)) đ" }

    /// The plain integer a file or a bank reads: `1334520`.
    public var description: String { String(dong) }

    public static func groupThousands(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}

public enum MoneyError: Error, Sendable, Equatable, CustomStringConvertible {
    case overflow(String)
    case notAnAmount(String)

    public var description: String {
        switch self {
        case .overflow(let expression): "amount overflow in \(expression)"
        case .notAnAmount(let text): "\"\(text)\" is not an amount of đồng"
        }
    }
}
