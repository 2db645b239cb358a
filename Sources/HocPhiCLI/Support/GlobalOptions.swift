import ArgumentParser
import BankFormats
import Foundation
import LedgerCore
import LedgerResources
import SQLiteStore
import TabularInput
import VietQR

/// Options every command shares: which ledger, who is acting, which language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The ledger database (default ./hocphi.sqlite, or $HOCPHI_DB).")
    var db: String?

    @Option(name: .long, help: "Who is acting, recorded with every change (default $HOCPHI_ACTOR, then $USER).")
    var actor: String?

    @Option(name: .long, help: "Language of messages: vi (default) or en ($HOCPHI_LANG).")
    var lang: Language?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["HOCPHI_DB"] ?? "hocphi.sqlite"
    }

    var language: Language {
        lang ?? ProcessInfo.processInfo.environment["HOCPHI_LANG"].flatMap(Language.init(rawValue:)) ?? .vi
    }

    var actorName: String {
        let env = ProcessInfo.processInfo.environment
        return actor ?? env["HOCPHI_ACTOR"] ?? env["USER"] ?? "unknown"
    }

    /// The ledger on the embedded SQLite store (PostgreSQL URLs are reserved for the district adapter).
    /// Only `init` creates a ledger; every other command refuses a path where there is none, rather than
    /// leaving an empty database behind a typo.
    func openLedger(creating: Bool = false) throws -> Ledger<SQLiteLedgerStore> {
        let path = databasePath
        if path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") {
            throw CommandFailure("the PostgreSQL store is not available in this build yet; use a SQLite file path")
        }
        if let fixed = ProcessInfo.processInfo.environment["HOCPHI_NOW"], Timestamp(iso: fixed) == nil {
            throw CommandFailure("HOCPHI_NOW: \"\(fixed)\" is not an instant like 2025-09-01T08:00:00Z")
        }
        if !creating && !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("\(path): no ledger here; run `hocphi init` first (or give --db PATH)")
        }
        let store = try SQLiteLedgerStore(path: path)
        return Ledger(store: store, chart: try Self.chart(), actor: actorName, clock: Self.clock)
    }

    static func chart() throws -> ChartOfAccounts {
        try ChartOfAccounts(json: LedgerResources.chartOfAccountsJSON())
    }

    /// The wall clock, or `HOCPHI_NOW` (ISO 8601, UTC) when set, for reproducible runs.
    static let clock: @Sendable () -> Timestamp = {
        if let fixed = ProcessInfo.processInfo.environment["HOCPHI_NOW"], let time = Timestamp(iso: fixed) { return time }
        return Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
    }

    static func bankDirectory() throws -> BankDirectory {
        guard let url = BankFormatsResources.bundle.url(forResource: "banks", withExtension: "json") else {
            throw CommandFailure("bank-formats/banks.json is missing from this build")
        }
        return try BankDirectory(jsonData: Data(contentsOf: url))
    }

    /// Reads a CSV or XLSX file into the core's table type.
    static func readTable(_ path: String) throws -> InputTable {
        try TabularReader.read(fileAt: path).input
    }
}

enum Language: String, ExpressibleByArgument, Sendable {
    case vi, en

    func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}

/// A refusal the command line itself decides (as opposed to the core's): printed as is, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Table {
    /// The adapter's rows as the core's input table (same row numbers, same cells).
    var input: InputTable {
        InputTable(fileName: fileName, rows: rows.map { InputTable.Row(number: $0.number, cells: $0.cells) })
    }
}
