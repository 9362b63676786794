extension Console {
  /// Warnings already worded (`warning: …`), one a line, in yellow on a terminal.
  func warn(_ warnings: [String]) {
    guard !warnings.isEmpty else { return }
    write(warnings.map { paint($0, .yellow) }.joined(separator: "\n") + "\n")
  }
}
