// swift-tools-version: 6.1
// Offprint: an offline article library. Module map (dependencies point one way):
//   OffprintModel (values) <- OffprintXML (the only libxml2 code) <- OffprintExtraction
//   OffprintModel <- OffprintStorage (the only GRDB code) <- OffprintSync
//   OffprintModel, OffprintXML <- OffprintExport
//   everything <- OffprintCLI (the only ArgumentParser code) <- offprint (executable)
import PackageDescription

let package = Package(
    name: "Offprint",
    products: [
        .executable(name: "offprint", targets: ["offprint"]),
        .library(name: "OffprintModel", targets: ["OffprintModel"]),
        .library(name: "OffprintExtraction", targets: ["OffprintExtraction"]),
        .library(name: "OffprintStorage", targets: ["OffprintStorage"]),
        .library(name: "OffprintExport", targets: ["OffprintExport"]),
        .library(name: "OffprintSync", targets: ["OffprintSync"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "COffprintZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COffprintWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"])]),
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "OffprintModel",
                dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "OffprintXML", dependencies: ["CLibXML2"]),
        .target(name: "OffprintExtraction",
                dependencies: ["OffprintModel", "OffprintXML", "CCmarkGFM"]),
        .target(name: "OffprintStorage",
                dependencies: ["OffprintModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "OffprintExport",
                dependencies: ["OffprintModel", "OffprintXML", "COffprintZlib", "COffprintWebP",
                               .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "OffprintSync", dependencies: ["OffprintModel", "OffprintStorage"]),
        .target(name: "OffprintCLI",
                dependencies: ["OffprintModel", "OffprintExtraction", "OffprintStorage",
                               "OffprintExport", "OffprintSync",
                               .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The executable runs on mimalloc (Debian's libmimalloc-dev): linked before libc, it
        // replaces malloc for the whole process. Extraction builds and frees a tree of small
        // objects per page; with glibc's malloc that was a tenth of the time (BENCHMARKS.md).
        .executableTarget(name: "offprint", dependencies: ["OffprintCLI"],
                          linkerSettings: [.linkedLibrary("mimalloc")]),
        .target(name: "OffprintTestSupport", dependencies: ["OffprintModel"], path: "Tests/OffprintTestSupport"),
        .testTarget(name: "OffprintModelTests", dependencies: ["OffprintModel"]),
        .testTarget(name: "OffprintXMLTests", dependencies: ["OffprintXML", "OffprintTestSupport"]),
        .testTarget(name: "OffprintExtractionTests",
                    dependencies: ["OffprintExtraction", "OffprintXML", "OffprintTestSupport"]),
        .testTarget(name: "OffprintStorageTests",
                    dependencies: ["OffprintStorage", "OffprintTestSupport"]),
        .testTarget(name: "OffprintExportTests",
                    dependencies: ["OffprintExport", "OffprintXML", "OffprintExtraction", "OffprintTestSupport",
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "OffprintSyncTests",
                    dependencies: ["OffprintSync", "OffprintStorage", "OffprintExport", "OffprintTestSupport",
                                   .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "OffprintCLITests", dependencies: ["OffprintTestSupport"]),
    ]
)
