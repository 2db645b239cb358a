/// EMVCo "point of initiation method" (field `01`).
public enum PointOfInitiation: String, Sendable, Hashable, Codable {
    /// `11`: a reusable QR, typically without an amount (printed on a wall or a report card).
    case staticQR = "11"
    /// `12`: a one-payment QR, used when an amount is set (one invoice).
    case dynamicQR = "12"
}

/// What ``VietQRDecoder`` read from a payload: the transfer it describes plus every raw field.
///
/// Why the raw fields are kept: payloads from bank apps carry fields this module does not
/// interpret (`52`, `61`, `64`, `62/05`…); dropping them would make "decode, inspect, compare"
/// lose information silently.
public struct VietQRPayload: Sendable, Hashable, Codable {
    /// Field `00`, always `"01"` for a payload this decoder accepts.
    public var payloadFormatIndicator: String
    /// Field `01`; `nil` when the payload leaves it out (EMVCo makes it optional).
    public var pointOfInitiation: PointOfInitiation?
    /// Field `38/01/00`: six-digit acquirer BIN.
    public var bin: String
    /// Field `38/01/01`: account or card number.
    public var account: String
    /// Field `38/02`.
    public var service: ServiceCode
    /// Field `54`, whole VND; `nil` when absent.
    public var amount: Int64?
    /// Field `53`, always `"704"` (VND) for a payload this decoder accepts.
    public var currency: String
    /// Field `58`, always `"VN"` for a payload this decoder accepts.
    public var country: String
    /// Field `59`.
    public var merchantName: String?
    /// Field `60`.
    public var city: String?
    /// Field `62/01`.
    public var billNumber: String?
    /// Field `62/08`, the text bank apps prefill as the transfer description.
    public var purpose: String?
    /// Field `63` as a number (the payload may spell it in either case).
    public var crc: UInt16
    /// Every top-level field in payload order, values as written (templates still serialized).
    public var fields: [TLVField]

    /// The CRC as four uppercase hex digits.
    public var crcHex: String { CRC16.hex(crc) }

    /// The raw top-level field `id`, if present.
    public func field(_ id: String) -> TLVField? {
        fields.first { $0.id == id }
    }

    /// The request that encodes to this payload's transfer (ignoring fields the encoder never writes).
    public var request: VietQRRequest {
        VietQRRequest(
            bin: bin, account: account, service: service, amount: amount, purpose: purpose,
            billNumber: billNumber, merchantName: merchantName, city: city)
    }
}
