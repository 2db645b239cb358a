/// The camt elements `CamtHandler` acts on, by local name; every other element is `other`. Each element is
/// looked up once, at its start, so the path tests run at every end compare bytes, not strings.
enum CamtTag: String, CaseIterable {
    case other = ""
    case Document, BkToCstmrStmt, BkToCstmrDbtCdtNtfctn, Stmt, Ntfctn
    case Acct, Id, Othr, IBAN, Ccy, FrToDt, FrDtTm, FrDt, ToDtTm, ToDt
    case Bal, Tp, CdOrPrtry, Cd, Amt, CdtDbtInd
    case Ntry, NtryRef, Sts, BookgDt, ValDt, Dt, DtTm, AcctSvcrRef, Refs, TxDtls
    case Dbtr, Cdtr, Pty, Nm, DbtrAcct, CdtrAcct, RmtInf, Ustrd, AddtlNtryInf, AddtlTxInf

    /// Local name → tag: one hash lookup, where `init(rawValue:)` would compare the name with each case in turn.
    static let named: [String: CamtTag] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
