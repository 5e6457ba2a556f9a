// swift-tools-version: 6.1
// libFuzzer target over sdkgen's untrusted-input stages: the YAML reader (libyaml events → node
// tree), the OpenAPI loader, the config reader and the SDK model builder. Not part of the sdkgen
// package; build and run it with `Fuzz/run.sh SECONDS` (see README.md beside this file).
import PackageDescription

let package = Package(
    name: "SDKGenFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // A path dependency is known by its folder's name (a checkout may be called anything);
        // `name:` keeps `package: "sdkgen"` below working wherever this repository is.
        .package(name: "sdkgen", path: "..")
    ],
    targets: [
        // The declaration of libFuzzer's `LLVMFuzzerRunDriver` (a header only; `-sanitize=fuzzer` links it).
        .systemLibrary(name: "CFuzzerDriver"),
        // Built with `-sanitize=fuzzer,address -parse-as-library` (see run.sh).
        .executableTarget(
            name: "FuzzLoader",
            dependencies: ["CFuzzerDriver", .product(name: "SDKGenCore", package: "sdkgen")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ]
)
