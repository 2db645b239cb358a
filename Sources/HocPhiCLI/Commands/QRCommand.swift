import ArgumentParser
import Foundation
import VietQR

struct QRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr", abstract: "VietQR (NAPAS/EMVCo) payloads.", subcommands: [Encode.self, Decode.self])

    struct Encode: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tạo chuỗi VietQR (one payload line).")

        @OptionGroup var global: GlobalOptions
        @Option(help: "The bank's BIN (e.g. 970418).") var bin: String?
        @Option(help: "The bank by short name instead (BIDV, Agribank, …).") var bank: String?
        @Option(help: "Account (or card) number.") var account: String
        @Option(help: "Amount in VND; omitted makes a static QR.") var amount: Int64?
        @Option(help: "Purpose of transaction (62/08), at most 25 characters.") var purpose: String?
        @Option(help: "Merchant name (59).") var name: String?
        @Option(help: "City (60).") var city: String?
        @Flag(help: "Transfer to a card number (QRIBFTTC) instead of an account.") var card = false

        func validate() throws {
            if bin == nil && bank == nil { throw ValidationError("give --bin BIN or --bank NAME") }
        }

        func run() throws {
            var code = bin ?? ""
            if bin == nil, let bank {
                guard let found = try GlobalOptions.bankDirectory().bank(named: bank) else {
                    throw CommandFailure("--bank: \"\(bank)\" is not in the bank directory")
                }
                code = found.bin
            }
            let request = VietQRRequest(bin: code, account: account, service: card ? .toCard : .toAccount, amount: amount,
                                        purpose: purpose, merchantName: name, city: city)
            Console.current.print(try VietQREncoder.encode(request))
        }
    }

    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Kiểm tra và giải mã chuỗi VietQR.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The payload.") var payload: String
        @Flag(help: "Print one JSON document.") var json = false

        func run() throws {
            let decoded = try VietQRDecoder.decode(payload)
            if json {
                Console.current.print(try JSONOutput.render(decoded.request))
                return
            }
            let bank = try? GlobalOptions.bankDirectory().bank(bin: decoded.bin)
            let lines: [(String, String?)] = [
                ("bin", decoded.bin + (bank.map { " (\($0.shortName))" } ?? "")), ("account", decoded.account),
                ("service", decoded.service.rawValue), ("amount", decoded.amount.map(String.init)),
                ("purpose", decoded.purpose), ("bill_number", decoded.billNumber), ("merchant_name", decoded.merchantName),
                ("city", decoded.city), ("crc", decoded.crcHex),
            ]
            for case let (name, value?) in lines { Console.current.print("\(name): \(value)") }
        }
    }
}
