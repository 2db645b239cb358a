import BankStatements
import Foundation
import HocPhiCLI
import LedgerCore
import Testing

/// `StatementFiles.open` reads files in chunks of a mebibyte with its own reader (`FileChunks`); a file of
/// several chunks must stream every line, hashed over all its bytes, for MT940 and for a bank's CSV export.
@Suite("Statement files of several chunks")
struct StatementFileChunksTests {
    static func streamed(_ text: String, name: String) throws -> Statement {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var stream = try StatementFiles.open(path: url.path, format: nil, account: "63510000868686")
        let statement = try stream.collect()
        #expect(statement.source.sha256 == StatementDigest.sha256Hex(Data(text.utf8)))
        return statement
    }

    @Test("an MT940 file of about three mebibytes")
    func mt940() throws {
        var text = ":20:C\n:25:63510000868686\n:60F:C250901VND0,\n"
        for i in 0..<30_000 { text += ":61:2509010901C100,NTRFNONREF//R\(i)\n:86:Nguyễn Văn A nop hoc phi be \(i)\n" }
        text += ":62F:C250901VND3000000,\n-\n"
        #expect(text.utf8.count > 2 << 20)
        let name = "chunks-\(UUID().uuidString).mt940"
        #expect(try Self.streamed(text, name: name) == MT940Reader.read(Data(text.utf8), fileName: name))
    }

    @Test("a bank CSV export of about three mebibytes")
    func csv() throws {
        var text = "BÁO CÁO CHI TIẾT SỐ DƯ TÀI KHOẢN\nSố tài khoản: 63510000868686\nNGÀY HIỆU LỰC,SỐ THAM CHIẾU,GHI NỢ,GHI CÓ,SỐ DƯ,MÔ TẢ\n,,,,0,DƯ ĐẦU\n"
        for i in 0..<30_000 {
            text += "1/9/2025,FT\(i),,100,\(100 * (i + 1)),\"TKThe :2209, Nguyễn Văn A nop hoc phi be \(i)\"\r\n"
        }
        text += ",,,,3000000,DƯ CUỐI\n"
        #expect(text.utf8.count > 2 << 20)
        let statement = try Self.streamed(text, name: "chunks-\(UUID().uuidString).csv")
        #expect(statement.lines.count == 30_000)
        #expect(statement.lines.map(\.position) == Array(5..<30_005))
        #expect(statement.lines.map(\.bankReference) == (0..<30_000).map { "FT\($0)" })
        #expect(statement.lines.last?.description == "TKThe :2209, Nguyễn Văn A nop hoc phi be 29999")
        #expect(statement.closingBalance == Money(dong: 3_000_000))
    }
}
