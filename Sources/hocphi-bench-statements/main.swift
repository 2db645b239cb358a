import BankStatements
import BenchSupport
import Foundation
import HocPhiCLI
import LedgerCore
import LedgerResources
import SQLiteStore
import TabularInput

/// `hocphi-bench-statements LINES [csv|mt940|xlsx|camt] [KEEP_PATH]`: writes a statement of LINES lines for the
/// school's account (a BIDV CSV export, an MT940 file, the same BIDV export as XLSX, or a camt.053 file), then
/// times reading it (every line parsed, nothing stored) and importing it end to end into a fresh SQLite ledger
/// the way `hocphi statements import` does (open, hash, read, prove, store), and prints lines/s and this
/// process's peak RSS. One process per size and kind, so the RSS is that run's alone; the file is written to
/// disk as it is generated, so generating it costs no memory. `scripts/bench` runs csv and mt940 at 100,000 and
/// 1,000,000 lines, xlsx and camt at 100,000.

let arguments = Array(CommandLine.arguments.dropFirst())
let count = arguments.first.flatMap(Int.init) ?? 100_000
let kind = arguments.dropFirst().first ?? "csv"
let account = "63510000868686"
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-bench-stmt-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let extensions = ["csv": "csv", "mt940": "mt940", "xlsx": "xlsx", "camt": "camt053.xml"]
guard let ext = extensions[kind] else {
    FileHandle.standardError.write(Data("kind must be csv, mt940, xlsx or camt\n".utf8))
    exit(2)
}
let file = folder.appendingPathComponent("bench.\(ext)")

// A realistic mix: mostly credits with payment codes inside bank envelopes, some fees and refunds.
func date(_ i: Int) -> (day: Int, month: Int) { (1 + (i / max(1, count / 28)) % 28, 9) }
func amount(_ i: Int) -> (credit: Bool, amount: Int64) {
    let credit = i % 10 != 9
    return (credit, credit ? 1_410_100 + Int64(i % 7) * 1000 : 22_000)
}
let opening: Int64 = 10_000_000
let closing = (0..<count).reduce(opening) { balance, i in
    let (credit, value) = amount(i)
    return balance + (credit ? value : -value)
}

/// Writes `body`'s text to the file in pieces.
func writeFile(_ body: (_ emit: (String) -> Void) -> Void) throws {
    FileManager.default.createFile(atPath: file.path, contents: nil)
    let handle = try FileHandle(forWritingTo: file)
    var pending = ""
    body { text in
        pending += text
        if pending.utf8.count > 1 << 20 {
            handle.write(Data(pending.utf8))
            pending = ""
        }
    }
    handle.write(Data(pending.utf8))
    try handle.close()
}

