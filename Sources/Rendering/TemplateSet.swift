import BuiltinTemplates
import Diagnostics
import Foundation
import Templating

/// The Mustache templates a render uses: the built-in ones, with any file of the same name in
/// an override folder taking its place.
public struct TemplateSet: Sendable {
    /// The templates every render needs (partials included).
    public static let requiredNames = ["header", "client", "error", "resource", "method", "models", "model", "struct", "enum", "intenum", "oneof", "webhooks", "api"]

    let library: TemplateLibrary
    /// Where each template came from, for messages.
    public let sources: [String: String]

    /// Loads the built-in templates, then the `*.mustache` files of `overrideDirectory`.
    /// Problems are diagnostics against the template file.
    public static func load(overrideDirectory: String? = nil) throws(DiagnosticsError) -> TemplateSet {
        var texts: [String: (text: String, path: String)] = [:]
        guard let builtin = BuiltinTemplates.directory else {
            throw DiagnosticsError([Diagnostic(.error, "the built-in templates are missing next to the sdkgen executable", file: "sdkgen", at: nil)])
        }
        try read(directory: builtin.path, into: &texts)
        if let overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw DiagnosticsError([Diagnostic(.error, "the templates folder does not exist", file: overrideDirectory, at: nil)])
            }
            var overrides: [String: (text: String, path: String)] = [:]
            try read(directory: overrideDirectory, into: &overrides)
            for (name, override) in overrides.sorted(by: { $0.key < $1.key }) {
                guard texts[name] != nil else {
                    throw DiagnosticsError([Diagnostic(.error, "'\(name).mustache' is not a template sdkgen uses; expected one of: \(requiredNames.joined(separator: ", "))", file: override.path, at: nil)])
                }
                texts[name] = override
            }
        }
        var library = TemplateLibrary()
        var sources: [String: String] = [:]
        for name in requiredNames {
            guard let entry = texts[name] else {
                throw DiagnosticsError([Diagnostic(.error, "the template '\(name).mustache' is missing", file: builtin.path, at: nil)])
            }
            do {
                library.add(try Template(parsing: entry.text), named: name)
            } catch {
                throw DiagnosticsError([Diagnostic(.error, error.message, file: entry.path, at: SourceMark(line: error.line, column: error.column))])
            }
            sources[name] = entry.path
        }
        if let problem = library.includeProblem() {
            let mark = SourceMark(line: problem.error.line, column: problem.error.column)
            throw DiagnosticsError([Diagnostic(.error, problem.error.message, file: sources[problem.template] ?? problem.template, at: mark)])
        }
        return TemplateSet(library: library, sources: sources)
    }

    private static func read(directory: String, into texts: inout [String: (text: String, path: String)]) throws(DiagnosticsError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "cannot list the templates folder: \(error.localizedDescription)", file: directory, at: nil)])
        }
        for name in names where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw DiagnosticsError([Diagnostic(.error, "cannot read the template as UTF-8 text", file: path, at: nil)])
            }
            texts[String(name.dropLast(".mustache".count))] = (text, path)
        }
    }

    /// Renders `context` with the template `name`.
    func render(_ name: String, _ context: TemplateObject) -> [UInt8] {
        library.renderBytes(name, .object(context))
    }
}
