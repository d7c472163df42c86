import Foundation
import Kafka

/// What a start found in the journal: every entry a previous process journalled and did not
/// see delivered, and every line that could not be read back.
public struct JournalRecovery: Sendable {
    /// One journalled record and the segment it lies in.
    public struct Entry: Sendable {
        /// The record to publish again (a schema message's topic, key and JSON).
        public var record: KafkaProducerMessage
        /// The segment to confirm it against.
        public var segment: UInt64
    }

    /// A line skipped: the last line of a segment cut short by a kill in the middle of a write
    /// (its request was never answered), or a line that does not read back.
    public struct Damage: Sendable, Equatable, CustomStringConvertible {
        /// The segment file.
        public var file: String
        /// The line's first byte in the file.
        public var offset: Int
        /// Why it was skipped.
        public var reason: String

        /// `file@offset: reason`.
        public var description: String { "\(file)@\(offset): \(reason)" }
    }

    /// The entries, oldest segment first, in journal order.
    public var entries: [Entry] = []
    /// The lines skipped.
    public var damage: [Damage] = []
    /// Per segment read, the number of entries it holds and its size in bytes.
    var segments: [UInt64: (entries: Int, bytes: Int)] = [:]

    /// Reads segments `sequences` of `directory`; a segment that cannot be read at all is
    /// reported as damage and left out (its file stays for a human to look at).
    static func read(_ sequences: [UInt64], in directory: URL) -> JournalRecovery {
        var recovery = JournalRecovery()
        for sequence in sequences.sorted() {
            let url = directory.appendingPathComponent(JournalSegmentFile.name(of: sequence))
            let bytes: [UInt8]
            do {
                bytes = Array(try Data(contentsOf: url))
            } catch {
                recovery.damage.append(Damage(file: url.path, offset: 0, reason: "cannot read the segment: \(error)"))
                continue
            }
            recovery.read(bytes, of: sequence, file: url.path)
        }
        return recovery
    }

    private mutating func read(_ bytes: [UInt8], of sequence: UInt64, file: String) {
        var count = 0
        var start = 0
        while start < bytes.count {
            guard let end = bytes[start...].firstIndex(of: JournalLine.terminator) else {
                damage.append(
                    Damage(
                        file: file, offset: start,
                        reason: "the last line has no newline (\(bytes.count - start) bytes): a write cut short, never answered"))
                break
            }
            do {
                entries.append(Entry(record: try JournalLine.decode(bytes[start..<end]), segment: sequence))
                count += 1
            } catch {
                damage.append(Damage(file: file, offset: start, reason: error.reasonWithInput))
            }
            start = end + 1
        }
        segments[sequence] = (count, bytes.count)
    }
}
