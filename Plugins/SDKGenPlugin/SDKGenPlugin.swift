import Foundation
import PackagePlugin

/// Generates a target's SDK at build time from the `openapi.yaml` (`.yml`, `.json`) and
/// `sdkgen.yaml` in its folder, and compiles it into the target.
///
/// A build command must name its outputs before it runs, and which files an SDK has depends on
/// the spec. So sdkgen writes the SDK into a fixed list of files named after the target alone
/// (`generate --plugin-layout <Target>`): `<Target>.Client.swift` (the client and the rest of
/// the top level) and `<Target>.Part01.swift` … `Part16` (each a sixteenth of the models and of
/// the resources, by a stable hash), every one on every run, empty ones included. SwiftPM compiles
/// them in parallel, and a spec change recompiles only the files whose bytes changed. The declared
/// output list is exact, and with every input declared too (spec, config, template overrides,
/// the spec's referenced files, the built-in templates), a build where none of them changed does
/// not run sdkgen.
@main
struct SDKGenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? any SourceModuleTarget else {
            throw PluginFailure("SDKGenPlugin: target '\(target.name)' has no sources; apply the plugin to a Swift target")
        }
        return try [
            SDKGenInputs(
                targetName: target.name,
                files: target.sourceFiles.map(\.url),
                builtinTemplates: Self.builtinTemplates(in: context.package)
            ).command(tool: context.tool(named: "sdkgen").url, workDirectory: context.pluginWorkDirectoryURL)
        ]
    }

    /// The `.mustache` files sdkgen ships with, found in whichever package of the graph provides the
    /// `sdkgen` executable. They are inputs too: a template-only change to sdkgen does not relink the
    /// tool, yet must regenerate the SDK.
    static func builtinTemplates(in root: Package) -> [URL] {
        var pending = [root]
        var seen: Set<String> = []
        while let package = pending.popLast() {
            guard seen.insert(package.id).inserted else { continue }
            if package.products.contains(where: { $0.name == "sdkgen" }),
                let templates = package.targets.first(where: { $0.name == "BuiltinTemplates" })
            {
                // The templates are one copied resource folder, so list the files in it.
                let files =
                    FileManager.default.enumerator(at: templates.directoryURL, includingPropertiesForKeys: nil)?
                    .compactMap { $0 as? URL } ?? []
                return files.filter { $0.pathExtension == "mustache" }.sorted { $0.path < $1.path }
            }
            pending += package.dependencies.map(\.package)
        }
        return []
    }
}

#if canImport(XcodeProjectPlugin)
import XcodeProjectPlugin

extension SDKGenPlugin: XcodeBuildToolPlugin {
    func createBuildCommands(context: XcodePluginContext, target: XcodeTarget) throws -> [Command] {
        try [
            SDKGenInputs(targetName: target.displayName, files: target.inputFiles.map(\.url), builtinTemplates: [])
                .command(tool: context.tool(named: "sdkgen").url, workDirectory: context.pluginWorkDirectoryURL)
        ]
    }
}
#endif

