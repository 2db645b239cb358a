import VietnameseText

/// What `init` is told about the school.
public struct SchoolSetup: Sendable, Hashable {
    public var name: String
    public var bankBIN: String
    public var accountNumber: String
    public var accountName: String
    public var city: String?

    public init(name: String, bankBIN: String, accountNumber: String, accountName: String, city: String? = nil) {
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
    public func initialize(_ setup: SchoolSetup, knownBINs: Set<String>, key: PaymentCodeKey) throws -> School {
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
        var changes = try begin()
        let school = School(name: name, bankBIN: bin, accountNumber: account, accountName: accountName, city: city,
                            paymentCodeKey: key, createdAt: changes.recordedAt)
        changes.newSchool = school
        changes.audit(AuditEvent("school.created", subject: name,
                                 details: "bank \(bin), account \(account) (\(accountName))\(city.map { ", \($0)" } ?? "")"))
        try store.commit(changes)
        return school
    }
}
