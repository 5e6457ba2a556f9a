import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-sdk [options]`: runs
/// `sdkgen generate` in the package folder, exactly like `swift run sdkgen`, so `Generated/`
/// is rewritten in place from `Specs/`. Options are passed on (`--spec`, `--config`,
/// `--templates`, `--output`); a first argument `check` or `validate` runs that subcommand.
@main
struct GenerateSDK: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let subcommands = ["generate", "check", "validate"]
        let arguments = arguments.first.map(subcommands.contains) == true ? arguments : ["generate"] + arguments
        let process = Process()
        process.executableURL = try context.tool(named: "sdkgen").url
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw PluginFailure("generate-sdk: sdkgen \(arguments.joined(separator: " ")) failed (exit status \(process.terminationStatus))")
        }
    }
}

/// A message SwiftPM prints as the plugin's error.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
