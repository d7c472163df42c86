import Foundation
import Pipeline
import Schema

/// Everything a generic source producer needs: the source it announces, where it reads, how
/// it finds each record's id, and its timing.
public struct ProducerConfiguration: Sendable, Equatable {
    /// The catalog entry announced on `sources.catalog` (its `publishedAt` is set at start).
    public var descriptor: SourceDescriptor
    /// Where records come from.
    public var input: ProducerInput
    /// Where each record's id is: a CSV column, a JSON dot path, or an XML path (`@id`).
    public var recordIdPath: String
    /// The CSV field separator.
    public var csvDelimiter: Character
    /// The XML record element name.
    public var xmlRecordElement: String
    /// How many messages are published per awaited batch.
    public var batchSize: Int
    /// The most messages (records and dead letters) published per second, across the files and
    /// feed pages of a run; 0 publishes as fast as the broker takes them.
    public var maxRecordsPerSecond: Int
    /// Polling, request timeout, retries and backoff.
    public var timing: ProducerTiming
    /// The file holding which files were read and the feed cursor, so a restart resumes.
    public var stateFile: URL
    /// How large the dead letters of unreadable input may grow.
    public var deadLetters: DeadLetterPolicy

    /// Creates a configuration.
    public init(
        descriptor: SourceDescriptor,
        input: ProducerInput,
        recordIdPath: String,
        csvDelimiter: Character = ",",
        xmlRecordElement: String = "Record",
        batchSize: Int = 1_000,
        maxRecordsPerSecond: Int = 0,
        timing: ProducerTiming,
        stateFile: URL,
        deadLetters: DeadLetterPolicy = .standard
    ) {
        self.descriptor = descriptor
        self.input = input
        self.recordIdPath = recordIdPath
        self.csvDelimiter = csvDelimiter
        self.xmlRecordElement = xmlRecordElement
        self.batchSize = batchSize
        self.maxRecordsPerSecond = maxRecordsPerSecond
        self.timing = timing
        self.stateFile = stateFile
        self.deadLetters = deadLetters
    }

    /// The MIME type of the source's payloads.
    public var contentType: String { Self.contentType(of: descriptor.format) }

    /// The MIME type of payloads in `format`.
    public static func contentType(of format: RecordFormat) -> String {
        switch format {
        case .csv: "text/csv"
        case .json: "application/json"
        case .xml: "application/xml"
        case .html: "text/html"
        }
    }

    /// The service name in dead letters and monitoring events: `source-producer/<id>`.
    public var serviceName: String { "source-producer/\(descriptor.id)" }
}
