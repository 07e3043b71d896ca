import Testing

@Test func placeholderMathEngine() { #expect(1 + 1 == 2) }
