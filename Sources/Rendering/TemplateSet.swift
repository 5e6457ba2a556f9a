import Diagnostics
import Templating

/// The Mustache templates a render uses: the built-in ones, with any override of the same name
/// taking its place. The files are read by the caller; this type only parses and checks them.
public struct TemplateSet: Sendable {
    /// The templates every render needs (partials included).
    public static let requiredNames = [
        "header", "client", "error", "resource", "method", "request", "models", "model", "struct", "enum", "intenum", "oneof", "webhooks",
        "webhookverification", "api",
        "contractsupport",
        "contracttests",
    ]
    /// The extension every template file has.
    public static let fileExtension = ".mustache"

    let library: TemplateLibrary

    /// Parses the built-in templates and the overrides (each a `<name>.mustache` file as read), an
    /// override replacing the built-in template of its name. Problems are diagnostics against the
    /// template file: an override of a name sdkgen does not use, a missing template, a syntax
    /// error, a partial that does not exist or includes itself.
    public init(builtin: [SourceFile], overrides: [SourceFile]) throws(DiagnosticsError) {
        var files: [String: SourceFile] = [:]
        for file in builtin { files[Self.name(of: file)] = file }
        for override in overrides.sorted(by: { Self.name(of: $0) < Self.name(of: $1) }) {
            let name = Self.name(of: override)
            guard files[name] != nil else {
                throw DiagnosticsError([
                    Diagnostic(
                        .error,
                        "'\(name)\(Self.fileExtension)' is not a template sdkgen uses; expected one of: \(Self.requiredNames.joined(separator: ", "))",
                        file: override.path, at: nil)
                ])
            }
            files[name] = override
        }
        var library = TemplateLibrary()
        var paths: [String: String] = [:]
        for name in Self.requiredNames {
            guard let file = files[name] else {
                throw DiagnosticsError([
                    Diagnostic(.error, "the template '\(name)\(Self.fileExtension)' is missing", file: Self.folder(of: builtin), at: nil)
                ])
            }
            do {
                library.add(try Template(parsing: file.text), named: name)
            } catch {
                throw DiagnosticsError([Diagnostic(.error, error.message, file: file.path, at: SourceMark(line: error.line, column: error.column))])
            }
            paths[name] = file.path
        }
        if let problem = library.includeProblem() {
            let mark = SourceMark(line: problem.error.line, column: problem.error.column)
            throw DiagnosticsError([Diagnostic(.error, problem.error.message, file: paths[problem.template] ?? problem.template, at: mark)])
        }
        self.library = library
    }

    /// The folder the built-in templates were read from, for a message about one that is missing.
    private static func folder(of builtin: [SourceFile]) -> String {
        guard let path = builtin.first?.path, let slash = path.lastIndex(of: "/") else { return "sdkgen" }
        return String(path[..<slash])
    }

    /// The template name of a file: its last path component without `.mustache`.
    static func name(of file: SourceFile) -> String {
        let last = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return last.hasSuffix(fileExtension) ? String(last.dropLast(fileExtension.count)) : last
    }

    /// Renders `context` with the template `name`.
    func render(_ name: String, _ context: TemplateObject) -> [UInt8] {
        library.renderBytes(name, .object(context))
    }
}
