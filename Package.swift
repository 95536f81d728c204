// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "malkoll",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "MalkollCore", targets: ["MalkollCore"]),
        .executable(name: "malkoll", targets: ["malkoll"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // ICU's headers rename every function by macro (ubrk_open -> ubrk_open_72),
        // which Swift cannot import; this shim exposes plain C functions.
        .target(
            name: "CICU",
            path: "Sources/CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // libxml2 (HTML parser, XML pull reader) and zlib (DOCX/ODT members).
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "zlib1g-dev"])]
        ),
        // libcrypto (OpenSSL) for SHA-256 fingerprints of inputs.
        .systemLibrary(
            name: "CLibCrypto",
            path: "Sources/CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The default lexicons, shipped as a resource bundle next to the binary.
        .target(
            name: "MalkollLexicons",
            path: "Lexicons",
            exclude: ["README.md"],
            sources: ["LexiconBundle.swift"],
            resources: [.copy("sv")]
        ),
        .target(
            name: "MalkollCore",
            dependencies: [
                "CICU", "CLibXML2", "CLibCrypto", "MalkollLexicons",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "malkoll",
            dependencies: [
                "MalkollCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "MalkollTests",
            dependencies: ["MalkollCore"],
            path: "Tests/MalkollTests",
            exclude: ["Snapshots"]
        ),
    ],
    // Swift 5 mode: the pipeline hands documents between threads explicitly
    // (one pipeline per worker), which strict checking would only obscure.
    swiftLanguageModes: [.v5]
)
