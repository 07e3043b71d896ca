import Testing

@Test func placeholderTutorContent() { #expect(1 + 1 == 2) }
