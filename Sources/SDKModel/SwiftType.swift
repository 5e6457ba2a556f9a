/// A Swift type the generated SDK names: a declared model, a standard or runtime type, or a
/// collection or optional of one. Built by the SDK builders, turned into source text only by
/// `swiftSource`, so no stage reads a type back out of a string.
///
/// More cases come when the SDK needs them (a stream of events, raw bytes as a body); a case is
/// added with its first use. Only the cases that hold another type are `indirect`, so a named
/// type (most of them) is stored without a box of its own.
public enum SwiftType: Sendable, Hashable {
    /// A type by name: a model of the SDK (`Chat`), a standard type (`String`, `UUID`) or one of
    /// `SDKRuntime` (`JSONValue`, `CalendarDate`).
    case named(String)
    /// `[Element]`.
    indirect case array(SwiftType)
    /// `[String: Value]`: JSON objects, whose keys are always strings.
    indirect case dictionary(value: SwiftType)
    /// `Wrapped?`.
    indirect case optional(SwiftType)
    /// A generic type with its arguments, e.g. `Indirect<Chat>` or `PagedSequence<Chat, LinqError>`.
    case generic(String, arguments: [SwiftType])

    /// The type as written in Swift source, e.g. `[String: [Chat]]?`.
    public var swiftSource: String {
        switch self {
        case .named(let name): return name
        case .array(let element): return "[" + element.swiftSource + "]"
        case .dictionary(let value): return "[String: " + value.swiftSource + "]"
        case .optional(let wrapped): return wrapped.swiftSource + "?"
        case .generic(let name, let arguments): return name + "<" + arguments.map(\.swiftSource).joined(separator: ", ") + ">"
        }
    }

    /// The name of a `.named` type; `nil` for every other case.
    public var name: String? {
        if case .named(let name) = self { return name }
        return nil
    }

    /// Whether a dictionary appears anywhere in the type.
    var containsDictionary: Bool {
        switch self {
        case .named: return false
        case .dictionary: return true
        case .array(let inner), .optional(let inner): return inner.containsDictionary
        case .generic(_, let arguments): return arguments.contains { $0.containsDictionary }
        }
    }
}

extension SwiftType {
    /// `String`.
    public static let string = SwiftType.named("String")
    /// `Data`.
    public static let data = SwiftType.named("Data")
    /// `JSONValue` (from `SDKRuntime`): any JSON.
    public static let jsonValue = SwiftType.named("JSONValue")
}
