import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files a path input reads, and reading one without ever leaving the folder.
///
/// A folder (a government drop folder, a dataset directory) lists its regular files in name
/// order, skipping hidden files, `.part` files still being written and subfolders. A symbolic
/// link in the folder is listed as such and never followed, wherever it points: a file dropped
/// as a link to `/etc/passwd` (or to another client's folder) is refused, not read. Files are
/// opened with `O_NOFOLLOW`, so a file swapped for a link after listing is refused too.
enum InputFolder {
    /// One entry of the input.
    struct Entry: Equatable {
        enum Kind: Equatable {
            case file
            case symbolicLink
        }

        let url: URL
        let kind: Kind
    }

    /// The entries of `url`: the file itself, or the folder's files and links in name order.
    static func entries(at url: URL) throws(SourceError) -> [Entry] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw SourceError(code: .inputUnreadable, reason: "the input does not exist", input: url.path)
        }
        guard isFolder.boolValue else { return [Entry(url: url, kind: .file)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw SourceError(code: .inputUnreadable, reason: error.localizedDescription, input: url.path)
        }
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".part") }.sorted().compactMap { name in
            let entry = url.appendingPathComponent(name)
            var status = stat()
            guard lstat(entry.path, &status) == 0 else { return nil }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return Entry(url: entry, kind: .file)
            case S_IFLNK: return Entry(url: entry, kind: .symbolicLink)
            default: return nil
            }
        }
    }

    /// The contents of the folder entry `url`, opened without following a symbolic link.
    static func read(_ url: URL) throws(SourceError) -> Data {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ELOOP ? "the file is a symbolic link, which is never followed" : String(cString: strerror(errno))
            throw SourceError(code: .inputUnreadable, reason: reason, input: url.path)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw SourceError(code: .inputUnreadable, reason: error.localizedDescription, input: url.path)
        }
    }
}
