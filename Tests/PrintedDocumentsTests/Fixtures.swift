import LedgerCore
import VietQR

/// A receipt as the core builds it for a pupil, with a verification text of the real length (a 64-byte signature
/// in base64url), so the QR is the version a school really prints.
func receipt(student: String, payer: String, number: String = "0000001", stamp: String? = nil,
             lines: [(String, Int64)] = [("Học phí học kỳ I", 850_000), ("Tiền ăn bán trú tháng 9/2025", 396_000),
                                         ("Bảo hiểm y tế (3 tháng)", 88_520)],
             words: String = "Một triệu ba trăm ba mươi tư nghìn năm trăm hai mươi đồng") -> ReceiptDocument {
    let total = lines.reduce(0) { $0 + $1.1 }
    let signature = String(repeating: "Qx7-_aZ09", count: 10).prefix(86)
    return ReceiptDocument(
        title: "BIÊN LAI THU TIỀN", schoolName: "Trường Tiểu học Kim Đồng",
        schoolAddress: "Thôn 4, xã Nâm N'Jang, huyện Đắk Song, tỉnh Đắk Nông", schoolTaxCode: "6400123456",
        formSymbol: "EBL01", seriesSymbol: "26TAA", number: number, issuedOnText: "Ngày 05 tháng 10 năm 2025",
        payerName: payer, studentName: student, studentCode: "HS00123", className: "3A", periodLabel: "Tháng 9/2025",
        invoiceNumber: "HD2025090001", lines: lines.map { ReceiptDocument.Line(name: $0.0, amount: Money(dong: $0.1)) },
        total: Money(dong: total), totalInWords: words,
        paymentText: "Chuyển khoản, ngày 03/10/2025, mã giao dịch FT25276891234567",
        replacesText: stamp == nil ? nil : "Thay thế biên lai số 26TAA-0000003", statusStamp: stamp,
        verificationText: "HPR1|26TAA|\(number)|HD2025090001|\(total)|2025-10-05|\(signature)",
        keyFingerprint: "3F2A 9C01 B2D4 77E0")
}

let pupilNames = ["Nguyễn Thị Ánh Tuyết", "H'Hen Niê", "Y Sơn Êban", "Trần Đức Lương", "Lê Hoàng Bảo Ngọc",
                  "Phạm Minh Khôi", "Võ Thị Mỹ Duyên", "Đặng Quốc Huy", "Bùi Gia Hân", "Hoàng Nhật Minh"]

/// Ten slips for class 3A with real VietQR payloads (BIDV, the remaining amount, the payment code as purpose).
func slips() throws -> [PaymentSlip] {
    let codes = ["HP3K7QX2", "HP8BU6E28", "HP4MN7Q2X", "HP2345678", "HPZ9W8V7", "HPQ4R5T6", "HPA1B2C3D",
                 "HPK8L9M2", "HPX3Y4Z5", "HP7H6G5F"]
    var slips: [PaymentSlip] = []
    for (index, name) in pupilNames.enumerated() {
        var items = [PaymentSlip.Item(name: "Tiền ăn bán trú", amount: Money(dong: 396_000 + Int64(index) * 22_000)),
                     PaymentSlip.Item(name: "Nước uống", amount: Money(dong: 15_000))]
        if index % 3 == 0 { items.append(PaymentSlip.Item(name: "Bảo hiểm y tế (3 tháng)", amount: Money(dong: 88_520))) }
        if index % 4 == 1 {
            items.append(PaymentSlip.Item(name: "Quỹ hoạt động lớp, tham quan học tập trải nghiệm ngoài nhà trường học kỳ I",
                                          amount: Money(dong: 150_000)))
        }
        let due = items.reduce(Int64(0)) { $0 + $1.amount.dong }
        let paid: Int64 = index % 5 == 2 ? 200_000 : 0
        let account = index % 2 == 0 ? "63510000868686" : "1234567890123"
        let payload = try VietQREncoder.encode(VietQRRequest(bin: "970418", account: account, amount: due - paid,
                                                             purpose: codes[index], merchantName: "TRUONG TH KIM DONG"))
        slips.append(PaymentSlip(
            schoolName: "Trường Tiểu học Kim Đồng", invoiceNumber: "TB2509-\(String(repeating: "0", count: 5))\(index)",
            periodLabel: "Tháng 9/2025", studentName: name, studentCode: "HS00\(120 + index)", className: "3A",
            items: items, amountDue: Money(dong: due), amountPaid: Money(dong: paid), amountRemaining: Money(dong: due - paid),
            paymentCode: codes[index], bankName: "BIDV – CN Đắk Nông", accountNumber: account,
            accountName: "TRUONG TIEU HOC KIM DONG", vietQRPayload: payload))
    }
    return slips
}

