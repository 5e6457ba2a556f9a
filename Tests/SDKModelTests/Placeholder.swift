import Testing

@Test func placeholderSDKModelTests() { #expect(Bool(true)) }
