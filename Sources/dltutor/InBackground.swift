import Dispatch
import TutorCLI

#if canImport(Glibc)
    import Glibc
#endif

/// A value computed on a thread of its own while the caller goes on; `value` waits for it.
/// A plain POSIX thread: it starts in microseconds (a Foundation `Thread` took almost a
/// millisecond on the way to the first frame) and needs no concurrency runtime.
final class InBackground<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        let job: @Sendable () -> Void = { [self] in
            result = work()
            done.signal()
        }
        if !startThread(job) { job() }
    }

    /// The result, once the work is done (the semaphore orders the write before this read).
    var value: T {
        done.wait()
        done.signal()
        return result!
    }
}

/// Runs `job` on a new detached thread; false if none could be started.
private func startThread(_ job: @escaping @Sendable () -> Void) -> Bool {
    #if os(Linux)
        let context = Unmanaged.passRetained(ThreadJob(job)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { raw in
                Unmanaged<ThreadJob>.fromOpaque(raw!).takeRetainedValue().run()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<ThreadJob>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    #else
        DispatchQueue.global().async(execute: job)
        return true
    #endif
}

private final class ThreadJob {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
