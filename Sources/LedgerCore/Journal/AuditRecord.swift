/// A state change that is not money — a pupil added, a fee's price changed, the school created — recorded
/// with who, when and what, in its own hash chain so that it is as tamper-evident as the journal.
public struct AuditRecord: Sendable, Hashable, Codable {
    public let sequence: Int64
    public let recordedAt: String
    public let actor: String
    /// A stable dotted name: `school.created`, `student.added`, `student.updated`, `fee.updated`, …
    public let action: String
    /// What it is about: a student code, a fee code, an invoice number, a file name.
    public let subject: String
    /// Human-readable details, e.g. `class: 3A → 3B`.
    public let details: String
    public let previousHash: String
    public let hash: String

    public init(sequence: Int64, recordedAt: String, actor: String, action: String, subject: String, details: String,
                previousHash: String, hash: String) {
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    public init(sealing event: AuditEvent, sequence: Int64, at time: Timestamp, actor: String, previousHash: String) {
        let unsealed = AuditRecord(sequence: sequence, recordedAt: time.description, actor: actor, action: event.action,
                                   subject: event.subject, details: event.details, previousHash: previousHash, hash: "")
        self.init(sequence: sequence, recordedAt: unsealed.recordedAt, actor: actor, action: event.action,
                  subject: event.subject, details: event.details, previousHash: previousHash, hash: unsealed.computedHash)
    }

    public var computedHash: String {
        var encoder = CanonicalEncoder(tag: "hocphi.audit.v1")
        encoder.field("sequence", String(sequence))
        encoder.field("recorded_at", recordedAt)
        encoder.field("actor", actor)
        encoder.field("action", action)
        encoder.field("subject", subject)
        encoder.field("details", details)
        return HashChain.link(previous: previousHash, canonical: encoder.bytes)
    }
}

/// An audit event before it is sealed.
public struct AuditEvent: Sendable, Hashable, Codable {
    public let action: String
    public let subject: String
    public let details: String

    public init(_ action: String, subject: String, details: String = "") {
        self.action = action
        self.subject = subject
        self.details = details
    }
}
