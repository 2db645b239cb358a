import ArgumentParser
import Foundation
import SQLiteStore

/// `hocphi`: the command line over the ledger. Every rule lives in LedgerCore; commands only read options,
/// call one use case and print its result.
public struct HocPhiCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hocphi",
        abstract: "HocPhi — thu học phí không dùng tiền mặt, có sổ cái chứng minh từng đồng (school fees by bank transfer).",
        subcommands: [InitCommand.self, StudentsCommand.self, FeesCommand.self, InvoicesCommand.self,
                      StatementsCommand.self, ReconcileCommand.self, MatchesCommand.self,
                      ReviewCommand.self, MatchCommand.self, UnmatchCommand.self, ReceiptsCommand.self, SchoolCommand.self, PeriodCommand.self, ReportCommand.self, LedgerCommand.self, QRCommand.self, DemoCommand.self])

    public init() {}

    /// Runs the command line and returns the exit status of the contract: 0 success, 1 refused (nothing was
    /// changed), 2 usage error.
    public static func run(_ arguments: [String], console: Console = .standard) -> Int32 {
        Console.$current.withValue(console) {
            let command: any ParsableCommand
            do {
                command = try parseAsRoot(hoistingGlobalOptions(arguments))
            } catch {
                let code = exitCode(for: error)
                if code == .success {
                    console.print(fullMessage(for: error))
                    return 0
                }
                console.error(fullMessage(for: error))
                return 2
            }
            do {
                var mutable = command
                try mutable.run()
                return 0
            } catch let error as ExitCode {
                return error.rawValue
            } catch where exitCode(for: error) == .success {
                // `--help` and `help COMMAND` arrive as a command whose run throws the help request.
                console.print(fullMessage(for: error))
                return 0
            } catch {
                console.error(SQLiteLedgerStore.explanation(of: error) ?? String(describing: error))
                return 1
            }
        }
    }

    /// The contract puts shared options before the command (`hocphi --db PATH students import FILE`), while
    /// each command declares them itself; so options given before the first command name are moved after it.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        let global = ["--db", "--actor", "--lang"]
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if global.contains(first), rest.count >= 2 {
                leading.append(contentsOf: rest.prefix(2))
                rest = rest.dropFirst(2)
            } else if global.contains(where: { first.hasPrefix($0 + "=") }) {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        return Array(rest) + leading
    }

    public static func main() -> Never {
        Foundation.exit(run(Array(CommandLine.arguments.dropFirst())))
    }
}
