extension StringProtocol {
  /// The lines of a text split at LF, CRLF or CR, mixed freely (a Swift `Character` holds `\r\n`
  /// as one, so splitting at `"\n"` alone would glue CRLF lines together). Empty lines are kept,
  /// so index + 1 is the line number.
  package func textLines() -> [SubSequence] {
    split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  }
}
