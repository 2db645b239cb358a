import Foundation
import HocPhiCLI
import Testing

/// Runs `hocphi` in-process against a ledger in a fresh temporary folder, capturing what it prints.
struct CLIHarness {
    let folder: URL
    var db: String { folder.appendingPathComponent("hocphi.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hocphi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    /// `hocphi --db <ledger> ARGS…`
    @discardableResult
    func run(_ arguments: String...) -> Result { run(arguments) }

    func run(_ arguments: [String]) -> Result {
        let captured = CapturedConsole()
        let status = HocPhiCommand.run(["--db", db] + arguments, console: captured.console)
        return Result(status: status, out: captured.out, err: captured.err)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, data: Data) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func initSchool() -> Result {
        run("init", "--school", "Trường Tiểu học Kim Đồng", "--bank-bin", "970418", "--account", "63510000868686",
            "--account-name", "TRUONG TIEU HOC KIM DONG", "--city", "Đắk Song")
    }

    static let fees = """
        fee_code,name,amount,applies_to,period,due,account
        TIENAN,Tiền ăn bán trú,550000,all,monthly,,531
        BANTRU,Tiền chăm sóc bán trú,150000,all,monthly,,531
        BHYT,Bảo hiểm y tế học sinh,683100,all,yearly,,3381
        DONGPHUC,Đồng phục lớp 1,250000,grade:1,once,2025-09,531
        TIENGANH,Câu lạc bộ tiếng Anh,120000,class:5A,monthly,,531

        """
}

/// Splits a CSV document (as `invoices export` writes it) into rows of fields, honouring quotes.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
    var iterator = text.makeIterator()
    var pending: Character? = nil
    while let c = pending ?? iterator.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else { quoted = false }
            } else { field.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { row.append(field); field = "" }
        else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
        else { field.append(c) }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// The calendar year in Vietnam now (UTC+7), which names the receipt series (`26TAA`).
func vietnamYear() -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
    return calendar.component(.year, from: Date())
}

/// Runs a Debian tool (`zbarimg`, `pdftotext`, `pdftoppm`) as a person would and returns what it printed; a
/// missing or failing tool fails the test with a hint, it is never skipped.
func runTool(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments.joined(separator: " ")) failed; is it installed (scripts/install-deps)?")
    return String(decoding: data, as: UTF8.self)
}
