import Foundation

/// Writes one source's raw material: a single file, or numbered files in a drop folder.
final class SourceFileWriter {
    private let source: ScenarioSource
    private let root: URL
    private let recordsPerFile: Int
    private var file: BufferedFile?
    private var recordsInFile = 0
    private var fileNumber = 0

    init(source: ScenarioSource, root: URL, recordsPerFile: Int) {
        self.source = source
        self.root = root
        self.recordsPerFile = recordsPerFile
    }

    /// Appends one record (a line, a row or an element).
    func append(_ record: String) throws(ScenarioError) {
        if file == nil || (source.isDropFolder && recordsInFile == recordsPerFile) {
            try closeFile()
            fileNumber += 1
            let url =
                source.isDropFolder
                ? root.appendingPathComponent(source.relativePath)
                    .appendingPathComponent("batch-\(String(fileNumber).leftPadded(to: 5)).\(source.fileExtension)")
                : root.appendingPathComponent(source.relativePath)
            let opened = try BufferedFile(url: url)
            if let header = source.fileHeader { try opened.write(header) }
            file = opened
            recordsInFile = 0
        }
        try file?.write(record + "\n")
        recordsInFile += 1
    }

    /// Finishes the current file; a source without records still gets an empty file (a
    /// header-only CSV) so producers find their input.
    func finish() throws(ScenarioError) {
        if file == nil && !source.isDropFolder {
            let opened = try BufferedFile(url: root.appendingPathComponent(source.relativePath))
            if let header = source.fileHeader { try opened.write(header) }
            file = opened
        }
        try closeFile()
    }

    private func closeFile() throws(ScenarioError) {
        guard let file else { return }
        if let footer = source.fileFooter { try file.write(footer) }
        try file.close()
        self.file = nil
    }
}
