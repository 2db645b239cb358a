/// The proof that a statement file is complete: opening + credits − debits = closing, and, where the bank
/// gives a running balance, that every line moves it by exactly its amount. A file that fails either is not
/// to be trusted, because a missing or doubled line is precisely what would make it fail.
///
/// The proof is accumulated line by line (`Accumulator`) in O(1) memory, so a streamed import proves a file
/// of any size while storing it; the opening and closing balances, which a file may state after its lines,
/// are only needed at the end.
public enum BalanceProof {
    public enum Outcome: Sendable, Hashable {
        /// Balances present and consistent.
        case proven
        /// The file carries no balances to check (a bank feed).
        case notApplicable
        case failed(position: Int?, reason: String)
    }

    public static func check(_ statement: Statement) -> Outcome {
        var proof = Accumulator()
        for line in statement.lines { proof.add(line) }
        return proof.outcome(opening: statement.openingBalance, closing: statement.closingBalance)
    }

    /// The proof's state after the lines added so far, in file order.
    ///
    /// Running balances must agree in file order or newest-first. In file order each running balance is the
    /// previous one (the opening balance for the first) plus the line's signed amount; newest-first, each is
    /// the *next* one plus the next line's amount, and the last line's is the opening plus its own. Both are
    /// checks on neighbouring lines, so only the first and the previous running line are remembered.
    public struct Accumulator: Sendable {
        private struct RunningLine: Sendable {
            var signed: Int64
            var running: Int64
            var position: Int
            var direction: Direction
            var amount: Int64
        }

        private var credits: Int64 = 0
        private var debits: Int64 = 0
        private var firstRunning: RunningLine?
        private var lastRunning: RunningLine?
        /// The first failure in file order between two running lines (the first line against the opening
        /// balance is checked at the end, when the opening balance is surely known).
        private var forwardProblem: (position: Int, reason: String)?
        private var newestFirstFails = false

        public init() {}

        public mutating func add(_ line: StatementLine) {
            switch line.direction {
            case .credit: credits &+= line.amount.dong
            case .debit: debits &+= line.amount.dong
            }
            guard let running = line.runningBalance?.dong else { return }
            let current = RunningLine(signed: line.signedAmount.dong, running: running, position: line.position,
                                      direction: line.direction, amount: line.amount.dong)
            if let previous = lastRunning {
                if forwardProblem == nil, previous.running &+ current.signed != running {
                    forwardProblem = Self.problem(current, before: previous.running)
                }
                if running &+ previous.signed != previous.running { newestFirstFails = true }
            } else {
                firstRunning = current
            }
            lastRunning = current
        }

        private static func problem(_ line: RunningLine, before: Int64) -> (position: Int, reason: String) {
            (line.position, "balance \(before) \(line.direction == .credit ? "+" : "−") \(line.amount) should be \(before &+ line.signed), the file says \(line.running)")
        }

        public func outcome(opening: Money?, closing: Money?) -> Outcome {
            var problem = forwardProblem
            var newestFirstFails = self.newestFirstFails
            if let opening = opening?.dong {
                if let first = firstRunning, opening &+ first.signed != first.running {
                    problem = Self.problem(first, before: opening)
                }
                if let last = lastRunning, opening &+ last.signed != last.running { newestFirstFails = true }
            }
            if let problem, newestFirstFails {
                // Neither in file order nor newest-first do the running balances agree.
                return .failed(position: problem.position, reason: problem.reason)
            }
            guard let opening, let closing else {
                return firstRunning != nil ? .proven : .notApplicable
            }
            let expected = opening.dong &+ credits &- debits
            if expected != closing.dong {
                return .failed(position: nil, reason: "opening \(opening.dong) + credits \(credits) − debits \(debits) = \(expected), but the closing balance is \(closing.dong)")
            }
            return .proven
        }
    }
}
