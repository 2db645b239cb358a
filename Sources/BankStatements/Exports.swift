/// The statement model (`Statement`, `StatementLine`, …) lives in LedgerCore, because the ledger's rules
/// (identity of a line, balance proofs, matching) are about it; this module only reads files into it.
@_exported import LedgerCore
