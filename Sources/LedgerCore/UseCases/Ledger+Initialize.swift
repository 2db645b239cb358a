import VietnameseText

/// What `init` is told about the school.
public struct SchoolSetup: Sendable, Hashable {
    public var name: String
    public var bankBIN: String
    public var accountNumber: String
    public var accountName: String
    public var city: String?
    public var address: String?
    public var taxCode: String?

    public init(name: String, bankBIN: String, accountNumber: String, accountName: String, city: String? = nil,
                address: String? = nil, taxCode: String? = nil) {
        self.address = address
        self.taxCode = taxCode
        self.name = name
        self.bankBIN = bankBIN
        self.accountNumber = accountNumber
        self.accountName = accountName
        self.city = city
    }
}

extension Ledger {
    /// Creates the school profile, once.
    /// - Parameters:
    ///   - knownBINs: the bank directory's BINs; a BIN outside it would produce QR codes no app can pay.
    ///   - key: the payment-code key, drawn by the caller from its random source.
    ///   - signingSeed: 32 random bytes for the school's receipt-signing key (Ed25519), also from the caller.
    public func initialize(_ setup: SchoolSetup, knownBINs: Set<String>, key: PaymentCodeKey,
                           signingSeed: [UInt8]? = nil) throws -> School {
        if let existing = try store.school() { throw LedgerError.alreadyInitialized(existing.name) }
        let name = VietnameseNormalization.cleanName(setup.name)
        guard !name.isEmpty else { throw LedgerError.invalidSetup(field: "--school", reason: "the school name is empty") }
        let bin = setup.bankBIN.trimmingSpaces()
        guard bin.count == 6, bin.allSatisfy({ $0.asciiDigit != nil }) else {
            throw LedgerError.invalidSetup(field: "--bank-bin", reason: "\"\(setup.bankBIN)\" is not a 6-digit bank BIN")
        }
        guard knownBINs.contains(bin) else {
            throw LedgerError.invalidSetup(field: "--bank-bin", reason: "\(bin) is not in the bank directory (bank-formats/banks.json)")
        }
        let account = setup.accountNumber.filter { !$0.isWhitespace }
        guard (1...19).contains(account.count), account.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw LedgerError.invalidSetup(field: "--account", reason: "\"\(setup.accountNumber)\" is not an account number (1–19 letters or digits)")
        }
        let accountName = VietnameseNormalization.cleanName(setup.accountName)
        guard !accountName.isEmpty else { throw LedgerError.invalidSetup(field: "--account-name", reason: "the account name is empty") }
        let city = setup.city.map(VietnameseNormalization.cleanName).flatMap { $0.isEmpty ? nil : $0 }
        let profile = try ProfileFields(address: setup.address, taxCode: setup.taxCode)
        var changes = try begin()
        let school = School(name: name, bankBIN: bin, accountNumber: account, accountName: accountName, city: city,
                            paymentCodeKey: key, createdAt: changes.recordedAt, address: profile.address, taxCode: profile.taxCode)
        changes.newSchool = school
        var keyDetails = ""
        if let signingSeed {
            guard let signing = SigningKey(seed: signingSeed, createdAt: changes.recordedAt) else {
                throw LedgerError.invalidSetup(field: "signing key", reason: "the seed is not 32 bytes")
            }
            changes.newSigningKey = signing
            keyDetails = "; receipt-signing key Ed25519 \(Hex.lowercase(signing.publicKey))"
        }
        changes.audit(AuditEvent("school.created", subject: name,
                                 details: "bank \(bin), account \(account) (\(accountName))\(city.map { ", \($0)" } ?? "")\(keyDetails)"))
        try store.commit(changes)
        return school
    }
}

extension Ledger {
    /// Edits what a receipt prints about the school: address, tax code, receipt form and series letters.
    /// The bank account and the payment-code key never change here (codes already printed depend on them).
    /// `nil` leaves a field as it is; an empty string clears address or tax code.
    public func updateSchoolProfile(address: String?, taxCode: String?, receiptForm: String?, receiptLetters: String?) throws -> School {
        var changes = try begin()
        var school = try requireSchool()
        let old = school
        let profile = try ProfileFields(address: address, taxCode: taxCode)
        if address != nil { school.address = profile.address }
        if taxCode != nil { school.taxCode = profile.taxCode }
        if let receiptForm { school.receiptSeries.formSymbol = receiptForm.trimmingSpaces().uppercased() }
        if let receiptLetters { school.receiptSeries.letters = receiptLetters.trimmingSpaces().uppercased() }
        if let problem = school.receiptSeries.formProblem { throw LedgerError.invalidSetup(field: "--receipt-form", reason: problem) }
        if let problem = school.receiptSeries.lettersProblem { throw LedgerError.invalidSetup(field: "--receipt-series", reason: problem) }
        guard school != old else { return school }
        changes.updatedSchool = school
        var details: [String] = []
        if school.address != old.address { details.append("address: \(old.address ?? "—") → \(school.address ?? "—")") }
        if school.taxCode != old.taxCode { details.append("tax code: \(old.taxCode ?? "—") → \(school.taxCode ?? "—")") }
        if school.receiptSeries != old.receiptSeries {
            details.append("receipts: \(old.receiptSeries.formSymbol)/\(old.receiptSeries.letters) → \(school.receiptSeries.formSymbol)/\(school.receiptSeries.letters)")
        }
        changes.audit(AuditEvent("school.updated", subject: school.name, details: details.joined(separator: "; ")))
        try store.commit(changes)
        return school
    }
}

/// The optional profile fields, cleaned and checked: a Vietnamese tax code is 10 digits, or 10-3 for a branch.
private struct ProfileFields {
    let address: String?
    let taxCode: String?

    init(address: String?, taxCode: String?) throws {
        let address = address.map(VietnameseNormalization.cleanName)
        self.address = address.flatMap { $0.isEmpty ? nil : $0 }
        let tax = taxCode?.filter { !$0.isWhitespace } ?? ""
        if !tax.isEmpty {
            let parts = tax.split(separator: "-", omittingEmptySubsequences: false)
            guard parts[0].count == 10, parts[0].allSatisfy({ $0.asciiDigit != nil }),
                  parts.count == 1 || (parts.count == 2 && parts[1].count == 3 && parts[1].allSatisfy({ $0.asciiDigit != nil })) else {
                throw LedgerError.invalidSetup(field: "--tax-code", reason: "\"\(taxCode ?? "")\" is not a tax code (10 digits, or 10-3 for a branch)")
            }
        }
        self.taxCode = tax.isEmpty ? nil : tax
    }
}
