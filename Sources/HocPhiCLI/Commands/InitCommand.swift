import ArgumentParser
import LedgerCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Tạo sổ cái và hồ sơ nhà trường (create the ledger and the school profile).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Tên trường (school name).") var school: String
    @Option(name: .customLong("bank-bin"), help: "BIN of the school's bank (e.g. 970418 for BIDV), or --bank.") var bankBIN: String?
    @Option(help: "The bank by short name instead of BIN (BIDV, Agribank, …).") var bank: String?
    @Option(help: "Số tài khoản (account number).") var account: String
    @Option(name: .customLong("account-name"), help: "Tên chủ tài khoản (account holder).") var accountName: String
    @Option(help: "Tỉnh/thành phố (city).") var city: String?
    @Option(help: "Địa chỉ (address), printed on receipts.") var address: String?
    @Option(name: .customLong("tax-code"), help: "Mã số thuế (tax code), printed on receipts.") var taxCode: String?

    func validate() throws {
        if bankBIN == nil && bank == nil { throw ValidationError("give --bank-bin BIN or --bank NAME") }
    }

    func run() throws {
        let directory = try GlobalOptions.bankDirectory()
        var bin = bankBIN ?? ""
        if bankBIN == nil, let name = bank {
            guard let found = directory.bank(named: name) else { throw CommandFailure("--bank: \"\(name)\" is not in the bank directory") }
            bin = found.bin
        }
        let ledger = try global.openLedger(creating: true)
        var random = SystemRandomNumberGenerator()
        let created = try ledger.initialize(
            SchoolSetup(name: school, bankBIN: bin, accountNumber: account, accountName: accountName, city: city,
                        address: address, taxCode: taxCode),
            knownBINs: Set(directory.banks.map(\.bin)), key: PaymentCodeKey.random(using: &random),
            signingSeed: ReceiptsCommand.randomSeed())
        let bankName = directory.bank(bin: created.bankBIN)?.shortName ?? created.bankBIN
        let l = global.language
        Console.current.print(l.pick("Đã tạo sổ cái cho \(created.name): tài khoản \(created.accountNumber) tại \(bankName) (\(global.databasePath)).",
                                     "Created the ledger for \(created.name): account \(created.accountNumber) at \(bankName) (\(global.databasePath))."))
    }
}
