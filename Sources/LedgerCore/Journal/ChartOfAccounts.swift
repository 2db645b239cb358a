import Foundation

/// The accounts the ledger may post to, with their Vietnamese names and their place in the accounting regime
/// of public non-business units (Circular 24/2024/TT-BTC). Kept as data in `ledger/chart-of-accounts.json`
/// because the mapping is the school's accountant's to confirm, not the program's to hard-code.
public struct ChartOfAccounts: Sendable, Hashable, Codable {
    public struct Account: Sendable, Hashable, Codable {
        public let code: String
        public let nameVi: String
        public let nameEn: String
        /// debit-normal (assets, receivables) or credit-normal (liabilities, revenue).
        public let normalSide: String
        /// What a sub-account after the dot names: `student`, `fee`, or nothing.
        public let subAccount: String?
        public let circular24: String

        enum CodingKeys: String, CodingKey {
            case code, nameVi = "name_vi", nameEn = "name_en", normalSide = "normal_side", subAccount = "sub_account", circular24 = "circular_24"
        }
    }

    public let accounts: [Account]

    public init(accounts: [Account]) { self.accounts = accounts }

    public init(json: Data) throws {
        self = try JSONDecoder().decode(ChartOfAccounts.self, from: json)
    }

    public func account(_ code: AccountCode) -> Account? { accounts.first { $0.code == code.root } }

    /// The roots the core itself posts to; the chart must name every one of them.
    public static let rootsUsedByCore: Set<String> = Set(["112", "131", "3383"] + FeeAccount.allCases.map(\.rawValue))
}
