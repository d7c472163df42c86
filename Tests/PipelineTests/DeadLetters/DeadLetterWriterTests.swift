import Foundation
import Kafka
import Pipeline
import Schema
import Testing

@Suite("Dead-letter writer")
struct DeadLetterWriterTests {
    private let writer = DeadLetterWriter(
        stage: .normalization, service: "normalizer-0",
        policy: DeadLetterPolicy(maxPayloadBytes: 8, maxReasonCharacters: 20, maxReasons: 2))

    private func message(_ bytes: [UInt8], key: String? = "src/1") -> KafkaConsumerMessage {
        KafkaConsumerMessage(
            topic: "homes.raw", partition: 2, offset: 41, key: key.map { Array($0.utf8) }, value: bytes, headers: [], timestamp: nil)
    }

    @Test("a small payload is kept whole, with its origin and no truncation marks")
    func smallPayloadsAreKeptWhole() {
        let letter = writer.deadLetter(for: message(Array("abc".utf8)), reasons: [FailureReason(code: "x", message: "y")])
        #expect(letter.originalPayload == "abc")
        #expect(letter.originalLength == nil && letter.originalSHA256 == nil)
        #expect(letter.origin == MessageOrigin(topic: "homes.raw", partition: 2, offset: 41))
        #expect(letter.key == "src/1")
    }

    @Test("a payload cut inside a multi-byte character is cut back to the character's start")
    func truncationKeepsCharactersWhole() {
        let letter = writer.deadLetter(for: message(Array("abcdefgéééé".utf8)), reasons: [])
        #expect(letter.originalPayload == "abcdefg")
        #expect(letter.originalLength == "abcdefgéééé".utf8.count)
    }

    @Test("bytes that are not UTF-8 are kept as Base64 of their start")
    func binaryPayloadsAreBase64() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]
        let letter = writer.deadLetter(for: message(bytes), reasons: [])
        #expect(letter.originalPayloadEncoding == .base64)
        #expect(letter.originalBytes == Data(bytes.prefix(8)))
    }

    @Test("reasons are capped in number and length, and a keyless message is keyed by its position")
    func reasonsAreBounded() {
        let reasons = (0..<5).map { FailureReason(field: "f\($0)", code: "c", message: String(repeating: "m", count: 500)) }
        let letter = writer.deadLetter(for: message([], key: nil), reasons: reasons)
        #expect(letter.reasons.count == 3)
        #expect(letter.reasons.last?.code == "deadLetter.moreReasons")
        #expect(letter.reasons[0].message.hasPrefix(String(repeating: "m", count: 20) + "…"))
        #expect(letter.key == "homes.raw/2/41")
    }
}
