/// The audit reports a principal signs off.
public enum ReportKind: String, Sendable, CaseIterable {
    /// Due, collected and outstanding by class × fee item × billed month.
    case collection
    /// Every invoice not fully paid, with the guardian's phone, for class teachers to follow up.
    case outstanding
    /// Bank credits still waiting for a decision, oldest first.
    case unmatched
    /// Per imported statement: balances, lines and how they were settled.
    case statements
    /// Every change, with who, when and why.
    case audit

    public var title: String {
        switch self {
        case .collection: "Báo cáo tình hình thu theo lớp và khoản thu"
        case .outstanding: "Danh sách học sinh chưa nộp đủ"
        case .unmatched: "Các khoản tiền chưa xác định được học sinh"
        case .statements: "Đối chiếu sao kê ngân hàng"
        case .audit: "Nhật ký thay đổi"
        }
    }
}
