/// Why a QR symbol or image could not be made. Each message says what to change.
public enum QRImageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There is nothing to encode.
    case emptyPayload
    /// The payload is longer than the largest symbol (version 40) holds at error-correction level M.
    case payloadTooLong(bytes: Int)
    /// libqrencode refused the input for another reason; `errno` is what it reported.
    case encodingFailed(errno: Int32)
    /// The module size is not a positive number of pixels, or makes a PNG larger than ``QRImage/maximumPNGSide``.
    case invalidModuleSize(Int, imageSide: Int)
    /// cairo could not build or write the PNG; the text is cairo's own status message.
    case renderingFailed(String)

    public var description: String {
        switch self {
        case .emptyPayload:
            return "the payload is empty; there is nothing to put in a QR code"
        case .payloadTooLong(let bytes):
            return "the payload is \(bytes) bytes; a QR code at error-correction level M holds at most "
                + "\(QRImage.maximumPayloadBytes) bytes (version 40)"
        case .encodingFailed(let code):
            return "libqrencode could not encode the payload (errno \(code))"
        case .invalidModuleSize(let size, let side):
            if size < 1 { return "the module size must be at least 1 pixel, not \(size)" }
            return "a module size of \(size) px makes a \(side)×\(side) px image; "
                + "the largest allowed is \(QRImage.maximumPNGSide) px per side, so choose a smaller module size"
        case .renderingFailed(let status):
            return "cairo could not render the PNG: \(status)"
        }
    }
}
