// swift-tools-version: 6.1
// A consumer of SDKGenPlugin whose spec has an unresolved $ref: `swift build` here must fail with
// the diagnostic at the spec's line (`.ci/run` checks it). Not part of the sdkgen package.
import PackageDescription

let package = Package(
    name: "PluginBrokenSpec",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    dependencies: [
        // A path dependency is known by its folder's name (a checkout may be called anything);
        // `name:` keeps `package: "sdkgen"` below working wherever this repository is.
        .package(name: "sdkgen", path: "../../..")
    ],
    targets: [
        .target(
            name: "BrokenAPI",
            dependencies: [.product(name: "SDKRuntime", package: "sdkgen")],
            plugins: [.plugin(name: "SDKGenPlugin", package: "sdkgen")]
        )
    ]
)
