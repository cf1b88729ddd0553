// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "boundbook",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Bounds", targets: ["Bounds"]),
        .library(name: "BoundsData", targets: ["BoundsData"]),
        .library(name: "Notebook", targets: ["Notebook"]),
        .executable(name: "boundbook", targets: ["boundbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMPFR",
            pkgConfig: "mpfr",
            providers: [.apt(["libmpfr-dev", "libgmp-dev"])]
        ),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLAPACK", providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .target(name: "Bounds", dependencies: ["CMPFR", "CLAPACK"]),
        // Untrusted bytes in: CSV, NumPy .npy/.npz, safetensors, zip/inflate, mapped files, strict JSON.
        .target(name: "BoundsData", dependencies: ["Bounds", "CZlib"]),
        .target(name: "Notebook", dependencies: ["Bounds", "BoundsData", .product(name: "Ink", package: "Ink")]),
        .executableTarget(
            name: "boundbook",
            dependencies: [
                "Bounds", "Notebook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "bench", dependencies: ["Bounds", "BoundsData"], path: "benchmarks/Harness"),
        // libFuzzer targets (docs/fuzzing.md); scripts/fuzz builds them with -sanitize=fuzzer.
        .systemLibrary(name: "CFuzzer", path: "fuzz/CFuzzer"),
        .executableTarget(name: "boundbook-fuzz", dependencies: ["Bounds", "BoundsData", "Notebook", "CFuzzer"], path: "fuzz/Harness"),
        .testTarget(
            name: "BoundsTests", dependencies: ["Bounds", "CLAPACK"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "BoundsDataTests", dependencies: ["BoundsData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"], exclude: ["Golden/cases"]),
        .testTarget(name: "boundbookTests", dependencies: ["boundbook"]),
    ]
)
