import BenchSupport
import DemoSchool
import Foundation
import PrintedDocuments
import ReportWorkbook
import LedgerCore
import LedgerResources
import QRImage
import Reconciliation
import SQLiteStore
import VietQR

/// `swift run -c release hocphi-bench [pupils…]`: measures the foundation's hot paths on this machine and
/// prints a table. Figures, not assertions: speed is reported here, never asserted in tests.
///
/// For each roster size it builds a ledger in a temporary SQLite file and times importing the roster,
/// issuing a month of invoices (one journal entry each, hash-chained), exporting them with their VietQR
/// payloads, and re-verifying the whole ledger.


func row(_ cells: [String]) -> String {
    zip(cells, [34, 12, 12, 16]).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }.joined()
}

// `--open-ledger PATH`: open (and so migrate) a ledger, nothing else — to time later steps on a migrated copy.
if let flag = CommandLine.arguments.firstIndex(of: "--open-ledger"), flag + 1 < CommandLine.arguments.count {
    let (_, seconds) = try measure { try ReconcileRun.openLedger(CommandLine.arguments[flag + 1]) }
    print(String(format: "opened (and migrated) in %.1f s", seconds))
    exit(0)
}
if let flag = CommandLine.arguments.firstIndex(of: "--reconcile-ledger"), flag + 1 < CommandLine.arguments.count {
    try ReconcileRun.reconcileOnly(path: CommandLine.arguments[flag + 1])
    exit(0)
}
if let flag = CommandLine.arguments.firstIndex(of: "--reconcile"), flag + 1 < CommandLine.arguments.count,
   let count = Int(CommandLine.arguments[flag + 1]) {
    try ReconcileRun.prepareAndMeasure(count: count)
    exit(0)
}

/// `--school-only`: skip the VietQR and QR image rows (for profiling the ledger steps, or a 1,000,000-pupil run).
let schoolOnly = CommandLine.arguments.contains("--school-only")
let sizes = CommandLine.arguments.dropFirst().compactMap(Int.init)
let pupils = sizes.isEmpty ? [10_000, 100_000] : sizes
print(row(["step", "items", "seconds", "items/s"]))

// VietQR payloads, one core.
var checksum = 0
if !schoolOnly {
let requests = (0..<1_000).map { index in
    VietQRRequest(bin: "970418", account: "63510000868686", amount: Int64(1_000_000 + index), purpose: "HP8BU6E2\(index % 10)")
}
let rounds = 2_000
let (_, qrSeconds) = try measure {
    for _ in 0..<rounds { for request in requests { checksum &+= try VietQREncoder.encode(request).utf8.count } }
}
print(row(["VietQR payloads", "\(rounds * requests.count)", String(format: "%.3f", qrSeconds),
           String(format: "%.0f", Double(rounds * requests.count) / qrSeconds)]))

// QR images, one core: symbols from libqrencode (level M), then SVG (Swift) and PNG (cairo, 8 px per module).
let imagePayloads = try (0..<3_000).map { index in
    try VietQREncoder.encode(VietQRRequest(bin: "970418", account: "63510000868686", amount: Int64(150_000 + 1_000 * index),
                                           purpose: "HP\(String(index, radix: 31).uppercased()) TIEN AN T9",
                                           merchantName: "TRUONG TIEU HOC KIM DONG", city: "DAK SONG"))
}
let (matrices, matrixSeconds) = try measure { try imagePayloads.map { try QRImage.matrix(for: $0) } }
let (svgBytes, svgSeconds) = measure { matrices.reduce(0) { $0 &+ QRImage.svg($1).utf8.count } }
let pngMatrices = matrices.prefix(2_000)
let (pngBytes, pngSeconds) = try measure { try pngMatrices.reduce(0) { total, matrix in total &+ (try QRImage.png(matrix)).count } }
checksum &+= svgBytes &+ pngBytes
for (name, items, seconds) in [("QR matrices (libqrencode)", matrices.count, matrixSeconds),
                               ("QR SVG images", matrices.count, svgSeconds),
                               ("QR PNG images", pngMatrices.count, pngSeconds)] {
    print(row([name, "\(items)", String(format: "%.3f", seconds), String(format: "%.0f", Double(items) / seconds)]))
}
}

