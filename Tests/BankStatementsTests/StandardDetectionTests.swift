import BankStatements
import Foundation
import LedgerCore
import Testing

@Suite("Standard formats: detection and file identity")
struct StandardDetectionTests {
    /// Which standard readers claim the bytes, by name.
    static func claims(_ data: Data) -> [String] {
        var names: [String] = []
        if MT940Reader.looksLike(data) { names.append("mt940") }
        if CamtReader.looksLike(data) { names.append("camt") }
        if WebhookReader.looksLike(data) { names.append("webhook") }
        return names
    }

    static func family(_ fileName: String) -> String {
        if fileName.hasSuffix(".mt940") { return "mt940" }
        if fileName.hasSuffix(".xml") { return "camt" }
        return "webhook"
    }

    @Test("each sample is claimed by its own reader and by no other", arguments: StandardSamples.all)
    func ownReaderOnly(fileName: String) throws {
        #expect(Self.claims(try StandardSamples.data(fileName)) == [Self.family(fileName)])
    }

    @Test("bank exports (CSV samples), empty files and other text are claimed by none")
    func noFalsePositives() throws {
        let folder = StandardSamples.folder.deletingLastPathComponent()
        let csv = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        for name in csv {
            #expect(Self.claims(try Data(contentsOf: folder.appendingPathComponent(name))).isEmpty, "\(name)")
        }
        for text in ["", "   \n", "<html><body>:20:X</body></html>", #"{"id": 1, "amount": 500000}"#,
                     #"[{"content": ":20:X\n:25:1"}]"#, "Ngày giao dịch,Số tiền\n:20:,:25:\n",
                     #"<?xml version="1.0"?><Document><BkToCstmrAcctRpt/></Document>"#] {
            #expect(Self.claims(Data(text.utf8)).isEmpty, "\(text)")
        }
    }

    @Test("the SHA-256 of a file is its identity, in lower-case hex")
    func digest() throws {
        #expect(StatementDigest.sha256Hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(StatementDigest.sha256Hex(Data("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let statement = try WebhookReader.read(StandardSamples.data("sepay-single.webhook.json"),
                                               fileName: "renamed.json", account: nil)
        #expect(statement.source == SourceFile(
            name: "renamed.json", sha256: "b5161e59ee145751cc0a2b4ada9c95d3b1d3a6b848f90895671db7bbf50a7cad"))
    }
}
