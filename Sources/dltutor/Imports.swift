// The options and launcher shared with `dltutor-class` (Sources/TutorCLI), visible in every file.
@_exported import TutorCLI
