import Foundation
import ModelRegistry
import Testing

@Suite("Artifact store")
struct ArtifactStoreTests {
    private let hello = Data("hello".utf8)
    private let helloSHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

    @Test("Stored bytes come back under their SHA-256 address")
    func putAndGet() throws {
        try TemporaryStore.with { store in
            let reference = try store.put(hello)
            #expect(reference.sha256 == helloSHA256)
            #expect(reference.uri.lastPathComponent == helloSHA256)
            #expect(reference.uri.isFileURL)
            #expect(store.contains(sha256: helloSHA256))
            #expect(!store.contains(sha256: String(repeating: "0", count: 64)))
            #expect(try store.data(for: reference) == hello)
            #expect(try store.data(at: reference.uri) == hello)
        }
    }

    @Test("Storing the same bytes again returns the same reference without rewriting the file")
    func idempotent() throws {
        try TemporaryStore.with { store in
            let first = try store.put(hello)
            let longAgo = Date(timeIntervalSince1970: 946_684_800)
            try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: first.uri.path)
            let second = try store.put(hello)
            #expect(second == first)
            let attributes = try FileManager.default.attributesOfItem(atPath: first.uri.path)
            #expect(attributes[.modificationDate] as? Date == longAgo)
            #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory.path) == [helloSHA256])
        }
    }

    @Test("A file is stored under the hash of its bytes")
    func putFile() throws {
        try TemporaryStore.with { store in
            let file = store.directory.deletingLastPathComponent().appendingPathComponent("model-\(UUID().uuidString).bin")
            try hello.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            #expect(try store.put(fileAt: file) == store.reference(sha256: helloSHA256))
        }
    }

    @Test("A flipped byte is detected and named, and storing the bytes again repairs the file")
    func corruption() throws {
        try TemporaryStore.with { store in
            let reference = try store.put(hello)
            var damaged = hello
            damaged[0] ^= 0x01
            try damaged.write(to: reference.uri)
            let error = try #require(throws: RegistryError.self) { try store.data(for: reference) }
            #expect(error.code == .checksumMismatch)
            #expect(error.input == reference.uri.path)
            try store.put(hello)
            #expect(try store.data(for: reference) == hello)
        }
    }

    @Test("An expected hash other than the address is refused")
    func wrongExpectedHash() throws {
        try TemporaryStore.with { store in
            let reference = try store.put(hello)
            let other = ArtifactReference.sha256(of: Data("other".utf8))
            let error = try #require(throws: RegistryError.self) {
                try store.data(at: reference.uri, expectedSHA256: other)
            }
            #expect(error.code == .checksumMismatch)
        }
    }

    @Test("An address with nothing stored is not found")
    func notFound() throws {
        try TemporaryStore.with { store in
            let error = try #require(throws: RegistryError.self) { try store.data(for: store.reference(sha256: helloSHA256)) }
            #expect(error.code == .artifactNotFound)
        }
    }

    @Test(
        "URIs outside the store are refused",
        arguments: [
            "file:///etc/passwd",
            "s3://models/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "STORE/../2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "STORE/../../etc/passwd",
            "STORE/sub/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "STORE/..%2F2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        ])
    func pathTraversal(uri: String) throws {
        try TemporaryStore.with { store in
            try store.put(hello)
            let text = uri.replacingOccurrences(of: "STORE", with: store.directory.absoluteString.trimmingSuffix("/"))
            let url = try #require(URL(string: text))
            let error = try #require(throws: RegistryError.self) { try store.data(at: url) }
            #expect(error.code == .invalidArtifactURI)
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
