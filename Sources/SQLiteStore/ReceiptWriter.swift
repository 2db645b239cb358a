import Foundation
import GRDB
import LedgerCore

/// Writes the receipt part of a batch: the signing key (once), new receipts with their signed content as
/// JSON, and cancellations. The schema refuses any update or delete, and any number out of sequence.
struct ReceiptWriter {
    let db: Database

    func write(_ changes: LedgerChanges) throws {
        if let key = changes.newSigningKey {
            try db.execute(sql: "INSERT INTO signing_key (id, private_key, public_key, created_at) VALUES (1, ?, ?, ?)",
                           arguments: [Data(key.privateKey), Data(key.publicKey), key.createdAt.description])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for signed in changes.receipts {
            let receipt = signed.receipt
            let content = String(decoding: try encoder.encode(receipt), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO receipts (series, number, invoice_number, amount, content, signature, replaces_series,
                                      replaces_number, issued_at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [receipt.number.series, receipt.number.number, receipt.invoiceNumber, receipt.total.dong,
                                 content, Data(signed.signature), receipt.replaces?.series, receipt.replaces?.number,
                                 receipt.issuedAt.description, changes.actor])
        }
        for cancellation in changes.receiptCancellations {
            try db.execute(sql: """
                INSERT INTO receipt_cancellations (series, number, reason, actor, cancelled_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [cancellation.number.series, cancellation.number.number, cancellation.reason,
                                 cancellation.actor, cancellation.at.description])
        }
    }
}

extension SQLiteLedgerStore {
    public func receipts() throws -> [SignedReceipt] {
        try writer.read { db in try Self.receipts(db, only: nil) }
    }

    public func receipt(_ number: ReceiptNumber) throws -> SignedReceipt? {
        try writer.read { db in
            try Self.receipts(db, only: number).first
        }
    }

    /// Receipts (in number order) with their cancellation and the receipt that replaced each, if any: all of
    /// them, or `only` one.
    private static func receipts(_ db: Database, only: ReceiptNumber?) throws -> [SignedReceipt] {
        let arguments: StatementArguments = only.map { [$0.series, $0.number] } ?? []
        let whereClause = only == nil ? "" : "WHERE series = ? AND number = ?"
        let decoder = JSONDecoder()
        var cancellations: [ReceiptNumber: ReceiptCancellation] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM receipt_cancellations \(whereClause)", arguments: arguments) {
            let number = ReceiptNumber(series: row["series"], number: row["number"])
            cancellations[number] = ReceiptCancellation(
                number: number, reason: row["reason"], actor: row["actor"],
                at: try RowDecoding.timestamp(row["cancelled_at"], "receipt_cancellations.cancelled_at"))
        }
        var replacedBy: [ReceiptNumber: ReceiptNumber] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT series, number, replaces_series, replaces_number FROM receipts
            \(only == nil ? "WHERE replaces_series IS NOT NULL" : "WHERE replaces_series = ? AND replaces_number = ?")
            """, arguments: arguments) {
            replacedBy[ReceiptNumber(series: row["replaces_series"], number: row["replaces_number"])] =
                ReceiptNumber(series: row["series"], number: row["number"])
        }
        var receipts: [SignedReceipt] = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM receipts \(whereClause) ORDER BY series, number", arguments: arguments) {
            let content: String = row["content"]
            let receipt: Receipt
            do {
                receipt = try decoder.decode(Receipt.self, from: Data(content.utf8))
            } catch {
                throw RowDecoding.CorruptRow(description: "receipt \(row["series"] as String)-\(row["number"] as Int64): content is not a receipt (\(error))")
            }
            let signature: Data = row["signature"]
            receipts.append(SignedReceipt(receipt: receipt, signature: Array(signature), cancellation: cancellations[receipt.number],
                                          replacedBy: replacedBy[receipt.number]))
        }
        return receipts
    }

    public func periodCloses() throws -> [PeriodClose] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM period_closes ORDER BY period").map { row in
                guard let period = YearMonth(row["period"] as String) else {
                    throw RowDecoding.CorruptRow(description: "period_closes: \"\(row["period"] as String)\" is not a month")
                }
                return PeriodClose(period: period, closedAt: try RowDecoding.timestamp(row["closed_at"], "period_closes.closed_at"),
                                   actor: row["actor"], journalSequence: row["journal_seq"], journalHash: row["journal_hash"],
                                   auditSequence: row["audit_seq"], lastStatementID: row["statement_id_through"])
            }
        }
    }

    public func signingKey() throws -> SigningKey? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM signing_key WHERE id = 1") else { return nil }
            let seed: Data = row["private_key"]
            let created = try RowDecoding.timestamp(row["created_at"], "signing_key.created_at")
            guard let key = SigningKey(seed: Array(seed), createdAt: created) else {
                throw RowDecoding.CorruptRow(description: "signing_key: the stored private key is not an Ed25519 key")
            }
            let stored: Data = row["public_key"]
            guard Array(stored) == key.publicKey else {
                throw RowDecoding.CorruptRow(description: "signing_key: the stored public key is not the private key's")
            }
            return key
        }
    }
}
