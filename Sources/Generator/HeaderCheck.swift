import Diagnostics
import Rendering

/// Every generated file must start with the generated header: the writer takes a file without
/// it for a hand-written one and never updates or removes it again. The built-in templates
/// keep it; an override of `header.mustache` (or of a file template) could drop it.
enum HeaderCheck {
    /// Throws an error naming the first file that does not start with its header.
    static func check(_ files: FileSet, templatesPath: String?) throws(DiagnosticsError) {
        for file in files.files {
            let prefix = file.path.hasSuffix(".md") ? GeneratedFile.markdownHeaderPrefix : GeneratedFile.headerPrefix
            guard !file.contents.hasPrefix(prefix) else { continue }
            let template = file.path.hasSuffix(".md") ? "api.mustache" : "header.mustache"
            let message =
                "the generated file '\(file.path)' does not start with '\(prefix)', so sdkgen would take it for a hand-written file "
                + "and never update it again; keep that text at the start of \(template)"
            throw DiagnosticsError([Diagnostic(.error, message, file: templatesPath.map { $0 + "/" + template } ?? template, at: nil)])
        }
    }
}
