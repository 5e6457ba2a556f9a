// swift-tools-version: 6.1
import PackageDescription

/// Flags every target of ours builds with: Swift 6 mode is the package default; warnings stay visible.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "sdkgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sdkgen", targets: ["sdkgen"]),
        .library(name: "SDKRuntime", targets: ["SDKRuntime"]),
        .library(name: "Linq", targets: ["Linq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // The generator, stage by stage: YAML bytes → node tree → OpenAPI document → SDK model → files.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAML", dependencies: ["CLibYAML"], swiftSettings: strictSettings),
        .target(name: "OpenAPI", dependencies: ["YAML"], swiftSettings: strictSettings),
        .target(name: "SDKModel", dependencies: ["OpenAPI", "YAML"], swiftSettings: strictSettings),
        .target(
            name: "BuiltinTemplates",
            path: "Templates",
            resources: [.copy("Swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Rendering",
            dependencies: ["SDKModel", "BuiltinTemplates", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strictSettings
        ),
        .target(name: "Generator", dependencies: ["OpenAPI", "SDKModel", "Rendering"], swiftSettings: strictSettings),
        .executableTarget(
            name: "sdkgen",
            dependencies: ["Generator", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),

        // What generated SDKs import, and the first generated SDK.
        .target(name: "SDKRuntime", swiftSettings: strictSettings),
        .target(name: "Linq", dependencies: ["SDKRuntime"], path: "Generated/Linq"),

        // The golden output of Tests/Golden/Widgets, compiled so that a golden file that does not build fails.
        .target(name: "Widgets", dependencies: ["SDKRuntime"], path: "Tests/Golden/Widgets/Expected"),
        // A real HTTP server on 127.0.0.1 for the tests that go over the network.
        .target(
            name: "LoopbackSupport",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox")],
            path: "Tests/LoopbackSupport"
        ),

        // Tests.
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], swiftSettings: strictSettings),
        .testTarget(name: "OpenAPITests", dependencies: ["OpenAPI"], swiftSettings: strictSettings),
        .testTarget(name: "SDKModelTests", dependencies: ["SDKModel"], swiftSettings: strictSettings),
        .testTarget(name: "GeneratorTests", dependencies: ["Generator", "sdkgen"], swiftSettings: strictSettings),
        .testTarget(
            name: "SDKRuntimeTests",
            dependencies: ["SDKRuntime", "LoopbackSupport", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GeneratedSDKTests",
            dependencies: ["Linq", "Widgets", "SDKRuntime", "LoopbackSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
