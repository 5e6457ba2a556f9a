// swift-tools-version: 6.1
import PackageDescription

// The benchmark's tools, all built in release by `scripts/bench.py`: sdkgen (this repository,
// as a path dependency), Apple's swift-openapi-generator 1.14.3 for comparison, `yaml-floor`,
// which only runs libyaml's event parser over a file (the floor no YAML-reading generator beats),
// and `run-measured`, which times one process and reads its peak memory.
// Not part of the main package, so `swift test` there never builds any of it.
let package = Package(
    name: "sdkgen-benchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: [
        .executableTarget(name: "run-measured", path: "Sources/run-measured"),
        .executableTarget(
            name: "yaml-floor",
            path: "Sources/yaml-floor",
            cSettings: [.unsafeFlags(["-O2"])],
            linkerSettings: [.linkedLibrary("yaml")]
        ),
    ]
)
