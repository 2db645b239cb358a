import ArgumentParser
import Foundation
import LedgerCore

struct SchoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school", abstract: "Hồ sơ nhà trường (the school profile and its receipt-signing key).",
        subcommands: [Show.self, Update.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hồ sơ nhà trường, kèm khoá công khai ký biên lai.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print one JSON document.") var json = false

        struct Profile: Encodable {
            let name: String, bank_bin: String, account_number: String, account_name: String
            let city: String?, address: String?, tax_code: String?
            let receipt_form: String, receipt_series_letters: String
            let signing_public_key: String?, signing_key_fingerprint: String?
        }

        func run() throws {
            let ledger = try global.openLedger()
            let school = try ledger.requireSchool()
            let key = try ledger.store.signingKey()
            let profile = Profile(name: school.name, bank_bin: school.bankBIN, account_number: school.accountNumber,
                                  account_name: school.accountName, city: school.city, address: school.address,
                                  tax_code: school.taxCode, receipt_form: school.receiptSeries.formSymbol,
                                  receipt_series_letters: school.receiptSeries.letters,
                                  signing_public_key: key.map { Hex.lowercase($0.publicKey) }, signing_key_fingerprint: key?.fingerprint)
            if json { Console.current.print(try JSONOutput.render(profile)); return }
            let l = global.language
            let rows: [(String, String)] = [
                (l.pick("Trường", "School"), school.name),
                (l.pick("Địa chỉ", "Address"), school.address ?? "—"),
                (l.pick("Mã số thuế", "Tax code"), school.taxCode ?? "—"),
                (l.pick("Tài khoản", "Account"), "\(school.accountNumber) (\(school.accountName)), BIN \(school.bankBIN)"),
                (l.pick("Biên lai", "Receipts"), "\(l.pick("mẫu", "form")) \(school.receiptSeries.formSymbol), \(l.pick("ký hiệu", "series")) \(school.receiptSeries.symbol(year: GlobalOptions.clock().vietnamDate.year))"),
                (l.pick("Khoá công khai (Ed25519)", "Public key (Ed25519)"), key.map { Hex.lowercase($0.publicKey) } ?? "—"),
                (l.pick("Dấu vân tay khoá", "Key fingerprint"), key?.fingerprint ?? "—"),
            ]
            for (label, value) in rows { Console.current.print("\(label): \(value)") }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sửa địa chỉ, mã số thuế, mẫu và ký hiệu biên lai.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Địa chỉ (address).") var address: String?
        @Option(name: .customLong("tax-code"), help: "Mã số thuế (tax code).") var taxCode: String?
        @Option(name: .customLong("receipt-form"), help: "Receipt form symbol (default EBL01).") var receiptForm: String?
        @Option(name: .customLong("receipt-series"), help: "The two series letters after YYT (default AA).") var receiptSeries: String?

        func validate() throws {
            if address == nil && taxCode == nil && receiptForm == nil && receiptSeries == nil {
                throw ValidationError("nothing to update: give --address, --tax-code, --receipt-form or --receipt-series")
            }
        }

        func run() throws {
            let school = try global.openLedger().updateSchoolProfile(address: address, taxCode: taxCode, receiptForm: receiptForm,
                                                                     receiptLetters: receiptSeries)
            Console.current.print(global.language.pick("Đã cập nhật hồ sơ \(school.name).", "Updated the profile of \(school.name)."))
        }
    }
}
