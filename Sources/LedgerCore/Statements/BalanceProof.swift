/// The proof that a statement file is complete: opening + credits − debits = closing, and, where the bank
/// gives a running balance, that every line moves it by exactly its amount. A file that fails either is not
/// to be trusted, because a missing or doubled line is precisely what would make it fail.
public enum BalanceProof {
    public enum Outcome: Sendable, Hashable {
        /// Balances present and consistent.
        case proven
        /// The file carries no balances to check (a bank feed).
        case notApplicable
        case failed(position: Int?, reason: String)
    }

    public static func check(_ statement: Statement) -> Outcome {
        var credits: Int64 = 0, debits: Int64 = 0
        for line in statement.lines {
            switch line.direction {
            case .credit: credits &+= line.amount.dong
            case .debit: debits &+= line.amount.dong
            }
        }
        if let problem = runningBalanceProblem(statement.lines, opening: statement.openingBalance),
           runningBalanceProblem(statement.lines.reversed(), opening: statement.openingBalance) != nil {
            // Neither in file order nor newest-first do the running balances agree.
            return .failed(position: problem.position, reason: problem.reason)
        }
        guard let opening = statement.openingBalance, let closing = statement.closingBalance else {
            let hasRunning = statement.lines.contains { $0.runningBalance != nil }
            return hasRunning ? .proven : .notApplicable
        }
        let expected = opening.dong &+ credits &- debits
        if expected != closing.dong {
            return .failed(position: nil, reason: "opening \(opening.dong) + credits \(credits) − debits \(debits) = \(expected), but the closing balance is \(closing.dong)")
        }
        return .proven
    }

    private static func runningBalanceProblem<C: Collection>(_ lines: C, opening: Money?) -> (position: Int, reason: String)?
    where C.Element == StatementLine {
        var previous = opening?.dong
        for line in lines {
            guard let running = line.runningBalance?.dong else { continue }
            if let before = previous, before &+ line.signedAmount.dong != running {
                return (line.position, "balance \(before) \(line.direction == .credit ? "+" : "−") \(line.amount.dong) should be \(before &+ line.signedAmount.dong), the file says \(running)")
            }
            previous = running
        }
        return nil
    }
}
