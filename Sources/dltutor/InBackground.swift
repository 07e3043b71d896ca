import Foundation

/// A value computed on a thread of its own while the caller goes on; `value` waits for it.
/// (A plain thread, so the synchronous entry point starts no concurrency runtime for it.)
final class InBackground<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    /// The result, once the work is done (the semaphore orders the write before this read).
    var value: T {
        done.wait()
        done.signal()
        return result!
    }
}
