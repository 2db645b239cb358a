import ArgumentParser
import Foundation
import QRImage
import VietQR

struct QRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr", abstract: "VietQR (NAPAS/EMVCo) payloads.", subcommands: [Encode.self, Decode.self, Image.self])

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

    struct Image: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vẽ mã QR ra tệp SVG hoặc PNG (renders the QR: level M, quiet zone of 4 modules).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The payload (checked like `qr decode` first).") var payload: String
        @Option(name: [.customShort("o"), .customLong("output")], help: "The image file: FILE.svg or FILE.png.")
        var output: String
        @Option(help: "Pixels per module, 1…64 (default 8).") var moduleSize = 8

        /// The image format, from the output file's extension.
        enum Format { case svg, png }

        var format: Format? {
            switch URL(fileURLWithPath: output).pathExtension.lowercased() {
            case "svg": .svg
            case "png": .png
            default: nil
            }
        }

        func validate() throws {
            guard format != nil else {
                throw ValidationError("-o \(output): the file name must end in .svg or .png (that chooses the format)")
            }
            guard (1...64).contains(moduleSize) else {
                throw ValidationError("--module-size \(moduleSize): give 1…64 pixels per module")
            }
        }

        func run() throws {
            // A QR that banking apps refuse is worse than none: only a valid VietQR is drawn.
            _ = try VietQRDecoder.decode(payload)
            let matrix = try QRImage.matrix(for: payload)
            let data: Data = switch format {
            case .svg?: Data(QRImage.svg(matrix, moduleSize: moduleSize).utf8)
            case .png?, nil: try QRImage.png(matrix, moduleSize: moduleSize)
            }
            do {
                // Written beside the target and renamed over it: a reader never sees half an image.
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
                let reason = underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
                    ?? error.localizedDescription
                throw CommandFailure("\(output): cannot write the image: \(reason)")
            }
            Console.current.print(output)
        }
    }
}
