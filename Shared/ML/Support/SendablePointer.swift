/// A raw pointer handed to the iterations of `DispatchQueue.concurrentPerform`.
///
/// The caller guarantees that concurrent iterations write disjoint elements
/// and that the memory outlives the parallel section.
struct SendablePointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ base: UnsafeMutablePointer<Element>) {
        self.base = base
    }

    init(readOnly base: UnsafePointer<Element>) {
        self.base = UnsafeMutablePointer(mutating: base)
    }

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // A buffer of capacity zero may have no base address; a dangling one is never dereferenced.
        self.base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
