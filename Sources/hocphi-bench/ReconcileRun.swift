import BenchSupport
import DemoSchool
import Foundation
import LedgerCore
import LedgerResources
import Reconciliation
import SQLiteStore

/// `hocphi-bench --reconcile N`: the issue's reconciliation benchmark on its own. One process builds a ledger
/// of N pupils with a month of invoices and a generated N-line statement imported; a second, fresh process
/// (`--reconcile-ledger PATH`) only reconciles it, so its peak RSS is the reconciliation's alone.
enum ReconcileRun {
    static func prepareAndMeasure(count: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-bench-reconcile-\(count)-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // HOCPHI_BENCH_LEDGER=PATH keeps the prepared ledger there (to profile `--reconcile-ledger` on copies of it).
        let kept = ProcessInfo.processInfo.environment["HOCPHI_BENCH_LEDGER"]
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = kept ?? directory.appendingPathComponent("bench.sqlite").path
        let ledger = try openLedger(path)
        let sections = min(8, max(1, count / (5 * 28)))
        let roster = DemoRoster(seed: UInt64(count), sections: sections, pupilsPerClass: count / (5 * sections))
        let table = InputTable(fileName: "roster.csv", rows: roster.allRows.enumerated().map { InputTable.Row(number: $0.offset + 1, cells: $0.element) })
        let feeText = String(decoding: try LedgerResources.template("fees-demo.csv"), as: UTF8.self)
        let fees = InputTable(fileName: "fees.csv", rows: feeText.split(separator: "\n").enumerated().map {
            InputTable.Row(number: $0.offset + 1, cells: $0.element.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        })
        var random = SeededGenerator(seed: 1)
        let (_, setupSeconds) = try measure {
            _ = try ledger.initialize(SchoolSetup(name: "Bench", bankBIN: "970418", accountNumber: "123456789", accountName: "BENCH"),
                                      knownBINs: ["970418"], key: PaymentCodeKey.random(using: &random))
            _ = try ledger.importRoster(table)
            _ = try ledger.importFees(fees)
            _ = try ledger.issueInvoices(for: YearMonth("2025-09")!)
            var paying = SeededGenerator(seed: 9)
            let lines = StatementGenerator.lines(for: try ledger.store.invoices(), count: count, using: &paying).map(\.line)
            _ = try ledger.importStatement(Statement(account: "123456789", lines: lines, format: "bench",
                                                     source: SourceFile(name: "bench", sha256: String(repeating: "a", count: 64))))
        }
        print(String(format: "reconcile bench: %d pupils, invoices and statement lines prepared in %.1f s (setup RSS %.0f MB)",
                     count, setupSeconds, peakRSSMegabytes()))
        if kept != nil { return }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--reconcile-ledger", path]
        try child.run()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
    }

    /// Reconciles the ledger at `path` once and prints lines/s and this process's peak RSS.
    static func reconcileOnly(path: String) throws {
        let ledger = try openLedger(path)
        let (summary, seconds) = try measure { try ledger.reconcile() }
        print(String(format: "reconcile %d lines against the open invoices: %d matched, %d in review, %d ignored; %.2f s = %.0f lines/s; peak RSS %.0f MB",
                     summary.considered, summary.matched, summary.inReview, summary.ignored, seconds,
                     Double(summary.considered) / seconds, peakRSSMegabytes()))
        let (again, againSeconds) = try measure { try ledger.reconcile() }
        print(String(format: "reconcile again (idempotent): %d lines considered, %d matched, %.2f s", again.considered, again.matched, againSeconds))
    }

    static func openLedger(_ path: String) throws -> Ledger<SQLiteLedgerStore> {
        Ledger(store: try SQLiteLedgerStore(path: path), chart: try ChartOfAccounts(json: LedgerResources.chartOfAccountsJSON()),
               actor: "bench", clock: { Timestamp(secondsSince1970: 1_756_684_800) })
    }
}
