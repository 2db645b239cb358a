import Crypto
import Foundation

/// The identity of a statement file: the SHA-256 of its bytes, so the same file under two names is one file.
public enum StatementDigest {
    /// SHA-256 of `data`, lower-case hex (64 characters), as `SourceFile.sha256` holds it.
    public static func sha256Hex(_ data: Data) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
