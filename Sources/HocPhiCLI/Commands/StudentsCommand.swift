import ArgumentParser
import LedgerCore

struct StudentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "students", abstract: "Danh sách học sinh (the roster).", subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhập danh sách học sinh từ CSV hoặc XLSX; nhập lại thì cập nhật, không trùng lặp.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Roster file (CSV or XLSX).") var file: String

        func run() throws {
            let ledger = try global.openLedger()
            let summary = try ledger.importRoster(try GlobalOptions.readTable(file))
            Console.current.print(global.language.pick(
                "Đã đọc \(summary.read) học sinh: \(summary.added) mới, \(summary.updated) cập nhật, \(summary.unchanged) không đổi.",
                "Read \(summary.read) pupils: \(summary.added) added, \(summary.updated) updated, \(summary.unchanged) unchanged."))
        }
    }
}

struct FeesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees", abstract: "Danh mục khoản thu (fee items).", subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Nhập danh mục khoản thu (CSV: fee_code, name, amount, applies_to, period[, due, account]).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "Fee list file (CSV or XLSX).") var file: String

        func run() throws {
            let ledger = try global.openLedger()
            let s = try ledger.importFees(try GlobalOptions.readTable(file))
            Console.current.print(global.language.pick(
                "Đã đọc \(s.read) khoản thu: \(s.added) mới, \(s.updated) cập nhật, \(s.unchanged) không đổi, \(s.withdrawn) ngừng thu.",
                "Read \(s.read) fee items: \(s.added) added, \(s.updated) updated, \(s.unchanged) unchanged, \(s.withdrawn) withdrawn."))
        }
    }
}
