public struct FeeImportSummary: Sendable, Hashable, Codable {
    public var read = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var withdrawn = 0
}

extension Ledger {
    /// Replaces the school's price list with the file: new fees are added, changed ones updated, and fees no
    /// longer listed are withdrawn (kept for history, billed no more). Issued invoices are never touched.
    public func importFees(_ table: InputTable) throws -> FeeImportSummary {
        _ = try requireSchool()
        var changes = try begin()                 // before reading: see `Ledger.begin`
        let students = try store.students()
        guard !students.isEmpty else { throw LedgerError.noStudents }
        let incoming = try FeeListFile.read(table, classes: Set(students.map(\.className)))
        let existing = Dictionary(uniqueKeysWithValues: try store.feeItems().map { ($0.code, $0) })
        var summary = FeeImportSummary(read: incoming.count)
        for fee in incoming {
            let details = "\(fee.name): \(fee.amount.formatted), \(fee.scope), \(fee.schedule), TK \(fee.account.rawValue)"
            guard let old = existing[fee.code] else {
                summary.added += 1
                changes.upsert(fee)
                changes.audit(AuditEvent("fee.added", subject: fee.code.value, details: details + " (\(table.fileName))"))
                continue
            }
            if old == fee { summary.unchanged += 1; continue }
            summary.updated += 1
            changes.upsert(fee)
            let was = "\(old.name): \(old.amount.formatted), \(old.scope), \(old.schedule), TK \(old.account.rawValue)"
            changes.audit(AuditEvent("fee.updated", subject: fee.code.value, details: "\(was) → \(details) (\(table.fileName))"))
        }
        let listed = Set(incoming.map(\.code))
        for code in existing.keys.sorted() where !listed.contains(code) {
            summary.withdrawn += 1
            changes.deactivate(code)
            changes.audit(AuditEvent("fee.withdrawn", subject: code.value, details: "not in \(table.fileName)"))
        }
        if !changes.isEmpty { try store.commit(changes) }
        return summary
    }
}