switch kind {
case "mt940":
    try writeFile { emit in
        emit(":20:BENCH\n:25:\(account)\n:28C:1/1\n:60F:C250901VND\(opening),\n")
        for i in 0..<count {
            let (d, m) = date(i)
            let (credit, value) = amount(i)
            let dd = d < 10 ? "0\(d)" : "\(d)"
            emit(":61:2509\(dd)0\(m)\(dd)\(credit ? "C" : "D")\(value),NTRFNONREF//FT25\(String(100_000_000 + i))\n")
            emit(":86:REM Tfr Ac:1770200000 O@L_080005_211601 HP8BU6E28 nop hoc phi be \(i)\n")
        }
        emit(":62F:C250930VND\(closing),\n-\n")
    }
case "camt":
    try writeFile { emit in
        emit("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>BENCH</MsgId>
            <CreDtTm>2025-09-30T18:00:00+07:00</CreDtTm></GrpHdr><Stmt><Id>BENCH</Id>
            <Acct><Id><Othr><Id>\(account)</Id></Othr></Id><Ccy>VND</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">\(opening)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-09-01</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">\(closing)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-09-30</Dt></Dt></Bal>

            """)
        for i in 0..<count {
            let (d, _) = date(i)
            let (credit, value) = amount(i)
            let day = d < 10 ? "0\(d)" : "\(d)"
            emit("""
                <Ntry><Amt Ccy="VND">\(value)</Amt><CdtDbtInd>\(credit ? "CRDT" : "DBIT")</CdtDbtInd><Sts>BOOK</Sts>\
                <BookgDt><Dt>2025-09-\(day)</Dt></BookgDt><ValDt><Dt>2025-09-\(day)</Dt></ValDt>\
                <AcctSvcrRef>FT25\(100_000_000 + i)</AcctSvcrRef><NtryDtls><TxDtls>\
                <RltdPties><Dbtr><Nm>NGUYEN VAN A</Nm></Dbtr></RltdPties>\
                <RmtInf><Ustrd>MBVCB.6987845941 HP8BU6E28 nop hoc phi be \(i)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>

                """)
        }
        emit("</Stmt></BkToCstmrStmt></Document>\n")
    }
default:
    var rows: [[String]] = [["BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN"], ["Số tài khoản: \(account)"],
                            ["NGÀY HIỆU LỰC", "SỐ THAM CHIẾU", "GHI NỢ", "GHI CÓ", "SỐ DƯ", "MÔ TẢ"],
                            ["", "", "", "", String(opening), "DƯ ĐẦU"]]
    var balance = opening
    var csvRows: [String] = []
    func row(_ i: Int) -> [String] {
        let (d, m) = date(i)
        let (credit, value) = amount(i)
        balance += credit ? value : -value
        return ["\(d)/\(m)/2025", "FT25\(String(100_000_000 + i))", credit ? "" : String(value), credit ? String(value) : "",
                String(balance), "TKThe :2209200000000 tai Agribank. HP8BU6E28 nop hoc phi be \(i) -CTLNHIDI000009835348328-1/1-CRE-002"]
    }
    if kind == "xlsx" {
        for i in 0..<count { rows.append(row(i)) }
        rows.append(["", "", "", "", String(balance), "DƯ CUỐI"])
        try XLSXWriter.data(rows: rows).write(to: file)
        rows = []
    } else {
        _ = csvRows
        try writeFile { emit in
            for r in rows { emit(r.joined(separator: ",") + "\n") }
            for i in 0..<count { emit(row(i).joined(separator: ",") + "\n") }
            emit(",,,,\(balance),DƯ CUỐI\n")
        }
    }
}
// `hocphi-bench-statements LINES csv KEEP_PATH` also leaves a copy for other tools (scripts/bench times hledger on it).
if let keep = arguments.dropFirst(2).first {
    try? FileManager.default.removeItem(atPath: keep)
    try FileManager.default.copyItem(at: file, to: URL(fileURLWithPath: keep))
}

// Reading alone: every line parsed (and the file hashed), nothing kept.
let (readLines, readSeconds) = try measure { () throws -> Int in
    var stream = try StatementFiles.open(path: file.path, format: nil, account: account)
    var n = 0
    while try stream.next() != nil { n += 1 }
    return n
}
precondition(readLines == count, "read \(readLines) of \(count)")
var extra = ""
if kind == "xlsx" {
    // The spreadsheet layer alone: rows out of the workbook.
    let (rowCount, seconds) = try measure { try TabularReader.read(fileAt: file.path).rows.count }
    extra = String(format: "; XLSX rows %.0f rows/s", Double(rowCount) / seconds)
}

let store = try SQLiteLedgerStore(path: folder.appendingPathComponent("bench.sqlite").path)
let ledger = Ledger(store: store, chart: try ChartOfAccounts(json: LedgerResources.chartOfAccountsJSON()), actor: "bench",
                    clock: { Timestamp(secondsSince1970: 1_759_000_000) })
_ = try ledger.initialize(SchoolSetup(name: "Bench", bankBIN: "970418", accountNumber: account, accountName: "BENCH"),
                          knownBINs: ["970418"], key: try PaymentCodeKey(multiplier: 7_654_321, offset: 1))
let (summary, importSeconds) = try measure { () throws -> StatementImportSummary in
    var stream = try StatementFiles.open(path: file.path, format: nil, account: account)
    return try ledger.importStatement(streaming: &stream)
}
precondition(summary.newLines == count, "imported \(summary.newLines) of \(count)")
print(String(format: "%@ %d lines: read %.2f s (%.0f lines/s)%@; import end to end %.2f s (%.0f lines/s); peak RSS %.0f MB",
             kind, count, readSeconds, Double(count) / readSeconds, extra, importSeconds, Double(count) / importSeconds,
             peakRSSMegabytes()))
