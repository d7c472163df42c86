import Testing

@testable import HomePriceCLI

@Suite("Padding table columns")
struct StringPaddingTests {
    @Test("Left-aligned text is padded to its column, longer text kept whole")
    func rightPadded() {
        #expect("nginx".rightPadded(8) == "nginx   ")
        #expect("server-health".rightPadded(8) == "server-health")
        #expect("München".rightPadded(9) == "München  ")
    }

    @Test("Right-aligned text is padded in front")
    func leftPadded() {
        #expect("42".leftPadded(5) == "   42")
        #expect("123456".leftPadded(5) == "123456")
    }
}
