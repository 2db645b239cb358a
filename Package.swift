// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode (strict concurrency) and explicit existentials.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "HocPhi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hocphi", targets: ["hocphi"]),
        .library(name: "LedgerCore", targets: ["LedgerCore"]),
        .library(name: "VietQR", targets: ["VietQR"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // Pure text rules for Vietnamese: folding to bank ASCII, NFC. No I/O.
        .target(name: "VietnameseText", swiftSettings: strict),
        // Pure VietQR (NAPAS/EMVCo) payloads. No I/O.
        .target(name: "VietQR", dependencies: ["VietnameseText"], swiftSettings: strict),
        // The pure domain: money, school, roster, fees, invoices, payment codes, journal, and the store port.
        .target(
            name: "LedgerCore",
            dependencies: ["VietnameseText", "VietQR", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        // Pure XML reading over bytes (a strict tokenizer and the UTF-8 check it relies on), shared by the camt
        // reader and the XLSX adapter so neither depends on the other. Foundation only.
        .target(name: "XMLScan", swiftSettings: strict),
        // Pure bank statements: the model, readers for every format (declarative tabular, MT940, camt, webhook),
        // balance proofs and line identities. No I/O: readers take bytes and return values.
        .target(name: "BankStatements", dependencies: ["LedgerCore", "VietnameseText", "XMLScan", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        // Pure reconciliation: reading transfer descriptions (bank envelopes, payment codes) and match rules.
        .target(name: "Reconciliation", dependencies: ["LedgerCore", "VietnameseText"], swiftSettings: strict),
        // Data shipped with the program: migrations, chart of accounts, fee templates (`ledger/`).
        .target(name: "LedgerResources", path: "ledger", exclude: ["README.md"],
                resources: [.copy("migrations"), .copy("chart-of-accounts.json"), .copy("templates")],
                swiftSettings: strict),
        // Data shipped with the program: bank directory and statement formats (`bank-formats/`).
        .target(name: "BankFormats", path: "bank-formats", exclude: ["README.md", "samples"],
                resources: [.copy("banks.json"), .copy("formats")], swiftSettings: strict),
        // Adapter: CSV and XLSX files into rows of text.
        .target(
            name: "TabularInput",
            dependencies: ["XMLScan", "ZIPFoundation"],
            swiftSettings: strict),
        // Adapter: the SQLite store (GRDB) behind the LedgerCore port.
        .target(
            name: "SQLiteStore",
            dependencies: ["LedgerCore", "LedgerResources", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // System libraries for QR images (Debian packages; `scripts/install-deps` installs them).
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        // Adapter: QR symbols (libqrencode, level M) and their images: SVG in Swift, PNG through cairo.
        .target(name: "QRImage", dependencies: ["VietQR", "CQRencode", "CCairo"], swiftSettings: strict),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        // Adapter: printed documents as PDF through cairo (receipts, payment slips, report tables), DejaVu fonts.
        // QR symbols come in as `QRMatrix` values from an injected encoder, so it needs no other adapter.
        .target(name: "PrintedDocuments", dependencies: ["LedgerCore", "VietQR", "CCairo"], swiftSettings: strict),
        // Adapter: report tables as XLSX workbooks through libxlsxwriter (numbers stay numbers).
        .target(name: "ReportWorkbook", dependencies: ["LedgerCore", "CXlsxWriter"], swiftSettings: strict),
        // A realistic demo school, generated from a seed. Pure.
        .target(name: "DemoSchool", dependencies: ["LedgerCore", "VietnameseText"], swiftSettings: strict),
        // The command line: thin commands over the LedgerCore use cases. Names the concrete adapters.
        .target(
            name: "HocPhiCLI",
            dependencies: [
                "LedgerCore", "VietQR", "TabularInput", "SQLiteStore", "DemoSchool", "BankFormats", "LedgerResources",
                "BankStatements", "Reconciliation",
                "QRImage", "PrintedDocuments", "ReportWorkbook", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .executableTarget(name: "hocphi", dependencies: ["HocPhiCLI"], swiftSettings: strict),
        // Benchmarks that print figures (`scripts/bench`); speed is never asserted in tests.
        .target(name: "BenchSupport", swiftSettings: strict),
        .executableTarget(
            name: "hocphi-bench-statements",
            dependencies: ["BenchSupport", "LedgerCore", "BankStatements", "TabularInput", "SQLiteStore", "LedgerResources", "HocPhiCLI"],
            swiftSettings: strict),
        .executableTarget(
            name: "hocphi-bench",
            dependencies: ["BenchSupport", "LedgerCore", "VietQR", "SQLiteStore", "DemoSchool", "LedgerResources", "QRImage",
                           "Reconciliation", "PrintedDocuments", "ReportWorkbook"],
            swiftSettings: strict),

        .testTarget(name: "BankStatementsTests", dependencies: ["BankStatements", "LedgerCore", "TabularInput", "BankFormats", "XMLScan"],
                    swiftSettings: strict),
        .testTarget(name: "ReconciliationTests", dependencies: ["Reconciliation", "LedgerCore", "DemoSchool"], swiftSettings: strict),
        .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText"], swiftSettings: strict),
        .testTarget(name: "VietQRTests", dependencies: ["VietQR", "BankFormats"], swiftSettings: strict),
        .testTarget(
            name: "LedgerCoreTests",
            dependencies: ["LedgerCore", "VietQR", "DemoSchool", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict),
        .testTarget(name: "TabularInputTests", dependencies: ["TabularInput", "XMLScan", "ZIPFoundation"], swiftSettings: strict),
        .testTarget(
            name: "SQLiteStoreTests",
            dependencies: ["SQLiteStore", "LedgerCore", "LedgerResources", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(name: "PrintedDocumentsTests", dependencies: ["PrintedDocuments", "LedgerCore", "QRImage"],
                    swiftSettings: strict),
        .testTarget(name: "ReportWorkbookTests", dependencies: ["ReportWorkbook", "LedgerCore", "TabularInput", "ZIPFoundation"],
                    swiftSettings: strict),
        .testTarget(name: "QRImageTests", dependencies: ["QRImage", "VietQR", "CCairo"], swiftSettings: strict),
        .testTarget(
            name: "HocPhiCLITests",
            dependencies: ["HocPhiCLI", "LedgerCore", "DemoSchool", "TabularInput", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
    ]
)
