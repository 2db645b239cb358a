import ArgumentParser
import Foundation
import LedgerCore
import PrintedDocuments
import QRImage

struct ReceiptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipts", abstract: "Biên lai thu tiền: phát hành, xuất, in, kiểm tra (signed receipts for paid invoices).",
        subcommands: [Issue.self, Export.self, PDF.self, Verify.self, Cancel.self, Replace.self])

    /// 32 bytes from the system's random source: the seed of the school's signing key, if it has none yet.
    static func randomSeed() -> [UInt8] {
        var random = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &random) }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Phát hành biên lai cho một thông báo thu đã nộp đủ, hoặc --all cho mọi thông báo chưa có biên lai.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice number.") var invoice: String?
        @Flag(help: "Every paid invoice that has no valid receipt yet.") var all = false

        func validate() throws {
            if (invoice == nil) == !all { throw ValidationError("give one invoice number, or --all") }
        }

        func run() throws {
            let summary = try global.openLedger().issueReceipts(invoice: all ? nil : invoice, newKeySeed: ReceiptsCommand.randomSeed)
            let l = global.language
            let range = summary.issued.isEmpty ? "" : " (\(summary.issued.first!)\(summary.issued.count > 1 ? " … \(summary.issued.last!)" : ""))"
            Console.current.print(l.pick(
                "Đã phát hành \(summary.issued.count) biên lai\(range); \(summary.alreadyIssued) thông báo thu đã có biên lai.",
                "Issued \(summary.issued.count) receipts\(range); \(summary.alreadyIssued) invoices already had one."))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mọi biên lai (receipt register).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "csv (default) or json.") var format: OutputFormat = .csv

        static let columns = ["receipt_number", "invoice_number", "student_code", "amount", "issued_at", "status",
                              "form_symbol", "student_name", "class", "period", "replaces", "replaced_by", "cancel_reason"]

        func run() throws {
            let rows = try global.openLedger().store.receipts().map { signed in
                let r = signed.receipt
                return [r.number.description, r.invoiceNumber, r.studentCode, String(r.total.dong), r.issuedAt.description,
                        signed.status.rawValue, r.formSymbol, r.studentName, r.className, r.period.description,
                        r.replaces?.description ?? "", signed.replacedBy?.description ?? "", signed.cancellation?.reason ?? ""]
            }
            try Tabulated.print(columns: Self.columns, rows: rows, format: format)
        }
    }

    struct PDF: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pdf", abstract: "In biên lai ra PDF (A5).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The receipt number, e.g. 26TAA-0000001.") var number: String
        @Option(name: [.customShort("o"), .customLong("output")], help: "The PDF file to write.") var output: String

        func run() throws {
            let document = try global.openLedger().receiptDocument(number)
            try OutputFile.write(try Renderers.pdf.receipt(document), to: output)
            Console.current.print(output)
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Kiểm tra chữ ký một biên lai: tệp PDF, hoặc nội dung mã QR (HPR1|…) trong tệp hay đối số.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A receipt PDF, a text file holding the QR's text, the text itself, or a receipt number.") var file: String

        func run() throws {
            let text: String
            if FileManager.default.fileExists(atPath: file) {
                guard let bytes = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot read the file") }
                if bytes.starts(with: Array("%PDF".utf8)) {
                    guard let found = PDFRenderer.verificationText(inPDF: Array(bytes)) else {
                        throw CommandFailure("\(file): this PDF carries no HocPhi receipt seal")
                    }
                    text = found
                } else {
                    text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                }
            } else {
                text = file
            }
            let ledger = try global.openLedger()
            let seal: ReceiptSeal
            if let parsed = ReceiptSeal(text) {
                seal = parsed
            } else if ReceiptNumber(text) != nil {
                // A number alone: check the stored receipt against the school's key (its own seal).
                seal = ReceiptSeal(try ledger.receipt(text))
            } else {
                throw CommandFailure("\(file): not a receipt seal (HPR1|series|number|invoice|amount|date|signature) nor a receipt number")
            }
            let result = try ledger.verifyReceipt(seal: seal)
            let l = global.language
            if result.isValid, let stored = result.stored {
                let r = stored.receipt
                let status = stored.status == .issued ? "" : l.pick(" — NHƯNG biên lai này \(stored.status.label.lowercased())", " — BUT this receipt is \(stored.status.rawValue)")
                // The seal proves which receipt this is; what a forged page prints around it is for the reader to
                // compare, so the genuine content is spelled out.
                Console.current.print(l.pick(
                    "HỢP LỆ: biên lai \(r.number) có chữ ký của trường. Bản gốc ghi: \(r.studentName) (\(r.className)), người nộp \(r.payerName), \(r.total.formatted), thông báo thu \(r.invoiceNumber), ngày \(r.issuedOn.vietnamese) — hãy đối chiếu với bản đang cầm.\(status)",
                    "VALID: receipt \(r.number) is signed by the school. The genuine receipt reads: \(r.studentName) (\(r.className)), payer \(r.payerName), \(r.total.formatted), invoice \(r.invoiceNumber), issued \(r.issuedOn) — compare it with the copy in hand.\(status)"))
                if stored.status != .issued { throw ExitCode(1) }
            } else {
                throw CommandFailure(l.pick("KHÔNG HỢP LỆ: ", "INVALID: ") + "receipt \(seal.number): " + result.problems.joined(separator: "; "))
            }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Huỷ một biên lai (giữ lại, số không dùng lại).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The receipt number.") var number: String
        @Option(help: "Why (kept with the record).") var reason: String

        func run() throws {
            try global.openLedger().cancelReceipt(number, reason: reason)
            Console.current.print(global.language.pick("Đã huỷ biên lai \(number).", "Cancelled receipt \(number)."))
        }
    }

    struct Replace: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Thay thế một biên lai sai bằng biên lai mới (số mới, trỏ về biên lai cũ).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The receipt number.") var number: String
        @Option(help: "Why (kept with the record).") var reason: String

        func run() throws {
            let new = try global.openLedger().replaceReceipt(number, reason: reason)
            Console.current.print(global.language.pick("Biên lai \(new) thay thế \(number).", "Receipt \(new) replaces \(number)."))
        }
    }
}

/// The concrete renderers the commands use: PDF through cairo, with QR symbols from libqrencode.
enum Renderers {
    static let pdf = PDFRenderer(qrSymbol: { payload in try QRImage.matrix(for: payload) })
}
