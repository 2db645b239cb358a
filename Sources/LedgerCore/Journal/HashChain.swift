import Crypto

/// The SHA-256 chain that makes the stored journal and audit log tamper-evident.
///
/// Each record's hash covers the previous record's hash and a canonical encoding of the record. Changing any
/// stored byte — an amount, an account, a date, a memo — changes that record's hash, and re-hashing it breaks
/// the link from the next record, so an edit can only go unseen if the whole tail is rewritten; the head hash
/// that `ledger verify` prints lets the principal notice even that.
public enum HashChain {
    /// The "previous hash" of the first record.
    public static let genesis = String(repeating: "0", count: 64)

    public static func link(previous: String, canonical: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(previous.utf8))
        hasher.update(data: canonical)
        return Hex.lowercase(hasher.finalize())
    }
}

/// Lower-case hexadecimal, the form every stored hash takes.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func lowercase<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// An unambiguous byte encoding: every field is `name=<byte count>:<bytes>\n`, so no value can imitate a
/// field boundary, whatever characters it holds.
public struct CanonicalEncoder {
    public private(set) var bytes: [UInt8]

    public init(tag: String) { bytes = Array("\(tag)\n".utf8) }

    public mutating func field(_ name: String, _ value: String) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(0x3D)                                   // =
        bytes.append(contentsOf: String(value.utf8.count).utf8)
        bytes.append(0x3A)                                   // :
        bytes.append(contentsOf: value.utf8)
        bytes.append(0x0A)
    }
}
