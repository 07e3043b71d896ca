// The options and launcher shared with `dltutor` (Sources/TutorCLI), visible in every file.
@_exported import TutorCLI
