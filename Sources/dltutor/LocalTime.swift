import Foundation
import TutorCLI

#if canImport(Glibc)
    import Glibc
#endif

/// Local dates for the start screen through the C library (`TZ`, else `/etc/localtime`), as
/// Foundation's `Calendar.current` and `DateFormatter` give them for these two uses. Why: those
/// load the time-zone and ICU calendar data on first use, which cost the tutor's first frame
/// more than a millisecond; `localtime_r` and `strftime` cost microseconds.
enum LocalTime {
    /// Local midnight at the start of `date`'s day.
    static func startOfDay(_ date: Date) -> Date {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        tzset()
        guard localtime_r(&seconds, &parts) != nil else { return date }
        parts.tm_hour = 0
        parts.tm_min = 0
        parts.tm_sec = 0
        parts.tm_isdst = -1 // let mktime decide whether midnight was summer time
        let midnight = mktime(&parts)
        return midnight == -1 ? date : Date(timeIntervalSince1970: Double(midnight))
    }

    /// `date` in local time with a `strftime` pattern (e.g. `%Y-%m-%d at %H:%M`).
    static func format(_ date: Date, _ pattern: String) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        tzset()
        guard localtime_r(&seconds, &parts) != nil else { return "" }
        var buffer = [CChar](repeating: 0, count: 64)
        let n = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
