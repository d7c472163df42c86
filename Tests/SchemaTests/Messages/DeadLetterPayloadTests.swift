import Foundation
import Schema
import Testing

@Suite("Dead-letter payloads")
struct DeadLetterPayloadTests {
    private func deadLetter(bytes: Data) -> DeadLetter {
        DeadLetter(
            originalKey: "k",
            originalBytes: bytes,
            stage: .normalization,
            service: "normalizer-0",
            reasons: [FailureReason(code: "schema.invalidJSON", message: "not JSON")],
            failedAt: Samples.date
        )
    }

    @Test("UTF-8 bytes are kept as readable text")
    func utf8BytesAreKeptAsText() throws {
        let letter = deadLetter(bytes: Data(#"{"price":"612 000 €"}"#.utf8))
        #expect(letter.originalPayloadEncoding == .utf8)
        #expect(letter.originalPayload == #"{"price":"612 000 €"}"#)
        #expect(try letter.roundTripped().originalBytes == Data(#"{"price":"612 000 €"}"#.utf8))
    }

    @Test("Bytes that are not UTF-8 are kept as Base64 and restored exactly")
    func binaryBytesAreKeptAsBase64() throws {
        let bytes = Data([0xFF, 0xFE, 0x00, 0x7B])
        let letter = deadLetter(bytes: bytes)
        #expect(letter.originalPayloadEncoding == .base64)
        #expect(letter.originalPayload == "//4Aew==")
        #expect(try letter.roundTripped().originalBytes == bytes)
    }

    @Test("A malformed Base64 payload yields no bytes")
    func malformedBase64YieldsNoBytes() {
        var letter = deadLetter(bytes: Data([0xFF]))
        letter.originalPayload = "not base64!"
        #expect(letter.originalBytes == nil)
    }
}
