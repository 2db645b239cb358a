import Crypto

/// The school's Ed25519 key pair for signing receipts. Created once at `init` from the caller's random
/// source (the core draws no randomness); the public half is printed in the school profile and on every
/// receipt as a fingerprint, so a parent or an inspector can tell which key signed it.
public struct SigningKey: Sendable, Hashable {
    /// The 32-byte private seed.
    public let privateKey: [UInt8]
    public let publicKey: [UInt8]
    public let createdAt: Timestamp

    /// A key from a 32-byte seed; `nil` if the seed is not a valid Ed25519 private key.
    public init?(seed: [UInt8], createdAt: Timestamp) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { return nil }
        self.privateKey = seed
        self.publicKey = Array(key.publicKey.rawRepresentation)
        self.createdAt = createdAt
    }

    public func sign(_ receipt: Receipt) -> [UInt8] {
        // The seed was checked in init, so the key always rebuilds.
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: privateKey)
        return Array(try! key.signature(for: receipt.canonicalBytes))
    }

    public var fingerprint: String { ReceiptVerifier.fingerprint(of: publicKey) }
}

/// Checks receipts against a public key: the pure half of `receipts verify`.
public struct ReceiptVerifier: Sendable {
    public let publicKey: [UInt8]
    public init(publicKey: [UInt8]) { self.publicKey = publicKey }

    public func isValid(signature: [UInt8], over bytes: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: bytes)
    }

    public func isValid(_ signed: SignedReceipt) -> Bool {
        isValid(signature: signed.signature, over: signed.receipt.canonicalBytes)
    }

    /// `3F2A 9C01 7B44 E0D2`: the first 8 bytes of SHA-256 of the public key, grouped for reading aloud.
    public static func fingerprint(of publicKey: [UInt8]) -> String {
        let hex = Hex.lowercase(SHA256.hash(data: publicKey).prefix(8)).uppercased()
        var groups: [String] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let end = hex.index(index, offsetBy: 4)
            groups.append(String(hex[index..<end]))
            index = end
        }
        return groups.joined(separator: " ")
    }
}
