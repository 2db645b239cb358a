import Foundation
import LedgerCore
import XMLScan

/// Reads ISO 20022 bank-to-customer statements (camt.053, `BkToCstmrStmt/Stmt`) and debit/credit
/// notifications (camt.054, `BkToCstmrDbtCdtNtfctn/Ntfctn`), any message version, with or without a namespace
/// prefix: elements are matched by local name. The bytes go once through `XMLTokenizer` into `CamtHandler`,
/// never into a tree.
///
/// - Account: `Acct/Id/Othr/Id` (Vietnamese accounts) or `Acct/Id/IBAN`; `Acct/Ccy`, when given, must be VND.
/// - Balances: `Bal` of type `OPBD` (or `PRCD` when there is no `OPBD`) is the opening, `CLBD` the closing; other
///   types are ignored; `CdtDbtInd` `DBIT` makes a balance negative.
/// - Period: `FrToDt/FrDtTm`…`ToDtTm` (date part as written); without it, the first and last booking dates.
/// - Entries (`Ntry`, numbered from 1 across the file, which is the line's position): `Amt@Ccy` VND and whole,
///   `CdtDbtInd`, `BookgDt` (`Dt` or the date of `DtTm`), `ValDt`, the bank reference (`AcctSvcrRef`, else
///   `TxDtls/Refs/AcctSvcrRef`, else `NtryRef`), the counterparty (`RltdPties/Dbtr` and `DbtrAcct` for a credit,
///   `Cdtr` and `CdtrAcct` for a debit; `Nm` directly or under `Pty`), the description (every `RmtInf/Ustrd`
///   joined with a space, else `AddtlNtryInf`, else `TxDtls/AddtlTxInf`).
/// - Entries whose status (`Sts`, or `Sts/Cd`) is other than `BOOK` (pending `PDNG`, `INFO`) are not movements
///   on the account yet and are skipped; they still count for the numbering.
/// - Several statements in one file must be for one account; they are concatenated (opening of the first,
///   closing of the last).
/// - Errors: `file: entry 3: Amt: currency "USD" is not supported…` for an entry, `file: line 12: Acct: …` for the
///   rest, `file: line 40: XML is malformed: …` with the line of the fault for a broken or truncated document.
public enum CamtReader {
    public static func read(_ data: Data, fileName: String) throws(StatementError) -> Statement {
        let utf8 = try XMLText.utf8(data, fileName: fileName)
        let (handler, stoppedAt, fault) = utf8.withUnsafeBytes { raw in
            var tokenizer = XMLTokenizer(bytes: raw.bindMemory(to: UInt8.self), sink: CamtHandler(fileName: fileName))
            do throws(XMLSyntaxError) {
                _ = try tokenizer.run()
                return (tokenizer.sink, tokenizer.offset, nil as XMLSyntaxError?)
            } catch {
                return (tokenizer.sink, tokenizer.offset, error)
            }
        }
        if let fault {
            throw StatementError(fileName: fileName, place: "line \(XMLText.line(of: fault.offset, in: utf8))", field: nil,
                                 reason: "XML is malformed: \(fault.reason)")
        }
        if handler.failure != nil {
            // The line of the last byte read: the tag that completed what the handler refused.
            throw handler.error(line: XMLText.line(of: max(stoppedAt - 1, 0), in: utf8))!
        }
        return try handler.statement(source: SourceFile(name: fileName, sha256: StatementDigest.sha256Hex(data)))
    }

    /// Whether the bytes look like camt.053 or camt.054: XML naming the message near its start.
    public static func looksLike(_ data: Data) -> Bool {
        let head = StandardFormats.head(data)
        guard StandardFormats.firstSignificantByte(head) == 0x3C else { return false }
        return ["BkToCstmrStmt", "BkToCstmrDbtCdtNtfctn", "xsd:camt.053.", "xsd:camt.054."]
            .contains { StandardFormats.contains(head, $0) }
    }
}
