/// The school's ledger: every use case the command line (and later the web application) offers, written once.
///
/// It holds no state of its own and performs no I/O itself: it reads through the store port, decides in pure
/// code, and writes one `LedgerChanges` batch per command. The clock and the author are passed in.
public struct Ledger<Store: LedgerStore>: Sendable {
    public let store: Store
    public let chart: ChartOfAccounts
    public let clock: @Sendable () -> Timestamp
    /// Who is acting, recorded with every change.
    public let actor: String

    public init(store: Store, chart: ChartOfAccounts, actor: String, clock: @escaping @Sendable () -> Timestamp) {
        self.store = store
        self.chart = chart
        self.actor = actor
        self.clock = clock
    }

    /// Starts a batch on the current head. Call it before reading what the decision depends on: `commit`
    /// refuses the batch if anything was committed since, so the decision can never rest on stale reads.
    package func begin() throws -> LedgerChanges {
        LedgerChanges(base: try store.head(), at: clock(), actor: actor)
    }

    package func requireSchool() throws -> School {
        guard let school = try store.school() else { throw LedgerError.notInitialized }
        return school
    }
}

/// Refusals of a request (not of a file's content, which are `InputError`s).
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    case notInitialized
    case alreadyInitialized(String)
    case invalidSetup(field: String, reason: String)
    case noStudents
    case noFees

    public var description: String {
        switch self {
        case .notInitialized: "no school in this ledger yet; run `hocphi init` first"
        case .alreadyInitialized(let name): "this ledger already belongs to \(name); init refuses to run twice"
        case .invalidSetup(let field, let reason): "\(field): \(reason)"
        case .noStudents: "no pupils on the roster yet; run `hocphi students import FILE` first"
        case .noFees: "no fee items yet; run `hocphi fees import FILE` first"
        }
    }
}
