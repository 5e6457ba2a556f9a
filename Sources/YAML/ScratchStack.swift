/// A growable stack of values that hands its top elements out as an array by moving them, with
/// no retain and release per element (an `Array` used the same way copies, then destroys, each).
///
/// `TreeBuilder` keeps the finished children of every open sequence or mapping in one of these,
/// innermost container last, so that each container's array is allocated once, at its exact size.
final class ScratchStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    /// Creates an empty stack.
    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Pushes `element`.
    func append(_ element: consuming Element) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// The elements from `start` to the top, read in place (valid only during `body`).
    func withElements<Result, Failure: Error>(
        from start: Int, _ body: (UnsafeBufferPointer<Element>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: storage + start, count: count - start))
    }

    /// Removes the elements from `start` to the top and returns them, in order, as an array of exactly their number.
    func popArray(from start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let result = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            if let base = buffer.baseAddress { base.moveInitialize(from: storage + start, count: taken) }
            initialized = taken
        }
        count = start
        return result
    }
}
