import Foundation
import LedgerCore
import LedgerResources
@testable import SQLiteStore

/// A small school in a fresh SQLite ledger: three pupils, two fees, September issued.
struct Fixture {
    let store: SQLiteLedgerStore
    let ledger: Ledger<SQLiteLedgerStore>
    let path: String?

    static let september = YearMonth("2025-09")!

    init(onDisk: Bool = false) throws {
        if onDisk {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-store-\(UUID().uuidString).sqlite").path
            store = try SQLiteLedgerStore(path: path)
            self.path = path
        } else {
            store = try SQLiteLedgerStore.inMemory()
            path = nil
        }
        ledger = Ledger(store: store, chart: try ChartOfAccounts(json: LedgerResources.chartOfAccountsJSON()), actor: "test",
                        clock: { Timestamp(secondsSince1970: 1_756_717_200) })
    }

    static func table(_ name: String, _ lines: [String]) -> InputTable {
        InputTable(fileName: name, rows: lines.enumerated().map { index, line in
            InputTable.Row(number: index + 1, cells: line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        })
    }

    /// Initialises the school, imports the roster and fees, and issues September.
    @discardableResult
    func populate() throws -> IssueSummary { try Self.populate(ledger) }

    @discardableResult
    static func populate(_ ledger: Ledger<SQLiteLedgerStore>) throws -> IssueSummary {
        _ = try ledger.initialize(SchoolSetup(name: "Trường Tiểu học Kim Đồng", bankBIN: "970418", accountNumber: "63510000868686",
                                              accountName: "TRUONG TIEU HOC KIM DONG", city: "Đắk Song"),
                                  knownBINs: ["970418"], key: try PaymentCodeKey(multiplier: 7_654_321, offset: 1_234_567))
        _ = try ledger.importRoster(table("roster.csv", [
            "Mã học sinh,Họ và tên,Lớp",
            "067215000001,Nguyễn Văn An,1A",
            "067315000002,Trần Thị Bình,3A",
            "067215000003,Y Sơn Niê,3A",
        ]))
        _ = try ledger.importFees(table("fees.csv", [
            "fee_code,name,amount,applies_to,period,due,account",
            "TIENAN,Tiền ăn bán trú,550000,all,monthly,,531",
            "BHYT,Bảo hiểm y tế,683100,all,yearly,,3381",
        ]))
        return try ledger.issueInvoices(for: september)
    }
}
