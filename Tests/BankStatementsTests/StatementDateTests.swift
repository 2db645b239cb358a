@testable import BankStatements
import LedgerCore
import Testing

/// `StatementDate` reads dates on bytes, groups in local variables; it must agree with the rule written plainly
/// on text (three groups of one to four digits before any space or `T`) on generated cells.
@Suite("Statement dates")
struct StatementDateTests {
    static func plain(_ raw: String, _ order: StatementFormat.DateOrder) -> LocalDate? {
        let head = raw.prefix { $0 != " " && $0 != "T" }
        guard head.allSatisfy({ "0123456789/-.".contains($0) }) else { return nil }
        let groups = head.split(omittingEmptySubsequences: false) { "/-.".contains($0) }
        guard groups.count == 3, groups.allSatisfy({ (1...4).contains($0.count) }) else { return nil }
        let v = groups.map { Int($0)! }
        if groups[0].count == 4 { return LocalDate(year: v[0], month: v[1], day: v[2]) }
        guard order == .dmy, groups[2].count == 4, groups[0].count <= 2, groups[1].count <= 2 else { return nil }
        return LocalDate(year: v[2], month: v[1], day: v[0])
    }

    @Test("dates read on bytes equal the plain rule", arguments: [StatementFormat.DateOrder.dmy, .ymd])
    func sameAsPlainRule(order: StatementFormat.DateOrder) {
        let pieces = ["1", "12", "2024", "31", "0", "02", "/", "-", ".", "T10:00", " 08:15:00", "x", "12345", "", "đ"]
        var picks = SeededPicks(seed: 5)
        let dates = StatementDate(order: order)
        for _ in 0..<20_000 {
            let text = (0..<picks.next(7)).map { _ in pieces[picks.next(pieces.count)] }.joined()
            if dates.parse(text) != Self.plain(text, order) {
                Issue.record("\(text.debugDescription): \(String(describing: dates.parse(text)))")
                return
            }
        }
    }
}
