import Testing

@Test func placeholderOpenAPITests() { #expect(Bool(true)) }
