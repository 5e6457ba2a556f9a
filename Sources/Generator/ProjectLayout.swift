import Foundation

/// Where `sdkgen` with no flags finds its inputs: the nearest folder, from the working
/// directory up, that holds a `Specs/` folder with exactly one spec (and maybe `sdkgen.yaml`);
/// the output goes to `Generated/<module>` beside it.
public struct ProjectLayout: Sendable, Hashable {
    /// The spec in `Specs/`.
    public var specPath: String
    /// `Specs/sdkgen.yaml`, when present.
    public var configPath: String?
    /// `Generated/`.
    public var generatedPath: String

    /// Searches upward from `directory`; throws a readable message when no project is found.
    public static func discover(from directory: String) throws(LayoutError) -> ProjectLayout {
        var current = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let specs = current.appendingPathComponent("Specs")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: specs.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return try layout(root: current)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        throw LayoutError(message: "no Specs/ folder here or in any parent folder of \(directory); pass --spec and --output")
    }

    private static func layout(root: URL) throws(LayoutError) -> ProjectLayout {
        let specsPath = root.appendingPathComponent("Specs").path
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: specsPath)) ?? []).sorted()
        let specs = names.filter { name in
            (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json")) && !name.hasPrefix("sdkgen.")
        }
        guard specs.count == 1, let spec = specs.first else {
            throw LayoutError(
                message: specs.isEmpty
                    ? "\(specsPath) holds no OpenAPI description (*.yaml, *.yml or *.json)"
                    : "\(specsPath) holds \(specs.count) descriptions (\(specs.joined(separator: ", "))); pass --spec")
        }
        let config = specsPath + "/sdkgen.yaml"
        return ProjectLayout(
            specPath: specsPath + "/" + spec,
            configPath: FileManager.default.fileExists(atPath: config) ? config : nil,
            generatedPath: root.appendingPathComponent("Generated").path
        )
    }
}

/// Why the project layout could not be found.
public struct LayoutError: Error, Sendable, CustomStringConvertible {
    /// What is missing.
    public var message: String
    /// The message.
    public var description: String { message }
}
