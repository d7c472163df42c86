import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A content-addressed store of model files and model cards: every artifact is a file named by
/// the SHA-256 of its bytes, in one folder (`.homeprice/artifacts` locally, a shared volume in
/// the cluster).
///
/// - Writes are idempotent (the same bytes give the same reference and are not written again)
///   and atomic (a temporary file in the same folder, then a rename), so a reader never sees a
///   partial artifact and concurrent writers of the same bytes agree.
/// - Reads verify the hash before returning the bytes: a damaged file is an error, never a
///   model.
/// - A URI is only followed when it names an artifact directly inside the store's folder;
///   anything else (another folder, `..`, a name that is not a hash) is refused. Every process
///   that shares the store must therefore mount it at the same path.
///
/// All file IO is synchronous; callers run it off the cooperative thread pool.
public struct ArtifactStore: Sendable {
    /// The store's folder relative to the working directory of a local run.
    public static let localDirectory = ".homeprice/artifacts"

    /// The store's folder, absolute, with symbolic links resolved.
    public let directory: URL

    /// Opens the store in `directory`, creating the folder when it does not exist.
    ///
    /// - Throws: ``RegistryError/Code/storageFailed`` when the folder cannot be created.
    public init(directory: URL) throws(RegistryError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RegistryError(.storageFailed, reason: "cannot create the artifact folder: \(error)", input: directory.path)
        }
        self.directory = Self.canonical(directory)
    }

    /// Stores `data` and returns its reference; stores nothing when an intact copy is already
    /// there.
    ///
    /// - Throws: ``RegistryError/Code/storageFailed`` when the file cannot be written.
    @discardableResult
    public func put(_ data: Data) throws(RegistryError) -> ArtifactReference {
        let sha256 = ArtifactReference.sha256(of: data)
        let file = fileURL(sha256: sha256)
        if let stored = try? Data(contentsOf: file), ArtifactReference.sha256(of: stored) == sha256 {
            return reference(sha256: sha256)
        }
        let temporary = directory.appendingPathComponent(".\(sha256).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
        } catch {
            throw RegistryError(.storageFailed, reason: "cannot write the artifact: \(error)", input: temporary.path)
        }
        guard rename(temporary.path, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw RegistryError(.storageFailed, reason: "cannot move the artifact into place: \(reason)", input: file.path)
        }
        return reference(sha256: sha256)
    }

    /// Stores the bytes of the file at `url` (a model file written by the trainer).
    ///
    /// - Throws: ``RegistryError/Code/storageFailed`` when the file cannot be read or stored.
    @discardableResult
    public func put(fileAt url: URL) throws(RegistryError) -> ArtifactReference {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw RegistryError(.storageFailed, reason: "cannot read the file to store: \(error)", input: url.path)
        }
        return try put(data)
    }

    /// Whether an artifact with this SHA-256 is stored (its bytes are not checked here).
    public func contains(sha256: String) -> Bool {
        ArtifactReference.isSHA256(sha256) && FileManager.default.fileExists(atPath: fileURL(sha256: sha256).path)
    }

    /// The reference of the artifact with this SHA-256 in this store.
    public func reference(sha256: String) -> ArtifactReference {
        ArtifactReference(sha256: sha256, uri: fileURL(sha256: sha256))
    }

    /// The bytes of a referenced artifact, after checking that they hash to its SHA-256.
    ///
    /// - Throws: ``RegistryError/Code/invalidArtifactURI``, ``RegistryError/Code/artifactNotFound``
    ///   or ``RegistryError/Code/checksumMismatch``.
    public func data(for reference: ArtifactReference) throws(RegistryError) -> Data {
        try data(at: reference.uri, expectedSHA256: reference.sha256)
    }

    /// The bytes of the artifact at `uri`, after checking that they hash to `expectedSHA256`,
    /// or to the artifact's address (its file name) when no hash is given.
    ///
    /// - Throws: ``RegistryError/Code/invalidArtifactURI`` for a URI outside the store,
    ///   ``RegistryError/Code/artifactNotFound`` when nothing is stored there,
    ///   ``RegistryError/Code/checksumMismatch`` naming the file when the bytes do not match.
    public func data(at uri: URL, expectedSHA256: String? = nil) throws(RegistryError) -> Data {
        let file = try fileURL(for: uri)
        let expected = expectedSHA256?.lowercased() ?? file.lastPathComponent
        guard expected == file.lastPathComponent else {
            throw RegistryError(
                .checksumMismatch, reason: "the artifact is addressed by another hash than the expected \(expected)",
                input: file.path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            let found = FileManager.default.fileExists(atPath: file.path)
            throw RegistryError(
                found ? .storageFailed : .artifactNotFound,
                reason: found ? "cannot read the artifact: \(error)" : "no artifact is stored under this address",
                input: file.path)
        }
        let actual = ArtifactReference.sha256(of: data)
        guard actual == expected else {
            throw RegistryError(
                .checksumMismatch, reason: "the stored bytes hash to \(actual), expected \(expected)", input: file.path)
        }
        return data
    }

    /// The file in this store that `uri` names.
    ///
    /// - Throws: ``RegistryError/Code/invalidArtifactURI`` unless `uri` is a `file://` URI whose
    ///   folder is the store's folder and whose name is a SHA-256 address.
    public func fileURL(for uri: URL) throws(RegistryError) -> URL {
        guard uri.isFileURL else {
            throw RegistryError(.invalidArtifactURI, reason: "only file:// artifact URIs are readable", input: uri.absoluteString)
        }
        let file = URL(fileURLWithPath: uri.path).standardizedFileURL
        let name = file.lastPathComponent
        guard ArtifactReference.isSHA256(name) else {
            throw RegistryError(.invalidArtifactURI, reason: "the name is not a SHA-256 address", input: uri.absoluteString)
        }
        guard Self.canonical(file.deletingLastPathComponent()).path == directory.path else {
            throw RegistryError(
                .invalidArtifactURI, reason: "the URI is outside the artifact folder \(directory.path)",
                input: uri.absoluteString)
        }
        return fileURL(sha256: name)
    }

    private func fileURL(sha256: String) -> URL {
        directory.appendingPathComponent(sha256, isDirectory: false)
    }

    /// An absolute folder URL with `.` and `..` removed and symbolic links resolved, so that two
    /// spellings of one folder compare equal.
    private static func canonical(_ folder: URL) -> URL {
        URL(fileURLWithPath: folder.path, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
    }
}
