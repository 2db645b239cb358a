import Testing
@testable import LedgerCore

@Suite("FeeListFile")
struct FeeListFileTests {
    static let classes: Set<ClassName> = Set(["1A", "1B", "2A", "3A"].map { ClassName($0)! })
    static let header = ["fee_code", "name", "amount", "applies_to", "period", "due", "account"]

    static func read(_ rows: [[String]], file: String = "fees.csv") throws(InputError) -> [FeeItem] {
        try FeeListFile.read(Fixtures.table(file, rows), classes: classes)
    }

    static func refusal(_ rows: [[String]]) -> String? {
        do {
            _ = try read(rows)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func goodFile() throws {
        let fees = try Self.read([
            Self.header,
            ["tienan", "Tiền ăn  bán trú", "450.000", "all", "monthly", "", ""],
            ["BHYT", "Bảo hiểm y tế", "884,520", "all", "yearly", "", "3381"],
            ["HOCPHAM", "Học phẩm", "150000", "grade:1", "term", "", "3373"],
            ["DONGPHUC", "Đồng phục", "320 000 đ", "class:1A", "once", "2025-09", "531"],
            ["", "", "", "", "", "", ""],
            ["CLB", "Câu lạc bộ", "100000", "lớp:3a", "Hàng tháng", "", ""],
        ])
        #expect(fees.count == 5)
        #expect(fees[0] == FeeItem(code: FeeCode("TIENAN")!, name: "Tiền ăn bán trú", amount: Money(dong: 450_000), scope: .all,
                                   schedule: .monthly, account: .serviceRevenue))
        #expect(fees[1] == FeeItem(code: FeeCode("BHYT")!, name: "Bảo hiểm y tế", amount: Money(dong: 884_520), scope: .all,
                                   schedule: .yearly, account: .collectedOnBehalf))
        #expect(fees[2] == FeeItem(code: FeeCode("HOCPHAM")!, name: "Học phẩm", amount: Money(dong: 150_000), scope: .grade(1),
                                   schedule: .term, account: .provisionalFees))
        #expect(fees[3] == FeeItem(code: FeeCode("DONGPHUC")!, name: "Đồng phục", amount: Money(dong: 320_000),
                                   scope: .className(ClassName("1A")!), schedule: .once(YearMonth("2025-09")!), account: .serviceRevenue))
        #expect(fees[4].scope == .className(ClassName("3A")!) && fees[4].schedule == .monthly)
    }

    @Test func vietnameseHeadersAndPeriods() throws {
        let fees = try Self.read([
            ["DANH MỤC KHOẢN THU"],
            ["Mã khoản thu", "Tên khoản thu", "Số tiền", "Áp dụng", "Kỳ thu", "Tháng thu", "Tài khoản"],
            ["A", "a", "1000", "tất cả", "hàng tháng", "", ""],
            ["B", "b", "1000", "khối:2", "học kỳ", "", ""],
            ["C", "c", "1000", "Tất cả", "Năm học", "", ""],
            ["D", "d", "1000", "all", "một lần", "2026-01", ""],
            ["E", "e", "1000", "all", "HANG NAM", "", ""],
        ])
        #expect(fees.map(\.schedule) == [.monthly, .term, .yearly, .once(YearMonth("2026-01")!), .yearly])
        #expect(fees[1].scope == .grade(2))
    }

    @Test func optionalColumnsMayBeAbsent() throws {
        let fees = try Self.read([["fee_code", "name", "amount", "applies_to", "period"], ["X", "x", "5000", "all", "term"]])
        #expect(fees == [FeeItem(code: FeeCode("X")!, name: "x", amount: Money(dong: 5_000), scope: .all, schedule: .term)])
        // Without a due column, a one-off fee cannot say its month.
        #expect(Self.refusalWithoutOptional(["Y", "y", "5000", "all", "once"])
                == "fees.csv: row 2: column \"due\": a fee billed once needs its month in the due column (YYYY-MM)")
    }

    static func refusalWithoutOptional(_ row: [String]) -> String? {
        do {
            _ = try FeeListFile.read(Fixtures.table("fees.csv", [["fee_code", "name", "amount", "applies_to", "period"], row]),
                                     classes: classes)
            return nil
        } catch {
            return error.description
        }
    }

    @Test(arguments: [
        (["T", "t", "12.5", "all", "monthly", "", ""], "column \"amount\": \"12.5\" is not a whole number of đồng"),
        (["T", "t", "100000.00", "all", "monthly", "", ""], "column \"amount\": \"100000.00\" is not a whole number of đồng"),
        (["T", "t", "abc", "all", "monthly", "", ""], "column \"amount\": \"abc\" is not a whole number of đồng"),
        (["T", "t", "", "all", "monthly", "", ""], "column \"amount\": \"\" is not a whole number of đồng"),
        (["T", "t", "-1000", "all", "monthly", "", ""], "column \"amount\": \"-1000\" is negative; a fee must be a positive whole number of đồng"),
        (["T", "t", "0", "all", "monthly", "", ""], "column \"amount\": the amount is zero; a fee must be positive"),
        (["T", "t", "20.000.001", "all", "monthly", "", ""], "column \"amount\": 20.000.001 đ is more than 20.000.000 đ per period; check for extra zeros"),
        (["T", "t", "450000000", "all", "monthly", "", ""], "column \"amount\": 450.000.000 đ is more than 20.000.000 đ per period; check for extra zeros"),
        (["T", "t", "1000", "everyone", "monthly", "", ""], "column \"applies_to\": \"everyone\" is not all, grade:N or class:3A"),
        (["T", "t", "1000", "grade:13", "monthly", "", ""], "column \"applies_to\": \"grade:13\" is not all, grade:N or class:3A"),
        (["T", "t", "1000", "", "monthly", "", ""], "column \"applies_to\": \"\" is not all, grade:N or class:3A"),
        (["T", "t", "1000", "class:5C", "monthly", "", ""], "column \"applies_to\": class 5C is not on the roster"),
        (["T", "t", "1000", "class:3B", "monthly", "", ""], "column \"applies_to\": class 3B is not on the roster"),
        (["T", "t", "1000", "grade:4", "monthly", "", ""], "column \"applies_to\": no class of grade 4 on the roster"),
        (["T", "t", "1000", "all", "weekly", "", ""], "column \"period\": \"weekly\" is not monthly, term, yearly or once"),
        (["T", "t", "1000", "all", "", "", ""], "column \"period\": \"\" is not monthly, term, yearly or once"),
        (["T", "t", "1000", "all", "once", "", ""], "column \"due\": a fee billed once needs its month in the due column (YYYY-MM)"),
        (["T", "t", "1000", "all", "once", "2025-9", ""], "column \"due\": \"2025-9\" is not a month YYYY-MM"),
        (["T", "t", "1000", "all", "monthly", "2025-09", ""], "column \"due\": a due month is only for fees billed once; this one is monthly"),
        (["T", "t", "1000", "all", "yearly", "2025-09", ""], "column \"due\": a due month is only for fees billed once; this one is yearly"),
        (["T", "t", "1000", "all", "monthly", "", "511"], "column \"account\": \"511\" is not one of the fee accounts 531, 3373, 3381"),
        (["T", "t", "1000", "all", "monthly", "", "112"], "column \"account\": \"112\" is not one of the fee accounts 531, 3373, 3381"),
        (["TIEN AN", "t", "1000", "all", "monthly", "", ""], "column \"fee_code\": \"TIEN AN\" is not a fee code (letters, digits and _, at most 20)"),
        (["", "t", "1000", "all", "monthly", "", ""], "column \"fee_code\": the fee code is empty"),
        (["T", "", "1000", "all", "monthly", "", ""], "column \"name\": the fee name is empty"),
        (["ok", "t", "1000", "all", "monthly", "", ""], "column \"fee_code\": fee OK is already on row 2"),
    ])
    func badRowIsRefused(row: [String], expected: String) {
        #expect(Self.refusal([Self.header, ["OK", "fine", "1000", "all", "monthly", "", ""], row]) == "fees.csv: row 3: " + expected)
    }

    @Test func largestAllowedAmountIsAccepted() throws {
        let fees = try Self.read([Self.header, ["T", "t", "20.000.000", "all", "yearly", "", ""]])
        #expect(fees[0].amount == Money(dong: 20_000_000))
    }

    @Test func headerNamesInErrorsAreTheFilesOwn() {
        let rows = [["Mã khoản thu", "Tên khoản thu", "Số tiền", "Áp dụng", "Kỳ thu"], ["A", "a", "12,5", "all", "monthly"]]
        #expect(Self.refusal(rows) == "fees.csv: row 2: column \"Số tiền\": \"12,5\" is not a whole number of đồng")
    }

    @Test func problemsAreCounted() {
        let rows = [
            Self.header,
            ["A", "a", "12.5", "all", "monthly", "", ""],
            ["B", "b", "1000", "grade:9", "monthly", "", ""],
            ["C", "c", "1000", "all", "once", "", ""],
            ["D", "d", "1000", "all", "monthly", "", ""],
        ]
        #expect(Self.refusal(rows) == "fees.csv: row 2: column \"amount\": \"12.5\" is not a whole number of đồng (and 2 more problems in this file)")
    }

    @Test func emptyAndHeaderOnlyFilesAreRefused() {
        #expect(Self.refusal([]) == "fees.csv: the file is empty")
        #expect(Self.refusal([Self.header]) == "fees.csv: row 1: no fees below the header row")
        #expect(Self.refusal([["fee_code", "name", "amount"], ["A", "a", "1"]])
                == "fees.csv: row 1: column \"applies_to\": missing column; expected \"applies_to\" (Áp dụng), \"period\" (Kỳ thu)")
    }

    /// A scope with nothing after the colon must be a located refusal, not a crash of the whole import.
    @Test func emptyGradeInAppliesToIsRefusedNotACrash() async {
        await #expect(processExitsWith: .success) {
            let table = InputTable(fileName: "fees.csv", rows: [
                .init(number: 1, cells: ["fee_code", "name", "amount", "applies_to", "period"]),
                .init(number: 2, cells: ["A", "a", "1000", "grade:", "monthly"]),
            ])
            do {
                _ = try FeeListFile.read(table, classes: [ClassName("1A")!])
                preconditionFailure("accepted")
            } catch {
                let located = error as? InputError
                precondition(located?.description == "fees.csv: row 2: column \"applies_to\": \"grade:\" is not all, grade:N or class:3A",
                             located?.description ?? "\(error)")
            }
        }
    }
}
