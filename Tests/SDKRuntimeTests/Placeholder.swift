import Testing

@Test func placeholderSDKRuntimeTests() { #expect(Bool(true)) }
