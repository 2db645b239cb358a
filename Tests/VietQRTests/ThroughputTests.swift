import Foundation
import Testing
import VietQR

@Suite("Throughput")
struct ThroughputTests {
    /// A coarse guard, loose enough for a debug build on a busy CI machine: it fails only when
    /// something in the hot path goes quadratic or starts formatting through Foundation. The
    /// release-mode target (≥ 2,000,000 payloads/s on one core) is measured separately.
    @Test("encoding stays fast (≥ 20,000 payloads/s even unoptimized)")
    func encodeThroughput() throws {
        let requests = (0..<1_000).map { index in
            VietQRRequest(
                bin: "970418", account: String(1_000_000_000 + index), amount: Int64(100_000 + index),
                purpose: "HP\(index) 5A NGUYEN VAN AN", merchantName: "TRUONG TH DAK SONG", city: "DAK NONG")
        }
        let rounds = 50
        var checksum = 0
        let start = Date()
        for _ in 0..<rounds {
            for request in requests {
                checksum &+= try VietQREncoder.encode(request).utf8.count
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let perSecond = Double(rounds * requests.count) / seconds
        print("VietQR encode: \(Int(perSecond)) payloads/s (this build)")
        #expect(checksum > 0)
        #expect(perSecond >= 20_000)
    }
}
