/// One piece of a parsed template.
enum TemplateNode: Sendable {
    /// Text of the template itself, written as it is.
    case text([UInt8])
    /// `{{name}}`: the value the name finds, as text.
    case variable(TemplateName)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(TemplateName, inverted: Bool, body: [TemplateNode])
    /// `{{> name}}`: another template, each of its lines indented when the tag stood alone on
    /// an indented line.
    case partial(String, indentation: [UInt8])
}

/// A name as a template writes it: `.` (the current value) or dotted parts (`method.name`).
struct TemplateName: Sendable, Equatable {
    /// The parts between the dots; empty for `.`.
    let parts: [String]
    /// The name as written, for messages.
    let text: String
}