/// A slip already paid in full: it carries a payload (the core always builds one) that must not be printed.
func paidSlip() throws -> PaymentSlip {
    PaymentSlip(
        schoolName: "Trường Tiểu học Kim Đồng", invoiceNumber: "TB2509-000099", periodLabel: "Tháng 9/2025",
        studentName: "Ksor Thị Hơ Linh", studentCode: "HS00199", className: "3A",
        items: [PaymentSlip.Item(name: "Tiền ăn bán trú", amount: Money(dong: 396_000))],
        amountDue: Money(dong: 396_000), amountPaid: Money(dong: 396_000), amountRemaining: .zero,
        paymentCode: "HPPAID99", bankName: "BIDV", accountNumber: "63510000868686", accountName: "TRUONG TIEU HOC KIM DONG",
        vietQRPayload: try VietQREncoder.encode(VietQRRequest(bin: "970418", account: "63510000868686", purpose: "HPPAID99")))
}

/// A report of `count` pupils over several pages, with a totals row.
func report(rows count: Int) -> ReportTable {
    let columns = [ReportColumn("no", "STT", .count), ReportColumn("code", "Mã HS"),
                   ReportColumn("name", "Họ và tên"), ReportColumn("class", "Lớp"),
                   ReportColumn("due", "Phải thu", .money), ReportColumn("paid", "Đã thu", .money),
                   ReportColumn("owed", "Còn phải thu", .money),
                   ReportColumn("last", "Ngày nộp gần nhất", .date),
                   ReportColumn("note", "Ghi chú (nội dung chuyển khoản của phụ huynh, nếu khác mã thanh toán)")]
    var rows: [[ReportCell]] = []
    var due: Int64 = 0, paid: Int64 = 0
    for index in 1...count {
        let amount = Int64(500_000 + index * 7_300)
        let received = index % 3 == 0 ? 0 : amount - Int64(index % 4) * 50_000
        due += amount
        paid += received
        rows.append([.count(Int64(index)), .text("HS\(String(10_000 + index))"),
                     .text("\(pupilNames[index % pupilNames.count]) \(index)"), .text("\(index % 5 + 1)A"),
                     .money(Money(dong: amount)), .money(Money(dong: received)), .money(Money(dong: amount - received)),
                     received == 0 ? .empty : .date(LocalDate(year: 2025, month: 10, day: index % 28 + 1)!),
                     index % 7 == 0 ? .text("Phụ huynh ghi \"nop tien an thang 9 chau \(index)\", đã đối chiếu tay") : .empty])
    }
    return ReportTable(
        title: "Báo cáo thu theo học sinh", subtitle: ["Trường Tiểu học Kim Đồng", "Kỳ thu: Tháng 9/2025",
                                                      "Số liệu đến ngày 31/10/2025"],
        columns: columns, rows: rows,
        totals: [.empty, .text("Tổng cộng"), .empty, .empty, .money(Money(dong: due)), .money(Money(dong: paid)),
                 .money(Money(dong: due - paid)), .empty, .empty])
}
