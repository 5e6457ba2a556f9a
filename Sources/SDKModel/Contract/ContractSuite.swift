/// The generated contract tests of an SDK: one per operation, calling its method with values
/// made up from the spec, against a mock server (`SDKGEN_MOCK_URL`) that validates the request.
public struct ContractSuite: Sendable, Hashable {
    /// The tests, in the SDK's resource order (the client's own methods first).
    public var tests: [ContractTest]
}

/// The test of one operation.
public struct ContractTest: Sendable, Hashable {
    /// The test function's name, e.g. `chatsTypingStop`: the access path and the method, unique.
    public var functionName: String
    /// The operation as the spec names it: its operationId, else `METHOD /path`.
    public var operation: String
    /// `POST /v3/chats/{chatId}/typing`.
    public var route: String
    /// The property names from the client to the method's resource, e.g. `["chats", "typing"]`.
    public var accessPath: [String]
    /// The method.
    public var method: Method
    /// The arguments passed, in the method's declaration order.
    public var arguments: [ContractArgument]
    /// Why the test cannot call the operation, when it cannot: the test is generated disabled
    /// with this reason.
    public var skipReason: String?
}

/// One argument of a contract test's call.
public struct ContractArgument: Sendable, Hashable {
    /// The argument label, e.g. `chatID` or `body`.
    public var label: String
    /// The Swift type of the parameter, without optionality.
    public var type: SwiftType
    /// The value, as JSON that decodes into `type`.
    public var value: SampleValue
}
