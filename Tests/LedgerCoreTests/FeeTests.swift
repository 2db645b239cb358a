import Testing
@testable import LedgerCore

@Suite("FeeSchedule, FeeScope, FeeItem")
struct FeeTests {
    /// Which calendar months (1…12) each schedule bills, written out from the contract:
    /// monthly = September–May, term = September and January, yearly = September.
    static let dueMonths: [(FeeSchedule, Set<Int>)] = [
        (.monthly, [9, 10, 11, 12, 1, 2, 3, 4, 5]),
        (.term, [9, 1]),
        (.yearly, [9]),
    ]

    @Test func periodicSchedulesInEveryMonthOfTwoYears() {
        for (schedule, due) in Self.dueMonths {
            for year in [2025, 2026] {
                for month in 1...12 {
                    let ym = YearMonth(year: year, month: month)!
                    #expect(schedule.isDue(in: ym) == due.contains(month), "\(schedule) in \(ym)")
                }
            }
        }
    }

    @Test func monthlyIsDueExactlyInTheNineTeachingMonths() {
        let year = SchoolYear(startYear: 2025)
        let allMonths = (9...12).map { YearMonth(year: 2025, month: $0)! } + (1...8).map { YearMonth(year: 2026, month: $0)! }
        #expect(allMonths.filter { FeeSchedule.monthly.isDue(in: $0) } == year.teachingMonths)
    }

    @Test func onceIsDueOnlyInItsOwnMonth() {
        let due = YearMonth("2025-09")!
        let schedule = FeeSchedule.once(due)
        for year in 2024...2026 {
            for month in 1...12 {
                let ym = YearMonth(year: year, month: month)!
                #expect(schedule.isDue(in: ym) == (year == 2025 && month == 9), "once 2025-09 in \(ym)")
            }
        }
        // A one-off fee in a summer month is still billed in that month.
        #expect(FeeSchedule.once(YearMonth("2026-07")!).isDue(in: YearMonth("2026-07")!))
        #expect(!FeeSchedule.once(YearMonth("2026-07")!).isDue(in: YearMonth("2025-07")!))
    }

    @Test func scheduleNames() {
        #expect(FeeSchedule.monthly.periodName == "monthly" && FeeSchedule.monthly.due == nil)
        #expect(FeeSchedule.term.periodName == "term" && FeeSchedule.term.due == nil)
        #expect(FeeSchedule.yearly.periodName == "yearly" && FeeSchedule.yearly.due == nil)
        #expect(FeeSchedule.once(YearMonth("2025-10")!).periodName == "once")
        #expect(FeeSchedule.once(YearMonth("2025-10")!).due == YearMonth("2025-10"))
        #expect(FeeSchedule.once(YearMonth("2025-10")!).description == "once 2025-10")
    }

    // MARK: scope

    @Test(arguments: [
        ("all", FeeScope.all), ("ALL", .all), (" all ", .all), ("tất cả", .all), ("Tất Cả", .all), ("tat ca", .all),
        ("grade:3", .grade(3)), ("GRADE:3", .grade(3)), ("grade: 3", .grade(3)), ("khối:1", .grade(1)), ("khoi:5", .grade(5)),
        ("Khối:12", .grade(12)),
        ("class:3A", .className(ClassName("3A")!)), ("class:3a", .className(ClassName("3A")!)),
        ("lớp:3a", .className(ClassName("3A")!)), ("Lớp:3A", .className(ClassName("3A")!)), ("lop:4b", .className(ClassName("4B")!)),
        ("class: 3 A", .className(ClassName("3A")!)), ("class:10A1", .className(ClassName("10A1")!)),
    ])
    func scopeParses(text: String, scope: FeeScope) {
        #expect(FeeScope(text) == scope)
    }

    @Test(arguments: ["", "everyone", "grade:0", "grade:13", "grade:x", "grade:3A", "class:A3", "class:13A", "class:3-A",
                      "grade 3", "class 3A", "3A", "grade:-1", "lớp:lớp"])
    func scopeRefuses(text: String) {
        #expect(FeeScope(text) == nil)
    }

    /// An empty value after the colon is a typing slip a person makes; it must be refused like any other bad scope.
    /// Run in a child process: this used to trap (index out of range in `FeeScope.init`), which would end the whole run.
    @Test func scopeWithNothingAfterTheColonIsRefusedNotACrash() async {
        await #expect(processExitsWith: .success) {
            for text in ["grade:", "khối:", "khoi:", "class:", "lớp:", "lop:", "grade:   ", "class:  ", " GRADE: "] {
                precondition(FeeScope(text) == nil, text)
            }
        }
    }

    @Test func scopeIncludes() {
        let c3A = ClassName("3A")!, c3B = ClassName("3B")!, c4A = ClassName("4A")!
        #expect(FeeScope.all.includes(c3A) && FeeScope.all.includes(c4A))
        #expect(FeeScope.grade(3).includes(c3A) && FeeScope.grade(3).includes(c3B) && !FeeScope.grade(3).includes(c4A))
        #expect(FeeScope.className(c3A).includes(c3A))
        #expect(!FeeScope.className(c3A).includes(c3B) && !FeeScope.className(c3A).includes(c4A))
        // "lớp:3a" from a Vietnamese file names the same class as "3A" on the roster.
        #expect(FeeScope("lớp:3a")!.includes(ClassName("Lớp 3A")!))
    }

    @Test func scopeDescriptionRoundTrips() {
        for scope in [FeeScope.all, .grade(1), .grade(12), .className(ClassName("3A")!), .className(ClassName("10A1")!)] {
            #expect(FeeScope(scope.description) == scope)
        }
        #expect(FeeScope.grade(3).description == "grade:3")
        #expect(FeeScope.className(ClassName("3a")!).description == "class:3A")
    }

    @Test func feeItemIsDueCombinesScopeAndSchedule() {
        let fee = FeeItem(code: FeeCode("DONGPHUC")!, name: "Đồng phục", amount: Money(dong: 320_000),
                          scope: .grade(1), schedule: .once(YearMonth("2025-09")!))
        let pupil1 = Student(code: StudentCode("HS1")!, fullName: "A", className: ClassName("1A")!)
        let pupil2 = Student(code: StudentCode("HS2")!, fullName: "B", className: ClassName("2A")!)
        #expect(fee.isDue(for: pupil1, in: YearMonth("2025-09")!))
        #expect(!fee.isDue(for: pupil1, in: YearMonth("2025-10")!))
        #expect(!fee.isDue(for: pupil2, in: YearMonth("2025-09")!))
        #expect(fee.account == .serviceRevenue)
    }

    // MARK: fee code and accounts

    @Test func feeCodes() {
        #expect(FeeCode("tien_an")?.value == "TIEN_AN")
        #expect(FeeCode(" BHYT ")?.value == "BHYT")
        #expect(FeeCode(String(repeating: "A", count: 20)) != nil)
        for bad in ["", String(repeating: "A", count: 21), "TIỀN", "TIEN AN", "TIEN-AN", "TIEN.AN"] {
            #expect(FeeCode(bad) == nil, "\(bad)")
        }
    }

    @Test func feeAccountsAreTheCircularCodes() {
        #expect(FeeAccount.allCases.map(\.rawValue).sorted() == ["3373", "3381", "531"])
        #expect(FeeAccount(rawValue: "531") == .serviceRevenue)
        #expect(FeeAccount(rawValue: "112") == nil)
    }
}
