import ArgumentParser
import DemoSchool
import Foundation
import ReportWorkbook
import LedgerCore
import LedgerResources
import QRImage
import Reconciliation
import SQLiteStore
import TabularInput

/// `hocphi demo`: a whole demo school end to end, through the same use cases as the other commands, so a
/// newcomer sees real output in one step and can carry on by hand from the files it leaves.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Chạy thử một trường mẫu từ đầu đến cuối (a complete demo school).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Where to write the demo's files (default ./hocphi-demo).") var dir = "hocphi-demo"

    func run() throws {
        let console = Console.current
        let l = global.language
        let files = FileManager.default
        let dbPath: String
        if let explicit = global.db ?? ProcessInfo.processInfo.environment["HOCPHI_DB"] {
            guard !files.fileExists(atPath: explicit) else {
                throw CommandFailure("\(explicit): already exists; the demo builds a new ledger and will not touch an existing one")
            }
            dbPath = explicit
        } else {
            dbPath = (dir as NSString).appendingPathComponent("hocphi.sqlite")
            for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: dbPath + suffix) {
                try files.removeItem(atPath: dbPath + suffix)
            }
        }
        // Only now, when the ledger path is known to be safe, is anything created.
        try files.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func path(_ name: String) -> String { (dir as NSString).appendingPathComponent(name) }

        let roster = DemoRoster()
        try Data(CSVText.render(header: DemoRoster.header, rows: roster.rows).utf8).write(to: URL(fileURLWithPath: path("roster.csv")))
        try XLSXWriter.data(rows: roster.allRows).write(to: URL(fileURLWithPath: path("roster.xlsx")))
        try LedgerResources.template("fees-demo.csv").write(to: URL(fileURLWithPath: path("fees.csv")))

        let ledger = Ledger(store: try SQLiteLedgerStore(path: dbPath), chart: try GlobalOptions.chart(),
                            actor: global.actorName, clock: GlobalOptions.clock)
        var seeded = SeededGenerator(seed: 20250901)
        let directory = try GlobalOptions.bankDirectory()
        let school = try ledger.initialize(
            SchoolSetup(name: "Trường Tiểu học Kim Đồng", bankBIN: "970418", accountNumber: "63510000868686",
                        accountName: "TRUONG TIEU HOC KIM DONG", city: "Đắk Song"),
            knownBINs: Set(directory.banks.map(\.bin)), key: PaymentCodeKey.random(using: &seeded),
            signingSeed: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &seeded) })
        console.print(l.pick("1. Tạo trường: \(school.name), tài khoản BIDV \(school.accountNumber).",
                             "1. School created: \(school.name), BIDV account \(school.accountNumber)."))

        let students = try ledger.importRoster(try GlobalOptions.readTable(path("roster.xlsx")))
        let classes = Set(try ledger.store.students().map(\.className)).count
        console.print(l.pick("2. Nhập \(students.added) học sinh, \(classes) lớp (1A–5D) từ roster.xlsx.",
                             "2. Imported \(students.added) pupils in \(classes) classes (1A–5D) from roster.xlsx."))

        let fees = try ledger.importFees(try GlobalOptions.readTable(path("fees.csv")))
        console.print(l.pick("3. Nhập \(fees.added) khoản thu từ fees.csv (tiền ăn bán trú, BHYT, …).",
                             "3. Imported \(fees.added) fee items from fees.csv (meals, health insurance, …)."))

        let label = l.pick("Đang lập thông báo thu", "Issuing invoices")
        let issued = try ledger.issueInvoices(for: YearMonth("2025-09")!) { done, total in console.progress(label, done, total) }
        console.print(l.pick("4. Lập \(issued.issued) thông báo thu tháng 09/2025, tổng \(issued.totalBilled.formatted).",
                             "4. Issued \(issued.issued) invoices for 2025-09 totalling \(issued.totalBilled.formatted)."))

        let rows = try ledger.exportInvoices()
        try Data(CSVText.render(header: InvoiceExportRow.columns, rows: rows.map(\.cells)).utf8)
            .write(to: URL(fileURLWithPath: path("invoices-2025-09.csv")))
        console.print(l.pick("5. Xuất thông báo thu kèm mã thanh toán và VietQR: \(path("invoices-2025-09.csv")).",
                             "5. Exported the invoices with payment codes and VietQR: \(path("invoices-2025-09.csv"))."))

        if let first = rows.first {
            let qrName = "qr-\(first.invoiceNumber).png"
            try QRImage.png(try QRImage.matrix(for: first.vietqrPayload)).write(to: URL(fileURLWithPath: path(qrName)))
            console.print(l.pick("   Mã VietQR của thông báo đầu tiên: \(path(qrName)) (quét bằng ứng dụng ngân hàng).",
                                 "   The first invoice's VietQR image: \(path(qrName)) (scan it with a banking app)."))
        }

        // A month of the school's bank account as BIDV exports it: parents paying the ways parents do.
        var statementRandom = SeededGenerator(seed: 20250930)
        let generated = StatementGenerator.lines(for: try ledger.store.invoices(), count: 400, using: &statementRandom)
        let statementPath = path("sao-ke-bidv-2025-09.csv")
        try Data(Self.bidvExport(generated.map(\.line), account: school.accountNumber).utf8).write(to: URL(fileURLWithPath: statementPath))
        let imported = try ledger.importStatement(try StatementFiles.read(path: statementPath, format: nil, account: school.accountNumber))
        console.print(l.pick("6. Nhập sao kê BIDV tháng 9: \(imported.newLines) dòng, số dư khớp (\(statementPath)).",
                             "6. Imported the BIDV statement for September: \(imported.newLines) lines, balances proven (\(statementPath))."))
        let reconciled = try ledger.reconcile()
        console.print(l.pick("7. Đối soát: \(reconciled.matched) khoản đã gắn vào thông báo thu (\(Money(dong: reconciled.allocated).formatted)), \(reconciled.ignored) không phải khoản thu, \(reconciled.inReview) chờ kế toán xem.",
                             "7. Reconciled: \(reconciled.matched) credits matched to invoices (\(Money(dong: reconciled.allocated).formatted)), \(reconciled.ignored) not fees, \(reconciled.inReview) waiting for the accountant."))
        for item in try ledger.reviewQueue().prefix(3) {
            console.print("   ? \(item.bankReference) \(Money(dong: item.amount).formatted) \"\(item.description.prefix(60))\" — \(item.reason)")
        }

        // What parents hold and what the principal signs off.
        let receipts = try ledger.issueReceipts(invoice: nil, newKeySeed: ReceiptsCommand.randomSeed)
        var receiptFile = ""
        if let number = receipts.issued.first {
            receiptFile = path("bien-lai-\(number).pdf")
            try OutputFile.write(try Renderers.pdf.receipt(try ledger.receiptDocument(number.description)), to: receiptFile)
        }
        console.print(l.pick("8. Phát hành \(receipts.issued.count) biên lai có chữ ký số cho các thông báo đã nộp đủ; biên lai đầu tiên: \(receiptFile)",
                             "8. Issued \(receipts.issued.count) signed receipts for the invoices paid in full; the first one: \(receiptFile)"))
        if let first = rows.first {
            let bank = directory.bank(bin: school.bankBIN)?.shortName ?? school.bankBIN
            let slips = try ledger.paymentSlips(className: first.className, period: nil, bankName: bank)
            let slipsFile = path("thong-bao-thu-lop-\(first.className).pdf")
            try OutputFile.write(try Renderers.pdf.slips(slips, title: "Thông báo thu lớp \(first.className) – \(slips[0].periodLabel)"), to: slipsFile)
            console.print(l.pick("9. In \(slips.count) phiếu thông báo thu lớp \(first.className) (mã QR quét được từ bản in): \(slipsFile)",
                                 "9. Printed \(slips.count) payment slips for class \(first.className) (QR codes scan from paper): \(slipsFile)"))
        }
        try ReportWorkbook.write(try ledger.report(.collection), sheetName: "collection", to: path("bao-cao-thu.xlsx"))
        try OutputFile.write(try Renderers.pdf.report(try ledger.report(.collection)), to: path("bao-cao-thu.pdf"))
        try OutputFile.write(try Renderers.pdf.report(try ledger.report(.statements)), to: path("doi-chieu-sao-ke.pdf"))
        try OutputFile.write(Data(try ledger.report(.outstanding).csvText.utf8), to: path("chua-nop-du.csv"))
        try OutputFile.write(Data(try ledger.report(.unmatched).csvText.utf8), to: path("chua-xac-dinh.csv"))
        console.print(l.pick("10. Báo cáo: bao-cao-thu.xlsx và .pdf (thu theo lớp × khoản), doi-chieu-sao-ke.pdf, chua-nop-du.csv, chua-xac-dinh.csv",
                              "10. Reports: bao-cao-thu.xlsx and .pdf (collection by class × fee), doi-chieu-sao-ke.pdf (statements), chua-nop-du.csv (outstanding), chua-xac-dinh.csv (unmatched)"))

        let report = try ledger.verify()
        console.print(l.pick("11. Kiểm tra sổ cái: \(report.isOK ? "OK" : "SAI: \(report.problems[0])") — \(report.journalEntries) bút toán, chuỗi băm \(report.journalHead.prefix(16))….",
                             "11. Ledger verify: \(report.isOK ? "OK" : "BROKEN: \(report.problems[0])") — \(report.journalEntries) entries, hash head \(report.journalHead.prefix(16))…."))

        if let first = rows.first {
            console.print()
            console.print(l.pick("Ví dụ — thông báo thu \(first.invoiceNumber): \(first.studentName), lớp \(first.className), phải nộp \(Money(dong: first.amountDue).formatted), mã thanh toán \(first.paymentCode)",
                                 "Example — invoice \(first.invoiceNumber): \(first.studentName), class \(first.className), due \(Money(dong: first.amountDue).formatted), payment code \(first.paymentCode)"))
            console.print("  VietQR: \(first.vietqrPayload)")
        }
        // The command as the user can type it: `.build/debug/hocphi` when run through scripts/demo.
        let program = CommandLine.arguments.first.flatMap { $0.hasSuffix("hocphi") ? $0 : nil } ?? "hocphi"
        let db = "--db \(dbPath)"
        console.print()
        console.print(l.pick("Thử tiếp:", "Try next:"))
        console.print("  \(program) \(db) invoices export --format csv | head")
        console.print("  \(program) \(db) ledger verify")
        console.print("  \(program) \(db) invoices issue --period 2025-10")
        console.print("  \(program) qr decode '\(rows.first?.vietqrPayload ?? "")'")
        console.print("  \(program) \(db) review list")
        console.print("  \(program) \(db) matches export | head")
        console.print("  \(program) \(db) report collection")
        console.print("  \(program) \(db) report outstanding --format csv | head")
        if !receiptFile.isEmpty { console.print("  \(program) \(db) receipts verify \(receiptFile)") }
        console.print("  pdftotext -layout \(receiptFile.isEmpty ? path("bao-cao-thu.pdf") : receiptFile) - | head -40")
        console.print("  sqlite3 \(dbPath) \"UPDATE invoices SET amount_due = amount_due - 1000 WHERE serial = 1\"; \(program) \(db) ledger verify")
        let listed = "roster.csv, roster.xlsx, fees.csv, invoices-2025-09.csv, qr-*.png, sao-ke-bidv-2025-09.csv, bien-lai-*.pdf, thong-bao-thu-lop-*.pdf, bao-cao-thu.xlsx, bao-cao-thu.pdf, doi-chieu-sao-ke.pdf, chua-nop-du.csv, chua-xac-dinh.csv, hocphi.sqlite"
        console.print(l.pick("Tệp: \(dir)/ (\(listed))", "Files: \(dir)/ (\(listed))"))
    }

    /// Lines as a BIDV "BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN" CSV, with running balances and both balance rows.
    static func bidvExport(_ lines: [StatementLine], account: String) -> String {
        let opening: Int64 = 25_000_000
        var balance = opening
        var rows: [[String]] = [["NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM (BIDV)"], ["BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN"],
                                ["Số tài khoản: \(account)"], ["NGÀY HIỆU LỰC", "SỐ THAM CHIẾU", "GHI NỢ", "GHI CÓ", "SỐ DƯ", "MÔ TẢ"],
                                ["", "", "", "", String(opening), "DƯ ĐẦU"]]
        for line in lines.sorted(by: { ($0.bookingDate, $0.position) < ($1.bookingDate, $1.position) }) {
            balance += line.signedAmount.dong
            let d = line.bookingDate
            rows.append(["\(d.day < 10 ? "0" : "")\(d.day)/\(d.month < 10 ? "0" : "")\(d.month)/\(d.year)", line.bankReference ?? "",
                         line.direction == .debit ? String(line.amount.dong) : "",
                         line.direction == .credit ? String(line.amount.dong) : "", String(balance), line.description])
        }
        rows.append(["", "", "", "", String(balance), "DƯ CUỐI"])
        return CSVText.render(header: rows[0], rows: Array(rows.dropFirst()))
    }
}
