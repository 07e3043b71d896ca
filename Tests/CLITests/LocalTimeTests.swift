import Foundation
import Testing

@testable import dltutor

/// `LocalTime` (C library) must give what `Calendar.current` and `DateFormatter` gave before it
/// replaced them on the tutor's start path, in the zone the tests run in.
@Suite("Local time for the start screen")
struct LocalTimeTests {
    /// Every 7 hours 13 minutes over two years: all hours of the day, both sides of any DST change.
    static let dates: [Date] = (0..<2500).map { Date(timeIntervalSince1970: 1_767_225_600 + Double($0) * 25_980) }

    @Test func startOfDayIsCalendarsStartOfDay() {
        for date in Self.dates {
            #expect(LocalTime.startOfDay(date) == Calendar.current.startOfDay(for: date), "\(date)")
        }
    }

    @Test func formatIsDateFormattersFormat() {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd 'at' HH:mm"
        for date in Self.dates {
            #expect(LocalTime.format(date, "%Y-%m-%d at %H:%M") == formatter.string(from: date), "\(date)")
        }
    }
}
