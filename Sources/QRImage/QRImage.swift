@_exported import VietQR
import CQRencode
import Foundation

/// QR symbols for VietQR payloads (libqrencode) and their images: SVG (plain Swift) and PNG (cairo).
///
/// The choices, and why:
/// - **Byte (8-bit) mode, case-sensitive.** A VietQR payload is bytes whose CRC covers every one of them;
///   byte mode carries them exactly as they are, and every banking app's scanner reads it.
/// - **Error-correction level M** (about 15 % of the symbol can be damaged). It is what EMVCo merchant QR
///   codes and the banks' own VietQR images use: a printed fee slip survives a fold, a smudge or a cheap
///   printer, while the symbol stays small enough (version 6–9 for a VietQR) to scan from a phone at
///   arm's length. Level L breaks on worn paper; Q and H make the modules smaller for the same print size.
/// - **Version chosen automatically**: the smallest symbol whose level-M capacity holds the payload, so the
///   modules are as large as they can be.
/// - **A quiet zone of 4 modules** on every side, as ISO/IEC 18004 requires: scanners find the symbol by its
///   finder patterns against a light margin, and a narrower margin next to text or a table border makes
///   phones fail to lock on.
public enum QRImage {
    /// Light modules around the symbol on every side (ISO/IEC 18004 §6.3.8 asks for at least 4).
    public static let quietZone = 4
    /// The most bytes a QR symbol holds in byte mode at level M (version 40-M).
    public static let maximumPayloadBytes = 2_331
    /// The largest PNG side, in pixels: 4096 px is a 17 cm QR at 600 dpi, and bounds the memory a PNG takes (64 MB).
    public static let maximumPNGSide = 4_096

    /// The QR symbol for `payload`: its UTF-8 bytes in byte mode, level M, the smallest version that fits.
    public static func matrix(for payload: String) throws(QRImageError) -> QRMatrix {
        let count = payload.utf8.count
        guard count > 0 else { throw .emptyPayload }
        guard count <= maximumPayloadBytes else { throw .payloadTooLong(bytes: count) }
        // QRcode_encodeData is QRcode_encodeString8bit without the C string: 8-bit mode over exactly these
        // bytes (a NUL inside cannot cut the payload short). Version 0 lets libqrencode pick the smallest.
        var text = payload
        let symbol = text.withUTF8 { bytes in
            QRcode_encodeData(Int32(bytes.count), bytes.baseAddress, 0, QR_ECLEVEL_M)
        }
        guard let symbol else {
            let code = errno
            throw code == ERANGE ? .payloadTooLong(bytes: count) : .encodingFailed(errno: code)
        }
        defer { QRcode_free(symbol) }

        let size = Int(symbol.pointee.width)
        let data = symbol.pointee.data!
        // libqrencode keeps bookkeeping in the upper bits of each byte; bit 0 alone says dark or light.
        let modules = [UInt8](unsafeUninitializedCapacity: size * size) { buffer, initialized in
            for index in 0..<size * size { buffer[index] = data[index] & 1 }
            initialized = size * size
        }
        return QRMatrix(size: size, version: Int(symbol.pointee.version), modules: modules)
    }
}