/// The files one target gives sdkgen, checked, and the build command made from them.
struct SDKGenInputs {
    /// The target being built.
    var targetName: String
    /// The spec, with symbolic links resolved, so the generated header names the real file.
    var spec: URL
    /// The target's `sdkgen.yaml`, links resolved.
    var config: URL
    /// The folder of the target's `.mustache` overrides, when it has any.
    var templates: URL?
    /// Every file whose change must run sdkgen again.
    var inputs: [URL]

    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]

    /// Finds the spec, the config and template overrides among a target's files.
    init(targetName: String, files: [URL], builtinTemplates: [URL]) throws {
        self.targetName = targetName
        let specs = files.filter { Self.specNames.contains($0.lastPathComponent) }
        let configs = files.filter { $0.lastPathComponent == "sdkgen.yaml" }
        let overrides = files.filter { $0.pathExtension == "mustache" }
        var problems: [String] = []
        if specs.isEmpty {
            problems.append("target '\(targetName)' has no OpenAPI description: add openapi.yaml (or openapi.yml, openapi.json) to its folder")
        } else if specs.count > 1 {
            problems.append(
                "target '\(targetName)' has \(specs.count) OpenAPI descriptions (\(specs.map(\.path).sorted().joined(separator: ", "))); keep exactly one"
            )
        }
        if configs.isEmpty {
            problems.append("target '\(targetName)' has no sdkgen.yaml: add one beside the spec (an empty file keeps every default)")
        } else if configs.count > 1 {
            problems.append(
                "target '\(targetName)' has \(configs.count) sdkgen.yaml files (\(configs.map(\.path).sorted().joined(separator: ", "))); keep exactly one"
            )
        }
        let templateFolders = Set(overrides.map { $0.deletingLastPathComponent().standardizedFileURL.path })
        if templateFolders.count > 1 {
            problems.append(
                "target '\(targetName)' has .mustache templates in \(templateFolders.count) folders (\(templateFolders.sorted().joined(separator: ", "))); keep the overrides in one"
            )
        }
        guard problems.isEmpty, let spec = specs.first, let config = configs.first else {
            // One error line each; the last is thrown, which stops the build.
            for problem in problems.dropLast() { Diagnostics.error("SDKGenPlugin: " + problem) }
            throw PluginFailure("SDKGenPlugin: " + (problems.last ?? "target '\(targetName)' cannot be generated"))
        }
        self.spec = spec.resolvingSymlinksInPath()
        self.config = config.resolvingSymlinksInPath()
        self.templates = overrides.first?.deletingLastPathComponent()
        // The target's own files count as inputs too when they are links (SwiftPM then knows the
        // plugin handles them), and the files they point to are what changes.
        let links = [spec, config].filter { $0.resolvingSymlinksInPath() != $0 }
        self.inputs = [self.spec, self.config] + links + Self.referencedFiles(of: self.spec) + overrides + builtinTemplates
    }

    /// The names of the files sdkgen writes for `target` with `--plugin-layout`: the rule of
    /// `PluginLayout.fileNames(target:)`, which the plugin cannot import. sdkgen gets this list as
    /// `--declared-output` and fails the build when it differs from its own.
    static func outputNames(target: String) -> [String] {
        [target + ".Client.swift"] + (1...16).map { target + ".Part" + ($0 < 10 ? "0" : "") + String($0) + ".swift" }
    }

    /// The one build command: its outputs are the SDK's fixed list of files.
    func command(tool: URL, workDirectory: URL) -> Command {
        let outputFolder = workDirectory.appendingPathComponent("SDK")
        let names = Self.outputNames(target: targetName)
        var arguments = [
            "generate", "--spec", spec.path, "--config", config.path,
            "--output", outputFolder.path, "--plugin-layout", targetName,
        ]
        for name in names { arguments += ["--declared-output", name] }
        if let templates { arguments += ["--templates", templates.path] }
        return .buildCommand(
            displayName: "sdkgen: generating \(targetName) from \(spec.lastPathComponent)",
            executable: tool,
            arguments: arguments,
            inputFiles: inputs,
            outputFiles: names.map { outputFolder.appendingPathComponent($0) }
        )
    }

    /// Files the spec names in a `$ref` (`other.yaml#/...`), and the files they name, that exist
    /// inside the spec's folder (sdkgen reads no other): every file sdkgen reads, so a change to
    /// any of them reruns it. One read of each file, found by a line scan, in a stable order.
    static func referencedFiles(of spec: URL) -> [URL] {
        let folder = spec.deletingLastPathComponent().standardizedFileURL.path + "/"
        var found: [URL] = []
        var seen: Set<String> = [spec.standardizedFileURL.path]
        var pending = [spec]
        while let file = pending.popLast() {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for line in text.split(whereSeparator: \.isNewline) {
                guard let ref = line.range(of: "$ref") else { continue }
                let value = line[ref.upperBound...].drop { " \t\"':".contains($0) }.prefix { !"\"', }\t#".contains($0) }
                guard !value.isEmpty, !value.contains(":") else { continue }
                let decoded = value.removingPercentEncoding ?? String(value)
                let url = URL(fileURLWithPath: decoded, relativeTo: file.deletingLastPathComponent()).standardizedFileURL
                guard url.path.hasPrefix(folder), seen.insert(url.path).inserted, FileManager.default.fileExists(atPath: url.path) else { continue }
                found.append(url)
                pending.append(url)
            }
        }
        return found.sorted { $0.path < $1.path }
    }
}

/// A message SwiftPM prints as the plugin's error.
struct PluginFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
