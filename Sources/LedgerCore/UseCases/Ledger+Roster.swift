public struct RosterImportSummary: Sendable, Hashable, Codable {
    public var read = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
}

extension Ledger {
    /// Adds new pupils and updates known ones (matched by student code), never duplicating.
    ///
    /// Pupils missing from the file are kept: schools often send one file per class. Optional details the file
    /// has no column for are kept too. Invoices already issued keep the name and class they were issued with.
    public func importRoster(_ table: InputTable) throws -> RosterImportSummary {
        _ = try requireSchool()
        let (incoming, columns) = try RosterFile.readWithColumns(table)
        var changes = try begin()                 // before reading: see `Ledger.begin`
        let existing = Dictionary(uniqueKeysWithValues: try store.students().map { ($0.code, $0) })
        var summary = RosterImportSummary(read: incoming.count)
        for read in incoming {
            let student = existing[read.code].map { read.merging($0, fileColumns: columns) } ?? read
            guard let old = existing[student.code] else {
                summary.added += 1
                changes.upsert(student)
                changes.audit(AuditEvent("student.added", subject: student.code.value,
                                         details: "\(student.fullName), lớp \(student.className) (\(table.fileName))"))
                continue
            }
            if old == student { summary.unchanged += 1; continue }
            summary.updated += 1
            changes.upsert(student)
            changes.audit(AuditEvent("student.updated", subject: student.code.value,
                                     details: StudentDiff(old: old, new: student).description + " (\(table.fileName))"))
        }
        if !changes.isEmpty { try store.commit(changes) }
        return summary
    }
}

/// What changed about a pupil, for the audit log: `class: 3A → 3B; guardian_phone: — → 0912345678`.
struct StudentDiff: CustomStringConvertible {
    let old: Student
    let new: Student

    var description: String {
        var parts: [String] = []
        func compare(_ name: String, _ a: String?, _ b: String?) {
            if a != b { parts.append("\(name): \(a ?? "—") → \(b ?? "—")") }
        }
        compare("full_name", old.fullName, new.fullName)
        compare("class", old.className.description, new.className.description)
        compare("date_of_birth", old.dateOfBirth?.description, new.dateOfBirth?.description)
        compare("guardian_name", old.guardianName, new.guardianName)
        compare("guardian_phone", old.guardianPhone?.value, new.guardianPhone?.value)
        return parts.joined(separator: "; ")
    }
}
