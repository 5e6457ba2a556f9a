// swift-tools-version: 6.1
import PackageDescription

/// Flags every target of ours builds with: Swift 6 mode is the package default; warnings stay visible.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "sdkgen",
    // The floor is set by the runtime (SDKRuntime, what apps link): `Duration`, `ContinuousClock` and
    // `Task.sleep(for:)` are new in macOS 13, iOS 16, tvOS 16 and watchOS 9 (visionOS has had them
    // from 1.0); swift-http-types declares no floor and swift-openapi-runtime's is lower (macOS
    // 10.15, iOS 13). The generator and its plugins are for macOS and Linux only.
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
    products: [
        .executable(name: "sdkgen", targets: ["sdkgen"]),
        .library(name: "SDKRuntime", targets: ["SDKRuntime"]),
        // Standard Webhooks signature checks, on swift-crypto: only SDKs whose config verifies webhooks import it.
        .library(name: "SDKWebhooks", targets: ["SDKWebhooks"]),
        .library(name: "Linq", targets: ["Linq"]),
        // The generator's stages before rendering, for the fuzzer in Fuzz/ (its own package).
        .library(name: "SDKGenCore", targets: ["Diagnostics", "YAML", "OpenAPI", "SDKModel"]),
        .plugin(name: "SDKGenPlugin", targets: ["SDKGenPlugin"]),
        .plugin(name: "GenerateSDK", targets: ["GenerateSDK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // The generator, stage by stage: YAML bytes → node tree → OpenAPI document → SDK model → files.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Diagnostics (positions, messages, the files as read) sit below every stage.
        .target(name: "Diagnostics", swiftSettings: strictSettings),
        .target(name: "YAML", dependencies: ["CLibYAML", "Diagnostics"], swiftSettings: strictSettings),
        .target(name: "OpenAPI", dependencies: ["Diagnostics", "YAML"], swiftSettings: strictSettings),
        .target(name: "SDKModel", dependencies: ["Diagnostics", "OpenAPI", "YAML"], swiftSettings: strictSettings),
        // Two SDK models compared: what changed in the Swift API, and the release it needs.
        .target(name: "APIDiff", dependencies: ["SDKModel"], swiftSettings: strictSettings),
        .target(
            name: "BuiltinTemplates",
            path: "Templates",
            resources: [.copy("Swift")],
            swiftSettings: strictSettings
        ),
        // Mustache templates over typed values (text, flags, lists, objects); no dependencies.
        .target(name: "Templating", swiftSettings: strictSettings),
        .target(
            name: "Rendering",
            dependencies: ["Diagnostics", "SDKModel", "Templating"],
            swiftSettings: strictSettings
        ),
        // The stages composed and timed; every file read and written (spec, config, templates, output).
        .target(
            name: "Generator",
            dependencies: ["APIDiff", "Diagnostics", "OpenAPI", "SDKModel", "Rendering", "BuiltinTemplates"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sdkgen",
            dependencies: ["APIDiff", "Generator", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),

        // What generated SDKs import, and the first generated SDK.
        .target(
            name: "SDKRuntime",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The webhook signature verifier (HMAC-SHA256 from swift-crypto), kept out of SDKRuntime so
        // that SDKs that do not verify webhooks do not build swift-crypto.
        .target(
            name: "SDKWebhooks",
            dependencies: ["SDKRuntime", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "Linq", dependencies: ["SDKRuntime"], path: "Generated/Linq", exclude: ["api.md"]),
        // The generated contract tests of Generated/Linq; skipped unless SDKGEN_MOCK_URL names a server.
        .testTarget(name: "LinqContractTests", dependencies: ["Linq"], path: "Generated/LinqContractTests", swiftSettings: strictSettings),

        // The golden output of Tests/Golden/Widgets, compiled so that a golden file that does not build fails.
        .target(name: "Widgets", dependencies: ["SDKRuntime"], path: "Tests/Golden/Widgets/Expected", exclude: ["api.md"]),
        .target(name: "Showcase", dependencies: ["SDKRuntime"], path: "Tests/Golden/Showcase/Expected", exclude: ["api.md"]),
        .target(name: "Hostile", dependencies: ["SDKRuntime"], path: "Tests/Golden/Hostile/Expected", exclude: ["api.md"]),
        .target(name: "Studio", dependencies: ["SDKRuntime"], path: "Tests/Golden/Studio/Expected", exclude: ["api.md"]),
        .target(name: "Styles", dependencies: ["SDKRuntime"], path: "Tests/Golden/Styles/Expected", exclude: ["api.md"]),
        .target(name: "Uploads", dependencies: ["SDKRuntime"], path: "Tests/Golden/Uploads/Expected", exclude: ["api.md"]),
        // sdkgen.yaml's accessModifier (package), filter, typeOverrides and names; and the same spec as an internal SDK.
        .target(name: "Configured", dependencies: ["SDKRuntime"], path: "Tests/Golden/Configured/Expected", exclude: ["api.md"]),
        .target(name: "Internal", dependencies: ["SDKRuntime"], path: "Tests/Golden/Internal/Expected", exclude: ["api.md"]),
        // The internal SDK's contract tests, which see it through `@testable import`; skipped without SDKGEN_MOCK_URL.
        .testTarget(
            name: "InternalContractTests", dependencies: ["Internal"], path: "Tests/Golden/Internal/InternalContractTests",
            swiftSettings: strictSettings),
        // The golden SDK whose webhooks are signed: it imports SDKWebhooks as well.
        .target(name: "Signed", dependencies: ["SDKRuntime", "SDKWebhooks"], path: "Tests/Golden/Signed/Expected", exclude: ["api.md"]),
        // The golden contract tests of Studio (every credential kind, every streamed body), compiled; skipped without SDKGEN_MOCK_URL.
        .testTarget(
            name: "StudioContractTests", dependencies: ["Studio"], path: "Tests/Golden/Studio/StudioContractTests", swiftSettings: strictSettings),
        // A real HTTP server on 127.0.0.1 for the tests that go over the network.
        .target(
            name: "LoopbackSupport",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")],
            path: "Tests/LoopbackSupport"
        ),
        // Types named as other HTTP libraries name theirs, for the test that an SDK's re-exports do not clash with them.
        .target(name: "OtherHTTPLibrary", path: "Tests/OtherHTTPLibrary", swiftSettings: strictSettings),

        // sdkgen as a build step: the build-tool plugin, the command plugin, and a target built
        // through the plugin from Specs/ (symbolic links in its folder), compared with Generated/Linq.
        .plugin(name: "SDKGenPlugin", capability: .buildTool(), dependencies: ["sdkgen"]),
        .plugin(
            name: "GenerateSDK",
            capability: .command(
                intent: .custom(verb: "generate-sdk", description: "Regenerate Generated/ from Specs/ with sdkgen"),
                permissions: [.writeToPackageDirectory(reason: "sdkgen rewrites the generated SDK in Generated/")]
            ),
            dependencies: ["sdkgen"]
        ),
        .target(
            name: "LinqPluginExample",
            dependencies: ["SDKRuntime"],
            path: "Examples/LinqPluginExample",
            plugins: ["SDKGenPlugin"]
        ),

        // Tests.
        .testTarget(name: "YAMLTests", dependencies: ["Diagnostics", "YAML"], swiftSettings: strictSettings),
        .testTarget(name: "OpenAPITests", dependencies: ["Diagnostics", "OpenAPI", "YAML"], swiftSettings: strictSettings),
        .testTarget(name: "SDKModelTests", dependencies: ["Diagnostics", "OpenAPI", "SDKModel", "YAML"], swiftSettings: strictSettings),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating"], swiftSettings: strictSettings),
        .testTarget(
            name: "RenderingTests",
            dependencies: ["BuiltinTemplates", "Diagnostics", "OpenAPI", "Rendering", "SDKModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "GeneratorTests", dependencies: ["Diagnostics", "Generator", "Rendering", "sdkgen"], swiftSettings: strictSettings),
        .testTarget(
            name: "SDKRuntimeTests",
            dependencies: [
                "SDKRuntime", "LoopbackSupport", .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SDKWebhooksTests",
            dependencies: ["SDKWebhooks", "SDKRuntime", "Signed", "LoopbackSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "GeneratedSDKTests",
            dependencies: [
                "Linq", "Widgets", "Showcase", "Hostile", "Studio", "Styles", "Uploads", "Configured", "SDKRuntime", "LoopbackSupport",
                "OtherHTTPLibrary",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PluginTests", dependencies: ["Generator", "Rendering", "LinqPluginExample"], swiftSettings: strictSettings),
    ]
)
