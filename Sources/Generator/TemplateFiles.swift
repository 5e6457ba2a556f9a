import BuiltinTemplates
import Diagnostics
import Foundation
import Rendering

/// Reads the template files a render uses: the built-in ones shipped beside sdkgen and the
/// `*.mustache` files of an override folder; `TemplateSet` parses and checks them.
enum TemplateFiles {
    /// The templates, parsed; every override file read is added to `sources`, so that a
    /// diagnostic in one shows its line.
    static func load(overrideDirectory: String?, into sources: inout SourceFiles) throws(DiagnosticsError) -> TemplateSet {
        guard let builtin = BuiltinTemplates.directory else {
            throw DiagnosticsError([Diagnostic(.error, "the built-in templates are missing next to the sdkgen executable", file: "sdkgen", at: nil)])
        }
        let builtinFiles = try read(directory: builtin.path)
        var overrides: [SourceFile] = []
        if let overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DiagnosticsError([Diagnostic(.error, "the templates folder does not exist", file: overrideDirectory, at: nil)])
            }
            overrides = try read(directory: overrideDirectory)
            for file in overrides { sources.add(file) }
        }
        return try TemplateSet(builtin: builtinFiles, overrides: overrides)
    }

    /// Every `*.mustache` file of `directory`, in name order.
    private static func read(directory: String) throws(DiagnosticsError) -> [SourceFile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "cannot list the templates folder: \(error.localizedDescription)", file: directory, at: nil)])
        }
        var files: [SourceFile] = []
        for name in names where name.hasSuffix(TemplateSet.fileExtension) {
            let path = directory + "/" + name
            guard let file = InputReader.read(path), String(bytes: file.bytes, encoding: .utf8) != nil else {
                throw DiagnosticsError([Diagnostic(.error, "cannot read the template as UTF-8 text", file: path, at: nil)])
            }
            files.append(file)
        }
        return files
    }
}
