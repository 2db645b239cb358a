import BankFormats
import Foundation
import Testing
import VietQR

@Suite("Bank directory")
struct BankDirectoryTests {
    static func shipped() throws -> BankDirectory {
        let url = try #require(BankFormatsResources.bundle.url(forResource: "banks", withExtension: "json"))
        return try BankDirectory(jsonData: Data(contentsOf: url))
    }

    @Test("the shipped list loads: 71 banks, unique six-digit BINs")
    func loads() throws {
        let directory = try Self.shipped()
        #expect(directory.banks.count == 71)
        #expect(Set(directory.banks.map(\.bin)).count == 71)
    }

    @Test("lookup by name or code, ignoring case and spaces", arguments: [
        ("BIDV", "970418"), ("bidv", "970418"), ("Agribank", "970405"), ("AGRIBANK", "970405"),
        ("vietcombank", "970436"), ("Vietcom Bank", "970436"), ("VCB", "970436"), (" vcb ", "970436"),
        ("VietinBank", "970415"), ("Vietin Bank", "970415"), ("CTG", "970415"), ("ACB", "970416"),
        ("BID", "970418"), ("ab bank", "970425"), ("ABBANK", "970425"),
    ])
    func byName(name: String, bin: String) throws {
        #expect(try Self.shipped().bank(named: name)?.bin == bin)
    }

    @Test("lookup by BIN")
    func byBIN() throws {
        let directory = try Self.shipped()
        #expect(directory.bank(bin: "970418")?.shortName == "BIDV")
        #expect(directory.bank(bin: "970405")?.shortName == "Agribank")
        #expect(directory.bank(bin: "970436")?.shortName == "Vietcombank")
        #expect(directory.bank(bin: "970436")?.swift == "BFTVVNVX")
        #expect(directory.bank(bin: "970436")?.code == "VCB")
        #expect(directory.bank(bin: "000000") == nil)
        #expect(directory.bank(bin: "") == nil)
    }

    @Test("unknown or empty names find nothing")
    func unknown() throws {
        let directory = try Self.shipped()
        #expect(directory.bank(named: "No Such Bank") == nil)
        #expect(directory.bank(named: "") == nil)
        #expect(directory.bank(named: "   ") == nil)
    }

    @Test("conflicting entries: all are listed, the State Bank's one is preferred")
    func conflicts() throws {
        let directory = try Self.shipped()
        #expect(Set(directory.banks(named: "CIMB").map(\.bin)) == ["422589", "970459"])
        #expect(directory.bank(named: "CIMB")?.bin == "970459")
        #expect(Set(directory.banks(named: "MAFC").map(\.bin)) == ["970468", "977777"])
        #expect(directory.bank(named: "MAFC")?.bin == "970468")
    }

    @Test("every shipped BIN makes a QR that decodes back to it")
    func everyBankEncodes() throws {
        for bank in try Self.shipped().banks {
            let request = VietQRRequest(bin: bank.bin, account: "0123456789", amount: 100_000, purpose: "HP TEST")
            #expect(try VietQRDecoder.decode(VietQREncoder.encode(request)).bin == bank.bin)
        }
    }

    @Test("malformed data is refused with a reason")
    func refusals() {
        func refusal(_ json: String) -> BankDirectoryError? {
            do {
                _ = try BankDirectory(jsonData: Data(json.utf8))
                return nil
            } catch {
                return error
            }
        }
        let duplicate = #"[{"bin":"970418","shortName":"BIDV","name":"x"},{"bin":"970418","shortName":"B2","name":"y"}]"#
        #expect(refusal(duplicate) == .duplicateBIN("970418"))
        #expect(refusal(duplicate)?.description == "BIN 970418 is listed more than once")

        let badBIN = #"[{"bin":"97041","shortName":"BIDV","name":"x"}]"#
        #expect(refusal(badBIN) == .invalidBIN(bin: "97041", shortName: "BIDV"))
        #expect(refusal(badBIN)?.description == "bank \"BIDV\": BIN \"97041\" must be exactly 6 digits")

        #expect(refusal(#"[{"bin":"970418","shortName":" ","name":"x"}]"#) == .emptyShortName(bin: "970418"))

        guard case .invalidJSON = refusal(#"{"bin":"970418"}"#) else {
            Issue.record("a JSON object instead of an array must be refused")
            return
        }
        guard case .invalidJSON = refusal(#"[{"bin":"970418"}]"#) else {
            Issue.record("an entry without shortName and name must be refused")
            return
        }
    }

    @Test("banks built in code work the same as loaded ones")
    func inCode() throws {
        let directory = try BankDirectory(banks: [
            Bank(bin: "970418", shortName: "BIDV", name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", swift: "BIDVVNVX", code: "BID"),
        ])
        #expect(directory.bank(named: "bid")?.bin == "970418")
        #expect(directory.bank(bin: "970418")?.swift == "BIDVVNVX")
    }
}
