import Testing

@Test func placeholderTerminalUI() { #expect(1 + 1 == 2) }
