// Everything else in this module is generated at build time by SDKGenPlugin from openapi.yaml
// and sdkgen.yaml in this folder (symbolic links to Specs/linq.yaml and Specs/sdkgen.yaml), so
// this target is the Linq SDK built the way a consumer of the plugin builds theirs.

/// How this target's SDK is built: SDKGenPlugin writes it into the fixed list of files
/// `sdkgen generate --plugin-layout LinqPluginExample` writes, in the plugin work directory,
/// which the tests split and compare with `Generated/Linq` file by file.
public enum PluginBuild {
    /// The target's name, which the generated files' names start with.
    public static let targetName = "LinqPluginExample"
}
