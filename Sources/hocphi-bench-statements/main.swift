import BenchSupport
import BankStatements
import Foundation
import LedgerCore
import LedgerResources
import SQLiteStore
import TabularInput

/// `hocphi-bench-statements LINES [csv|mt940]`: generates a statement of LINES lines for the school's account
/// (a BIDV CSV export or an MT940 file), then times reading it and importing it into a fresh SQLite ledger, and
/// prints lines/s and this process's peak RSS. One process per size, so the RSS is that size's alone.
/// `scripts/bench` runs it for 100,000 and 1,000,000 lines of each kind.


let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap(Int.init) ?? 100_000
let kind = arguments.dropFirst().first ?? "csv"
let account = "63510000868686"
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-bench-stmt-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

// A realistic mix: mostly credits with payment codes inside bank envelopes, some fees and refunds.
var text = ""
text.reserveCapacity(count * 140)
var balance: Int64 = 10_000_000
let opening = balance
func date(_ i: Int) -> (day: Int, month: Int) { (1 + (i / max(1, count / 28)) % 28, 9) }
if kind == "mt940" {
    text += ":20:BENCH\n:25:\(account)\n:28C:1/1\n:60F:C250901VND\(opening),\n"
    for i in 0..<count {
        let (d, m) = date(i)
        let credit = i % 10 != 9
        let amount: Int64 = credit ? 1_410_100 + Int64(i % 7) * 1000 : 22_000
        balance += credit ? amount : -amount
        let dd = d < 10 ? "0\(d)" : "\(d)"
        text += ":61:2509\(dd)0\(m)\(dd)\(credit ? "C" : "D")\(amount),NTRFNONREF//FT25\(String(100_000_000 + i))\n"
        text += ":86:REM Tfr Ac:1770200000 O@L_080005_211601 HP8BU6E28 nop hoc phi be \(i)\n"
    }
    text += ":62F:C250930VND\(balance),\n-\n"
} else {
    text += "BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: \(account)\nNGÀY HIỆU LỰC,SỐ THAM CHIẾU,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ\n"
    text += ",,,,\(opening),DƯ ĐẦU\n"
    for i in 0..<count {
        let (d, m) = date(i)
        let credit = i % 10 != 9
        let amount: Int64 = credit ? 1_410_100 + Int64(i % 7) * 1000 : 22_000
        balance += credit ? amount : -amount
        text += "\(d)/\(m)/2025,FT25\(String(100_000_000 + i)),\(credit ? "" : String(amount)),\(credit ? String(amount) : ""),\(balance),"
        text += "TKThe :2209200000000 tai Agribank. HP8BU6E28 nop hoc phi be \(i) -CTLNHIDI000009835348328-1/1-CRE-002\n"
    }
    text += ",,,,\(balance),DƯ CUỐI\n"
}
let file = folder.appendingPathComponent(kind == "mt940" ? "bench.mt940" : "bench.csv")
try Data(text.utf8).write(to: file)
// `hocphi-bench-statements LINES csv KEEP_PATH` also leaves a copy for other tools (scripts/bench times hledger on it).
if let keep = arguments.dropFirst(2).first {
    try? FileManager.default.removeItem(atPath: keep)
    try FileManager.default.copyItem(at: file, to: URL(fileURLWithPath: keep))
}
text = ""

let (statement, readSeconds) = try measure { () throws -> Statement in
    let data = try Data(contentsOf: file)
    if kind == "mt940" { return try MT940Reader.read(data, fileName: file.lastPathComponent) }
    let table = try TabularReader.read(data: data, fileName: file.lastPathComponent)
    let input = InputTable(fileName: table.fileName, rows: table.rows.map { InputTable.Row(number: $0.number, cells: $0.cells) })
    let format = try StatementFormat.decode(json: Data(contentsOf: URL(fileURLWithPath: "bank-formats/formats/bidv.json")), fileName: "bidv.json")
    return try TabularStatementReader(format: format).read(input, source: SourceFile(name: table.fileName, sha256: StatementDigest.sha256Hex(data)))
}
let store = try SQLiteLedgerStore(path: folder.appendingPathComponent("bench.sqlite").path)
let ledger = Ledger(store: store, chart: try ChartOfAccounts(json: LedgerResources.chartOfAccountsJSON()), actor: "bench",
                    clock: { Timestamp(secondsSince1970: 1_759_000_000) })
_ = try ledger.initialize(SchoolSetup(name: "Bench", bankBIN: "970418", accountNumber: account, accountName: "BENCH"),
                          knownBINs: ["970418"], key: try PaymentCodeKey(multiplier: 7_654_321, offset: 1))
let (summary, importSeconds) = try measure { try ledger.importStatement(statement) }
precondition(summary.newLines == count, "imported \(summary.newLines) of \(count)")
print(String(format: "%@ %d lines: read %.2f s (%.0f lines/s); import %.2f s (%.0f lines/s); read+import %.0f lines/s; peak RSS %.0f MB",
             kind, count, readSeconds, Double(count) / readSeconds, importSeconds, Double(count) / importSeconds,
             Double(count) / (readSeconds + importSeconds), peakRSSMegabytes()))
