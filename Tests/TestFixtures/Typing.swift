import TutorSession

/// Types `text` into the session one character at a time, as the keyboard does.
public func type(_ text: String, _ s: inout Session) {
    for c in text { _ = s.handle(.type(c)) }
}
