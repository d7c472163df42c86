import Foundation
import ServiceSupport

extension RecordFailure {
    /// The failure of input bytes that are not valid UTF-8, naming the first bad byte's offset.
    init<Bytes: Collection<UInt8>>(invalidUTF8 bytes: Bytes, location: String) {
        let invalid = UTF8Check.firstInvalidByte(in: bytes) ?? 0
        self.init(
            location: location, text: String(decoding: bytes, as: UTF8.self), code: "ingestion.invalidUTF8",
            message: "\(location) is not valid UTF-8 (first bad byte at byte \(invalid + 1) of the line)")
    }

    /// The failure of an input file holding nothing but whitespace.
    static func emptyFile(_ name: String) -> RecordFailure {
        RecordFailure(location: "\(name):1", text: "", code: "ingestion.emptyFile", message: "\(name) is empty: it holds no records")
    }

    /// The failure of a symbolic link found in an input folder: never followed, never read.
    static func symbolicLinkRefused(_ name: String) -> RecordFailure {
        RecordFailure(
            location: "\(name):0", text: "", code: "ingestion.symbolicLinkRefused",
            message: "\(name) is a symbolic link; links in an input folder are never followed")
    }
}
