import VietnameseText

/// Reads the school's fee list (danh mục khoản thu) from a table.
public enum FeeListFile {
    public static let columns: [ColumnSpec] = [
        ColumnSpec("fee_code", aliases: ["Mã khoản thu", "Mã khoản", "Mã", "code"], required: true),
        ColumnSpec("name", aliases: ["Tên khoản thu", "Khoản thu", "Nội dung", "Tên"], required: true),
        ColumnSpec("amount", aliases: ["Số tiền", "Mức thu", "Đơn giá"], required: true),
        ColumnSpec("applies_to", aliases: ["Áp dụng", "Đối tượng", "Phạm vi"], required: true),
        ColumnSpec("period", aliases: ["Kỳ thu", "Chu kỳ", "Định kỳ"], required: true),
        ColumnSpec("due", aliases: ["Tháng thu", "Hạn thu"], required: false),
        ColumnSpec("account", aliases: ["Tài khoản", "TK có"], required: false),
    ]

    /// A fee of more than this per period is taken for a typing error (an extra zero or two), not a price:
    /// the largest items of a public primary school (a year's health insurance, uniforms) are under 1 million.
    public static let maximumAmount = Money(dong: 20_000_000)

    /// - Parameter classes: the classes on the roster, so that a fee for a class or grade that does not
    ///   exist is refused instead of silently billing nobody.
    public static func read(_ table: InputTable, classes: Set<ClassName>) throws(InputError) -> [FeeItem] {
        let map = try ColumnMap(table: table, columns: columns)
        var problems = ProblemList(fileName: table.fileName)
        var fees: [FeeItem] = []
        var firstRowOfCode: [FeeCode: Int] = [:]
        let grades = Set(classes.map(\.grade))
        for row in table.rows where row.number > map.headerRow {
            let rawCode = map.value("fee_code", in: row)
            let name = VietnameseNormalization.cleanName(map.value("name", in: row))
            if rawCode.isEmpty && name.isEmpty && map.value("amount", in: row).isEmpty { continue }
            guard let code = FeeCode(rawCode) else {
                problems.add(row: row.number, column: map.header("fee_code"), rawCode.isEmpty ? "the fee code is empty" : "\"\(rawCode)\" is not a fee code (letters, digits and _, at most 20)")
                continue
            }
            if let earlier = firstRowOfCode[code] {
                problems.add(row: row.number, column: map.header("fee_code"), "fee \(code) is already on row \(earlier)")
                continue
            }
            firstRowOfCode[code] = row.number
            if name.isEmpty { problems.add(row: row.number, column: map.header("name"), "the fee name is empty"); continue }
            let rawAmount = map.value("amount", in: row)
            let amount: Money
            do { amount = try Money.parse(rawAmount) } catch {
                problems.add(row: row.number, column: map.header("amount"), rawAmount.hasPrefix("-") ? "\"\(rawAmount)\" is negative; a fee must be a positive whole number of đồng" : "\"\(rawAmount)\" is not a whole number of đồng")
                continue
            }
            guard amount.isPositive else { problems.add(row: row.number, column: map.header("amount"), "the amount is zero; a fee must be positive"); continue }
            guard amount <= maximumAmount else {
                problems.add(row: row.number, column: map.header("amount"), "\(amount.formatted) is more than \(maximumAmount.formatted) per period; check for extra zeros")
                continue
            }
            let rawScope = map.value("applies_to", in: row)
            guard let scope = FeeScope(rawScope) else {
                problems.add(row: row.number, column: map.header("applies_to"), "\"\(rawScope)\" is not all, grade:N or class:3A")
                continue
            }
            switch scope {
            case .all: break
            case .grade(let grade) where !grades.contains(grade):
                problems.add(row: row.number, column: map.header("applies_to"), "no class of grade \(grade) on the roster")
                continue
            case .className(let name) where !classes.contains(name):
                problems.add(row: row.number, column: map.header("applies_to"), "class \(name) is not on the roster")
                continue
            default: break
            }
            let rawPeriod = BankASCII.matchKey(map.value("period", in: row))
            let rawDue = map.value("due", in: row)
            let schedule: FeeSchedule
            switch rawPeriod {
            case "monthly", "hangthang", "thang": schedule = .monthly
            case "term", "hocky", "ky": schedule = .term
            case "yearly", "hangnam", "nam", "namhoc": schedule = .yearly
            case "once", "motlan":
                guard let due = YearMonth(rawDue) else {
                    problems.add(row: row.number, column: map.header("due"), rawDue.isEmpty ? "a fee billed once needs its month in the due column (YYYY-MM)" : "\"\(rawDue)\" is not a month YYYY-MM")
                    continue
                }
                schedule = .once(due)
            default:
                problems.add(row: row.number, column: map.header("period"), "\"\(map.value("period", in: row))\" is not monthly, term, yearly or once")
                continue
            }
            if schedule.due == nil && !rawDue.isEmpty {
                problems.add(row: row.number, column: map.header("due"), "a due month is only for fees billed once; this one is \(schedule.periodName)")
                continue
            }
            let rawAccount = map.value("account", in: row)
            var account = FeeAccount.serviceRevenue
            if !rawAccount.isEmpty {
                guard let parsed = FeeAccount(rawValue: rawAccount) else {
                    problems.add(row: row.number, column: map.header("account"), "\"\(rawAccount)\" is not one of the fee accounts \(FeeAccount.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                account = parsed
            }
            fees.append(FeeItem(code: code, name: name, amount: amount, scope: scope, schedule: schedule, account: account))
        }
        try problems.throwIfAny()
        if fees.isEmpty { throw InputError(fileName: table.fileName, row: map.headerRow, reason: "no fees below the header row") }
        return fees
    }
}
