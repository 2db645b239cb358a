import Foundation
import LedgerCore
import PrintedDocuments
import Testing

/// A long report read back page by page as pdftotext sees it.
@Suite("Report PDF")
struct ReportPDFTests {
    @Test("120 rows run over several A4 landscape pages with the heading on each and the totals at the end")
    func longReport() throws {
        let table = report(rows: 120)
        let bytes = try renderer.report(table)
        try inTemporaryFolder { folder in
            let pdf = try write(bytes, "report.pdf", in: folder)
            let info = try pdfInfo(pdf)
            let size = try pageSize(info)
            #expect(abs(size.width - 297 * 72 / 25.4) < 0.01 && abs(size.height - 210 * 72 / 25.4) < 0.01, "page size \(size)")
            let pages = Int(info["Pages"] ?? "") ?? 0
            #expect(pages >= 3, "120 rows on \(pages) pages")

            let text = normalised(try pdfText(pdf))
            let last = table.rows[119]
            let totals = table.totals!
            for expected in [table.title, "Kỳ thu: Tháng 9/2025", "Số liệu đến ngày 31/10/2025", last[2].display, last[1].display,
                             "Tổng cộng", totals[4].display, totals[5].display, totals[6].display, "Trang 1/\(pages)",
                             "Trang \(pages)/\(pages)", "Phụ huynh ghi \"nop tien an thang 9 chau 7\", đã đối chiếu tay"] {
                #expect(text.contains(normalised(expected)), "pdftotext lacks \"\(expected)\"")
            }
            // Money reads right-aligned in 1.250.000 form, never as raw digits.
            #expect(text.contains(Money.groupThousands(500_000 + 120 * 7_300)))
            #expect(!text.contains(String(500_000 + 120 * 7_300)))

            for page in 2...pages {
                let pageText = normalised(try pdfText(pdf, pages: page...page))
                for heading in ["STT", "Mã HS", "Họ và tên", "Lớp", "Phải thu", "Đã thu"] {
                    #expect(pageText.contains(heading), "page \(page) lacks the heading \"\(heading)\"")
                }
                #expect(pageText.contains("Báo cáo thu theo học sinh (tiếp theo)"))
                #expect(pageText.contains("Trang \(page)/\(pages)"))
                #expect(!pageText.contains("Số liệu đến ngày"), "the subtitle belongs to page 1 only")
            }
            // Every row is printed.
            for row in table.rows {
                #expect(text.components(separatedBy: "\(row[2].display) ").count - 1 >= 1, "row \(row[0].display) missing")
            }
        }
    }

    @Test("a row of the wrong width is refused with its number")
    func wrongWidth() throws {
        var table = report(rows: 5)
        table.rows[3].removeLast()
        #expect(throws: PDFError.rowWidth(row: "row 4", cells: 8, columns: 9)) { try renderer.report(table) }
        #expect(throws: PDFError.noColumns(title: "Trống")) { try renderer.report(ReportTable(title: "Trống", columns: [], rows: [])) }
    }
}
