import Foundation

/// A bank that can receive NAPAS247 transfers, as listed in `bank-formats/banks.json`.
public struct Bank: Sendable, Hashable, Codable {
    /// Six-digit NAPAS acquirer BIN, the value of field `38/01/00`.
    public var bin: String
    /// The name banking apps show, e.g. `BIDV`, `Vietcombank`.
    public var shortName: String
    /// Full legal name, in Vietnamese.
    public var name: String
    /// SWIFT/BIC code, when the bank has one.
    public var swift: String?
    /// Short code used by banking apps and `api.vietqr.io`, e.g. `VCB`, `CTG`.
    public var code: String?
    /// Whether the State Bank's official BIN list carries this entry (`nil` when the data does not say).
    public var inSbvList: Bool?
    /// Free-text caveat from the data (renames, conflicting BINs).
    public var note: String?

    public init(
        bin: String, shortName: String, name: String, swift: String? = nil, code: String? = nil,
        inSbvList: Bool? = nil, note: String? = nil
    ) {
        self.bin = bin
        self.shortName = shortName
        self.name = name
        self.swift = swift
        self.code = code
        self.inSbvList = inSbvList
        self.note = note
    }
}

/// Why a bank list was refused.
public enum BankDirectoryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data is not a JSON array of banks (the decoder's explanation).
    case invalidJSON(String)
    /// An entry's BIN is not six digits.
    case invalidBIN(bin: String, shortName: String)
    /// An entry has an empty short name.
    case emptyShortName(bin: String)
    /// Two entries share a BIN, so a QR's bank would be ambiguous.
    case duplicateBIN(String)

    public var description: String {
        switch self {
        case .invalidJSON(let reason):
            "bank list is not a JSON array of banks: \(reason)"
        case .invalidBIN(let bin, let shortName):
            "bank \"\(shortName)\": BIN \"\(bin)\" must be exactly 6 digits"
        case .emptyShortName(let bin):
            "bank with BIN \(bin) has an empty short name"
        case .duplicateBIN(let bin):
            "BIN \(bin) is listed more than once"
        }
    }
}

/// Looks banks up by BIN or by the name a bursar would type.
///
/// Why it is loaded from data and not compiled in: BINs move (banks rename, merge, or publish
/// a different BIN than aggregator APIs — see the CIMB and MAFC notes in `banks.json`), and the
/// school must be able to update the list without a new release.
public struct BankDirectory: Sendable {
    /// Every bank, in the order of the data.
    public var banks: [Bank] { storage }

    private let storage: [Bank]
    private let byBIN: [String: Int]

    /// A directory over `banks`, refusing malformed or duplicate BINs.
    public init(banks: [Bank]) throws(BankDirectoryError) {
        var byBIN: [String: Int] = [:]
        for (index, bank) in banks.enumerated() {
            guard bank.bin.utf8.count == 6, bank.bin.utf8.allSatisfy(\.isASCIIDigit) else {
                throw .invalidBIN(bin: bank.bin, shortName: bank.shortName)
            }
            guard !bank.shortName.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .emptyShortName(bin: bank.bin)
            }
            guard byBIN.updateValue(index, forKey: bank.bin) == nil else { throw .duplicateBIN(bank.bin) }
        }
        self.storage = banks
        self.byBIN = byBIN
    }

    /// A directory from the JSON array in `banks.json` (unknown keys are ignored).
    public init(jsonData: Data) throws(BankDirectoryError) {
        let banks: [Bank]
        do {
            banks = try JSONDecoder().decode([Bank].self, from: jsonData)
        } catch {
            throw .invalidJSON(String(describing: error))
        }
        try self.init(banks: banks)
    }

    /// The bank with acquirer BIN `bin`.
    public func bank(bin: String) -> Bank? {
        byBIN[bin].map { storage[$0] }
    }

    /// The bank whose short name or code is `shortNameOrCode`, ignoring case and spaces.
    ///
    /// Short names win over codes. When several banks match (the data keeps both of CIMB's and
    /// MAFC's conflicting BINs), the one on the State Bank's official list is preferred, then
    /// the first in the data, so the answer is deterministic; ``banks(named:)`` lists them all.
    public func bank(named shortNameOrCode: String) -> Bank? {
        let matches = banks(named: shortNameOrCode)
        return matches.first { $0.inSbvList == true } ?? matches.first
    }

    /// Every bank whose short name matches `shortNameOrCode` (ignoring case and spaces), or,
    /// when none does, every bank whose code matches.
    public func banks(named shortNameOrCode: String) -> [Bank] {
        let key = Self.key(shortNameOrCode)
        guard !key.isEmpty else { return [] }
        let byName = storage.filter { Self.key($0.shortName) == key }
        if !byName.isEmpty { return byName }
        return storage.filter { $0.code.map(Self.key) == key }
    }

    /// Lowercased with all whitespace removed: "Vietcom Bank", "VIETCOMBANK" and "vietcombank" agree.
    private static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
    }
}