for count in pupils {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-bench-\(count)-\(getpid())")
    try? FileManager.default.removeItem(at: directory)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sections = max(1, count / (5 * 28))
    let roster = DemoRoster(seed: UInt64(count), sections: min(sections, 8), pupilsPerClass: count / (5 * min(sections, 8)))
    let table = InputTable(fileName: "roster.csv", rows: roster.allRows.enumerated().map { InputTable.Row(number: $0.offset + 1, cells: $0.element) })
    let feeText = String(decoding: try LedgerResources.template("fees-demo.csv"), as: UTF8.self)
    let fees = InputTable(fileName: "fees.csv", rows: feeText.split(separator: "\n").enumerated().map {
        InputTable.Row(number: $0.offset + 1, cells: $0.element.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    })
    let store = try SQLiteLedgerStore(path: directory.appendingPathComponent("bench.sqlite").path)
    let ledger = Ledger(store: store, chart: try ChartOfAccounts(json: LedgerResources.chartOfAccountsJSON()), actor: "bench",
                        clock: { Timestamp(secondsSince1970: 1_756_684_800) })
    var random = SeededGenerator(seed: 1)
    _ = try ledger.initialize(SchoolSetup(name: "Bench", bankBIN: "970418", accountNumber: "123456789", accountName: "BENCH"),
                              knownBINs: ["970418"], key: PaymentCodeKey.random(using: &random))
    let (imported, importSeconds) = try measure { try ledger.importRoster(table) }
    _ = try ledger.importFees(fees)
    let (issued, issueSeconds) = try measure { try ledger.issueInvoices(for: YearMonth("2025-09")!) }
    let (exported, exportSeconds) = try measure { try ledger.exportInvoices() }
    let (report, verifySeconds) = try measure { try ledger.verify() }
    precondition(report.isOK, "verify failed: \(report.problems)")
    // A month of parents paying (generated, one line per pupil), imported and reconciled.
    var paying = SeededGenerator(seed: 9)
    let generated = StatementGenerator.lines(for: try ledger.store.invoices(), count: count, using: &paying).map(\.line)
    let statement = Statement(account: "123456789", lines: generated, format: "bench",
                              source: SourceFile(name: "bench", sha256: String(repeating: "a", count: 64)))
    let (_, statementSeconds) = try measure { try ledger.importStatement(statement) }
    let (reconciled, reconcileSeconds) = try measure { try ledger.reconcile() }
    let (after, verifyAfterSeconds) = try measure { try ledger.verify() }
    precondition(after.isOK, "verify after reconcile failed: \(after.problems)")
    // What parents hold and what the principal reads, for the whole school.
    let (receipts, receiptSeconds) = try measure { try ledger.issueReceipts(invoice: nil, newKeySeed: { Array(repeating: 7, count: 32) }) }
    let pdf = PDFRenderer(qrSymbol: { try QRImage.matrix(for: $0) })
    let sample = receipts.issued.prefix(200)
    let (_, receiptPDFSeconds) = try measure {
        for number in sample { _ = try pdf.receipt(try ledger.receiptDocument(number.description)) }
    }
    let firstClass = try ledger.store.invoices().first?.className.description ?? "1A"
    let (slips, slipsSeconds) = try measure {
        let slips = try ledger.paymentSlips(className: firstClass, period: nil, bankName: "BIDV")
        _ = try pdf.slips(slips, title: "bench")
        return slips.count
    }
    let (collection, collectionSeconds) = try measure { try ledger.report(.collection) }
    let (_, outstandingSeconds) = try measure { try ledger.report(.outstanding) }
    let workbook = directory.appendingPathComponent("collection.xlsx").path
    let (_, xlsxSeconds) = try measure { try ReportWorkbook.write(collection, sheetName: "collection", to: workbook) }
    for (name, items, seconds) in [("roster import (\(imported.added) pupils)", imported.added, importSeconds),
                                   ("invoices issue (one period)", issued.issued, issueSeconds),
                                   ("invoices export (+VietQR)", exported.count, exportSeconds),
                                   ("ledger verify (entries)", report.journalEntries, verifySeconds),
                                   ("statement import (lines)", generated.count, statementSeconds),
                                   ("reconcile (lines; \(reconciled.matched) matched)", reconciled.considered, reconcileSeconds),
                                   ("ledger verify after (entries)", after.journalEntries, verifyAfterSeconds),
                                   ("receipts issue --all (signed)", receipts.issued.count, receiptSeconds),
                                   ("receipt PDFs (A5, with QR)", sample.count, receiptPDFSeconds),
                                   ("slips PDF, one class (slips)", slips, slipsSeconds),
                                   ("report collection (invoices)", issued.issued, collectionSeconds),
                                   ("report outstanding (invoices)", issued.issued, outstandingSeconds),
                                   ("collection XLSX (rows)", collection.rows.count, xlsxSeconds)] {
        print(row([name, "\(items)", String(format: "%.3f", seconds), String(format: "%.0f", Double(items) / seconds)]))
    }
}
print(String(format: "peak RSS %.0f MB", peakRSSMegabytes()))
