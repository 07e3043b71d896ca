import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Maps independent work across the machine's cores and returns the results in input order.
/// Used for loading question files, which share nothing until they are collected.
enum ParallelLoad {
    static func map<T, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] where T: Sendable {
        let box = ResultBox<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            box.set(i, transform(items[i]))
        }
        return box.values
    }
}

/// Slots written once each from concurrent iterations, behind a lock.
private final class ResultBox<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLockLike()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: R) { lock.withLock { slots[i] = value } }
    var values: [R] { lock.withLock { slots.map { $0! } } }
}

/// A tiny mutex over pthread, so this file needs no Foundation.
private final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
