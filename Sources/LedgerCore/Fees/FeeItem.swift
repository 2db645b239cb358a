/// One thing the school bills for (semi-boarding meals, health insurance, …), with who pays it and when.
public struct FeeItem: Sendable, Hashable, Codable {
    public var code: FeeCode
    public var name: String
    /// What one billing period costs a pupil it applies to.
    public var amount: Money
    public var scope: FeeScope
    public var schedule: FeeSchedule
    /// Where the money is credited: the school's own revenue, or money collected on behalf of others.
    public var account: FeeAccount

    public init(code: FeeCode, name: String, amount: Money, scope: FeeScope, schedule: FeeSchedule,
                account: FeeAccount = .serviceRevenue) {
        self.code = code
        self.name = name
        self.amount = amount
        self.scope = scope
        self.schedule = schedule
        self.account = account
    }

    /// Whether this fee is billed to `student` for `month`.
    public func isDue(for student: Student, in month: YearMonth) -> Bool {
        scope.includes(student.className) && schedule.isDue(in: month)
    }
}

/// A fee's code, e.g. `TIENAN`: ASCII letters, digits and `_`, because it becomes part of account codes.
public struct FeeCode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces().uppercased()
        guard (1...20).contains(trimmed.count),
              trimmed.utf8.allSatisfy({ isASCIIAlphanumeric($0) || $0 == 0x5F })
        else { return nil }
        value = trimmed
    }

    public var description: String { value }
    public static func < (lhs: FeeCode, rhs: FeeCode) -> Bool { lhs.value < rhs.value }
}

/// Which pupils a fee applies to: `all`, `grade:N` or `class:3A`.
public enum FeeScope: Sendable, Hashable, Codable, CustomStringConvertible {
    case all
    case grade(Int)
    case className(ClassName)

    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces().lowercased()
        if trimmed == "all" || trimmed == "tất cả" || trimmed == "tat ca" {
            self = .all
        } else if trimmed.hasPrefix("grade:") || trimmed.hasPrefix("khối:") || trimmed.hasPrefix("khoi:") {
            let value = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[1].trimmingCharacters()
            guard let grade = Int(value), (1...12).contains(grade) else { return nil }
            self = .grade(grade)
        } else if trimmed.hasPrefix("class:") || trimmed.hasPrefix("lớp:") || trimmed.hasPrefix("lop:") {
            let value = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)[1]
            guard let name = ClassName(String(value)) else { return nil }
            self = .className(name)
        } else {
            return nil
        }
    }

    public func includes(_ className: ClassName) -> Bool {
        switch self {
        case .all: true
        case .grade(let grade): className.grade == grade
        case .className(let name): className == name
        }
    }

    public var description: String {
        switch self {
        case .all: "all"
        case .grade(let grade): "grade:\(grade)"
        case .className(let name): "class:\(name)"
        }
    }
}

/// When a fee falls due within the school year (September–May).
public enum FeeSchedule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Every teaching month, September to May.
    case monthly
    /// Twice a year: September and January.
    case term
    /// Once a school year, in September.
    case yearly
    /// Once, in the given month.
    case once(YearMonth)

    public func isDue(in month: YearMonth) -> Bool {
        switch self {
        case .monthly: !(6...8).contains(month.month)
        case .term: month.month == 9 || month.month == 1
        case .yearly: month.month == 9
        case .once(let due): month == due
        }
    }

    /// The contract's `period` column value.
    public var periodName: String {
        switch self {
        case .monthly: "monthly"
        case .term: "term"
        case .yearly: "yearly"
        case .once: "once"
        }
    }

    public var due: YearMonth? {
        if case .once(let month) = self { month } else { nil }
    }

    public var description: String {
        if case .once(let month) = self { "once \(month)" } else { periodName }
    }
}

/// The credit side of a billed fee, by its account in the chart (Circular 24/2024/TT-BTC).
public enum FeeAccount: String, Sendable, Hashable, Codable, CaseIterable {
    /// 531 — revenue from services the school provides (meals, semi-boarding care, clubs).
    case serviceRevenue = "531"
    /// 3373 — fees (phí) collected provisionally, later split between the budget and the school.
    case provisionalFees = "3373"
    /// 3381 — money collected on behalf of others (health insurance for Social Insurance, pass-through meals).
    case collectedOnBehalf = "3381"
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}
