import Testing

@Test func placeholderLinqTests() { #expect(Bool(true)) }
