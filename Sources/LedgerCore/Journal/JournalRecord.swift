/// A journal entry as it is stored: sealed into the chain with its sequence number, time, author and hashes.
///
/// This is also the shape read back for verification, where nothing is trusted: its fields are plain values,
/// so a tampered record (unbalanced, unknown account) can be represented and reported rather than rejected
/// on load.
public struct JournalRecord: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        public let account: String
        public let side: String
        public let amount: Int64
        public init(account: String, side: String, amount: Int64) {
            self.account = account
            self.side = side
            self.amount = amount
        }
    }

    public let sequence: Int64
    public let recordedAt: String
    public let kind: String
    public let reference: String
    public let memo: String
    public let actor: String
    public let reverses: Int64?
    public let lines: [Line]
    public let previousHash: String
    public let hash: String
    /// The accounting month (`2025-09`) the entry counts in; empty for records made before periods existed.
    public let period: String

    public init(sequence: Int64, recordedAt: String, kind: String, reference: String, memo: String, actor: String,
                reverses: Int64?, lines: [Line], previousHash: String, hash: String, period: String = "") {
        self.period = period
        self.sequence = sequence
        self.recordedAt = recordedAt
        self.kind = kind
        self.reference = reference
        self.memo = memo
        self.actor = actor
        self.reverses = reverses
        self.lines = lines
        self.previousHash = previousHash
        self.hash = hash
    }

    /// Seals a balanced entry after the record whose hash is `previousHash`.
    public init(sealing entry: JournalEntry, sequence: Int64, at time: Timestamp, actor: String, previousHash: String,
                period: YearMonth) {
        let lines = entry.postings.map { Line(account: $0.account.value, side: $0.side.rawValue, amount: $0.amount.dong) }
        let unsealed = JournalRecord(sequence: sequence, recordedAt: time.description, kind: entry.kind.rawValue,
                                     reference: entry.reference, memo: entry.memo, actor: actor, reverses: entry.reverses,
                                     lines: lines, previousHash: previousHash, hash: "", period: period.description)
        self = unsealed.withHash(unsealed.computedHash)
    }

    /// The hash this record's content and predecessor imply.
    public var computedHash: String { HashChain.link(previous: previousHash, canonical: canonicalBytes) }

    public var canonicalBytes: [UInt8] {
        var encoder = CanonicalEncoder(tag: "hocphi.journal.v1")
        encoder.field("sequence", String(sequence))
        encoder.field("recorded_at", recordedAt)
        encoder.field("kind", kind)
        encoder.field("reference", reference)
        encoder.field("memo", memo)
        encoder.field("actor", actor)
        encoder.field("reverses", reverses.map(String.init) ?? "")
        encoder.field("lines", String(lines.count))
        for line in lines {
            encoder.field("account", line.account)
            encoder.field("side", line.side)
            encoder.field("amount", String(line.amount))
        }
        // Last and only when set, so records sealed before periods existed keep their hashes.
        if !period.isEmpty { encoder.field("period", period) }
        return encoder.bytes
    }

    func withHash(_ hash: String) -> JournalRecord {
        JournalRecord(sequence: sequence, recordedAt: recordedAt, kind: kind, reference: reference, memo: memo,
                      actor: actor, reverses: reverses, lines: lines, previousHash: previousHash, hash: hash, period: period)
    }
}
