/// Where a raw-log run came from when it is not simply "one file": one session of several in a
/// file (runs appended to one results file), and/or several files merged (one per load generator).
public struct RunOrigin: Sendable, Equatable, Codable {
  /// 1-based session number and how many sessions the file (or the merged files) held.
  public var session: Int
  public var sessions: Int
  /// The gap without samples that separates sessions, in seconds.
  public var sessionGapSeconds: Int64
  /// Requests per load generator (input file) when several files were merged, in path order.
  public var generators: [GeneratorCount]

  public init(session: Int, sessions: Int, sessionGapSeconds: Int64, generators: [GeneratorCount] = []) {
    self.session = session
    self.sessions = sessions
    self.sessionGapSeconds = sessionGapSeconds
    self.generators = generators
  }

  /// The report's sentences about the origin.
  public var notes: [String] {
    var notes: [String] = []
    if sessions > 1 {
      notes.append(
        "Session \(session) of \(sessions) in its file: the file holds runs separated by more than "
          + "\(Self.duration(sessionGapSeconds)) without samples (appended with the same -l/--out file), "
          + "each read as a run of its own (--session-gap sets the gap, 0 keeps one run).")
    }
    if !generators.isEmpty {
      let counts = generators.map { "\($0.path) \($0.requests)" }.joined(separator: ", ")
      notes.append(
        "Merged from \(generators.count) load generators (--merge): percentiles are exact over the union; "
          + "requests per generator: \(counts).")
    }
    return notes
  }

  package static func duration(_ seconds: Int64) -> String {
    if seconds % 3600 == 0 { return "\(seconds / 3600) h" }
    if seconds % 60 == 0 { return "\(seconds / 60) min" }
    return "\(seconds) s"
  }
}

/// Requests one load generator's file contributed to a merged run.
public struct GeneratorCount: Sendable, Equatable, Codable {
  public var path: String
  public var requests: Int64

  public init(path: String, requests: Int64) {
    self.path = path
    self.requests = requests
  }
}
