/// What a template shows and walks through: text, a yes/no flag, a list, or named values.
///
/// Templates see nothing else: no Swift objects, no dynamic casts, no reflection. Every
/// decision about Swift source is made before the values are built.
public enum TemplateValue: Sendable {
    /// Text, written as it is (never HTML-escaped).
    case text(String)
    /// A flag: a section renders once for `true` and not at all for `false`.
    case flag(Bool)
    /// A list: a section renders once per element.
    case list([TemplateValue])
    /// Named values: a section renders once with them in scope.
    case object(TemplateObject)

    /// A list of texts, such as the lines of a doc comment.
    public static func texts(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.text))
    }

    /// A list of objects, such as one per method.
    public static func objects(_ objects: [TemplateObject]) -> TemplateValue {
        .list(objects.map(TemplateValue.object))
    }

    /// Whether a section shows this value: not for `false`, an empty list or empty text.
    var isShownBySection: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .flag(let flag): return flag
        case .list(let elements): return !elements.isEmpty
        case .object: return true
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral {
    /// A text value from a literal.
    public init(stringLiteral value: String) {
        self = .text(value)
    }

    /// A flag from a literal.
    public init(booleanLiteral value: Bool) {
        self = .flag(value)
    }
}

/// Named template values in the order they were first set.
///
/// A template context has a handful of names, so a lookup compares names in order instead of
/// hashing them.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// Names and values in one array, so that looking a name up touches one buffer.
    private var entries: [(name: String, value: TemplateValue)]

    /// An object with no names.
    public init() {
        entries = []
    }

    /// An object from a literal; a repeated name keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// The value called `name`; setting `nil` removes it.
    public subscript(name: String) -> TemplateValue? {
        get {
            for entry in entries where entry.name == name { return entry.value }
            return nil
        }
        set {
            if let index = entries.firstIndex(where: { $0.name == name }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                entries.append((name, newValue))
            }
        }
    }
}
