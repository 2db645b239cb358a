import Foundation
import HocPhiCLI
import Testing

@Suite("qr image command")
struct QRImageCommandTests {
    /// A valid payload from `qr encode`, so the test does not hard-code a CRC.
    func validPayload(_ cli: CLIHarness) -> String {
        cli.run("qr", "encode", "--bin", "970418", "--account", "63510000868686", "--amount", "1334520", "--purpose", "HP3K7QX2")
            .out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test("an invalid payload is refused with the decoder's reason, exit 1, and no file is written")
    func refusesInvalidPayload() throws {
        let cli = try CLIHarness()
        let payload = validPayload(cli)
        let broken = String(payload.dropLast()) + (payload.hasSuffix("0") ? "1" : "0")
        for name in ["bad.png", "bad.svg"] {
            let file = cli.folder.appendingPathComponent(name).path
            let result = cli.run("qr", "image", broken, "-o", file)
            #expect(result.status == 1)
            #expect(result.err.lowercased().contains("crc"), "\(result.err)")
            #expect(!FileManager.default.fileExists(atPath: file))
        }
        let notQR = cli.folder.appendingPathComponent("plain.png").path
        #expect(cli.run("qr", "image", "hello", "-o", notQR).status == 1)
        #expect(!FileManager.default.fileExists(atPath: notQR))
    }

    @Test("an unknown extension or module size is a usage error and writes nothing")
    func refusesUsage() throws {
        let cli = try CLIHarness()
        let payload = validPayload(cli)
        let jpeg = cli.folder.appendingPathComponent("qr.jpg").path
        let result = cli.run("qr", "image", payload, "-o", jpeg)
        #expect(result.status == 2)
        #expect(result.err.contains(".svg or .png"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: jpeg))
        let png = cli.folder.appendingPathComponent("qr.png").path
        #expect(cli.run("qr", "image", payload, "-o", png, "--module-size", "0").status == 2)
        #expect(!FileManager.default.fileExists(atPath: png))
    }

    @Test("writes a PNG that zbarimg reads back to the payload, and prints the path")
    func writesPNG() throws {
        let cli = try CLIHarness()
        let payload = validPayload(cli)
        let file = cli.folder.appendingPathComponent("qr.png").path
        let result = cli.run("qr", "image", payload, "-o", file, "--module-size", "4")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == file + "\n")
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let width = data[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width % 4 == 0 && (width / 4 - 8 - 17) % 4 == 0, "\(width) px is not (17 + 4v + 8) modules of 4 px")
        let read = try zbarimg(file)
        #expect(read == payload + "\n")
        // Again over the same file: replaced, not appended to.
        #expect(cli.run("qr", "image", payload, "-o", file).status == 0)
        #expect(try zbarimg(file) == payload + "\n")
    }

    @Test("writes an SVG, with the global options after the subcommand as the root hoists them")
    func writesSVG() throws {
        let cli = try CLIHarness()
        let payload = validPayload(cli)
        let file = cli.folder.appendingPathComponent("QR.SVG").path
        let captured = CapturedConsole()
        let status = HocPhiCommand.run(["--lang", "en", "qr", "image", payload, "--output", file], console: captured.console)
        #expect(status == 0, "\(captured.err)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("<svg ") && text.contains("crispEdges"))
    }

    /// `zbarimg --quiet --raw FILE`, the real decoder.
    func zbarimg(_ file: String) throws -> String { try runTool(["zbarimg", "--quiet", "--raw", file]) }
}
