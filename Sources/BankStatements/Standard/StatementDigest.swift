import Crypto
import Foundation

/// The identity of a statement file: the SHA-256 of its bytes, so the same file under two names is one file.
public enum StatementDigest {
    /// SHA-256 of `data`, lower-case hex (64 characters), as `SourceFile.sha256` holds it.
    public static func sha256Hex(_ data: Data) -> String {
        Hex.lowercase(SHA256.hash(data: data))
    }
}

extension StatementDigest {
    /// SHA-256 of a file whose bytes go by in chunks (a streamed import hashes the file before reading it).
    public struct Incremental {
        private var hasher = SHA256()
        public init() {}
        public mutating func add(_ bytes: [UInt8]) { hasher.update(data: bytes) }
        public func finish() -> String { Hex.lowercase(hasher.finalize()) }
    }
}
