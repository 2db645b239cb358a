import Foundation
import LedgerCore

/// A realistic fee report: 50 pupils of a primary school with Vietnamese names, classes and fees, money
/// that was owed, paid and is still due, payment counts and dates, and a totals row computed here the way
/// the core does it (checked sums of `Money`).
enum SampleReport {
    static let rowCount = 50
    static let title = "Báo cáo thu theo học sinh"
    static let subtitle = ["Trường Tiểu học Nguyễn Bỉnh Khiêm", "Kỳ thu: tháng 10/2025", "Số liệu đến ngày 31/10/2025"]

    static let columns = [
        ReportColumn("stt", "STT", .count),
        ReportColumn("ma_hs", "Mã học sinh"),
        ReportColumn("ho_ten", "Họ và tên"),
        ReportColumn("lop", "Lớp"),
        ReportColumn("khoan_thu", "Khoản thu"),
        ReportColumn("phai_thu", "Số tiền phải thu", .money),
        ReportColumn("da_thu", "Đã thu", .money),
        ReportColumn("con_no", "Còn nợ", .money),
        ReportColumn("so_lan_nop", "Số lần nộp", .count),
        ReportColumn("ngay_nop", "Ngày nộp gần nhất", .date),
        ReportColumn("ghi_chu", "Ghi chú"),
    ]

    /// Column indexes used by the tests.
    static let owedColumn = 5, paidColumn = 6, dueColumn = 7, countColumn = 8, dateColumn = 9

    private static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                                   "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
    private static let middles = ["Thị", "Văn", "Minh", "Ngọc", "Đức", "Thu", "Gia", "Khánh"]
    private static let givens = ["Ánh Tuyết", "An", "Bảo Châu", "Cường", "Diệp", "Đạt", "Giang", "Hải Yến", "Hùng",
                                 "Khôi", "Linh", "Mỹ", "Nhật", "Phương", "Quế", "Sơn", "Thảo", "Tuấn", "Uyên", "Vỹ"]
    private static let classes = ["1A", "1B", "2A", "2B", "3A", "3C", "4A", "4B", "5A", "5D"]
    private static let fees: [(name: String, amount: Int64)] = [
        ("Học phí tháng 10", 1_250_000), ("Tiền ăn bán trú tháng 10", 880_000), ("Quỹ lớp", 150_000),
        ("Bảo hiểm y tế", 1_263_600), ("Đồng phục", 435_000),
    ]
    private static let notes = ["", "Miễn giảm 50% (con thương binh)", "Phụ huynh hẹn nộp ngày 05/11", "Nộp qua VietQR",
                                "Đã chuyển khoản, chờ đối soát"]

    /// Row 0 is "Nguyễn Thị Ánh Tuyết", paid in full on 31/10/2025.
    static func table() throws -> ReportTable {
        var rows: [[ReportCell]] = []
        for index in 0..<rowCount {
            let name = "\(families[index % families.count]) \(middles[index % middles.count]) "
                + "\(givens[index % givens.count])"
            let fee = fees[index % fees.count]
            let owed = Money(dong: fee.amount)
            // A mix of paid in full, paid in part, and not paid.
            let paid = switch index % 4 {
            case 0, 1: owed
            case 2: Money(dong: fee.amount / 2)
            default: Money.zero
            }
            let payments: Int64 = switch index % 4 { case 0: 1; case 1: 2; case 2: 1; default: 0 }
            let date: ReportCell = payments == 0 ? .empty
                : .date(LocalDate(year: 2025, month: 10, day: 31 - index % 28)!)
            rows.append([
                .count(Int64(index + 1)),
                .text("HS\(2025_001 + index)"),
                .text(name),
                .text("Lớp \(classes[index % classes.count])"),
                .text(fee.name),
                .money(owed),
                .money(paid),
                .money(try owed.subtracting(paid)),
                .count(payments),
                date,
                .text(notes[index % notes.count]),
            ])
        }
        var totals = [ReportCell](repeating: .empty, count: columns.count)
        totals[1] = .text("Tổng cộng")
        for column in [owedColumn, paidColumn, dueColumn] {
            totals[column] = .money(try Money.sum(rows.map { row in
                if case .money(let money) = row[column] { money } else { .zero }
            }))
        }
        totals[countColumn] = .count(rows.reduce(0) { sum, row in
            if case .count(let count) = row[countColumn] { sum + count } else { sum }
        })
        return ReportTable(title: title, subtitle: subtitle, columns: columns, rows: rows, totals: totals)
    }

    /// A small table with one money cell of `dong`.
    static func oneAmount(_ dong: Int64) -> ReportTable {
        ReportTable(title: "Kiểm tra số lớn", columns: [ReportColumn("ten", "Tên"), ReportColumn("tien", "Số tiền", .money)],
                    rows: [[.text("Lê Văn Hải"), .money(Money(dong: dong))]])
    }
}

/// A fresh folder under the system temporary directory, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("ReportWorkbookTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
