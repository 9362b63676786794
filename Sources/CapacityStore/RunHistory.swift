import CapacityModel
import Foundation

/// The run history every command reads and writes, whichever database holds it: `RunStore`
/// (a local SQLite file, the embedded default) or `PostgresRunStore` (a server a team shares).
///
/// Both hold the same schema and the same run ids (SHA-256 over the run's files), write a run in
/// one transaction that leaves an existing run alone, and load a run back whole, so a report
/// built from either is the same report.
public protocol RunHistory: AnyObject, Sendable {
  /// Where the history is, for messages: a file path, or a URL with any password masked.
  var location: String { get }

  /// Stores `run` unless a run with the same id exists; returns whether it was new.
  @discardableResult
  func insert(_ run: Run, ingestedAt: Date) throws(StoreError) -> Bool

  /// Whether a run with this id is stored.
  func containsRun(id: String) throws(StoreError) -> Bool

  /// Stores `run`'s request marks when its stored copy has none (stored by an earlier version).
  func addRequestMarks(of run: Run) throws(StoreError)

  /// All stored runs, oldest first.
  func listRuns() throws(StoreError) -> [StoredRun]

  /// Every stored run named `name`, oldest first, with the figures a trend shows.
  func trend(name: String) throws(StoreError) -> [TrendPoint]

  /// Loads a whole run back.
  func run(id: String) throws(StoreError) -> Run

  /// Stores a resource file's series unless the same bytes were stored before; returns whether it was new.
  @discardableResult
  func insert(_ file: ResourceFile, ingestedAt: Date) throws(StoreError) -> Bool

  /// Every stored resource file's SHA-256 and ingest time, oldest first.
  func resourceFileList() throws(StoreError) -> [StoredResourceFile]

  /// Loads a stored resource file back by its SHA-256; `nil` when it is not stored.
  func resourceFile(sha256: String) throws(StoreError) -> ResourceFile?

  /// Copies what the writes so far left in a write-ahead log into the database itself, so that
  /// closing the store has nothing left to copy and sync; a best effort (readers may hold part
  /// back), and nothing where there is no such log.
  func checkpoint()
}

/// One stored resource file, as `resourceFileList` names it.
public struct StoredResourceFile: Sendable, Equatable {
  public var sha256: String
  public var ingestedAt: Date

  public init(sha256: String, ingestedAt: Date) {
    self.sha256 = sha256
    self.ingestedAt = ingestedAt
  }
}

extension RunHistory {
  public func checkpoint() {}

  /// Stored runs that match `filter`, oldest first.
  public func listRuns(matching filter: RunFilter) throws(StoreError) -> [StoredRun] {
    try listRuns().filter(filter.matches)
  }

  /// Finds a run by full id, unique id prefix (≥ 6 characters) or unique name.
  public func resolve(_ key: String) throws(StoreError) -> String {
    let runs = try listRuns()
    if runs.contains(where: { $0.id == key }) { return key }
    var matches = runs.filter { $0.name == key }
    if matches.isEmpty, key.count >= 6 { matches = runs.filter { $0.id.hasPrefix(key) } }
    guard let first = matches.first else { throw .runNotFound(key) }
    guard matches.count == 1 else {
      throw .ambiguousRun(key, matches: matches.map { String($0.id.prefix(12)) })
    }
    return first.id
  }

  /// Every stored resource file with samples inside `span` (Unix seconds), oldest first: the
  /// measured view of runs re-rendered from the store.
  public func resourceFiles(overlapping span: ClosedRange<Double>) throws(StoreError) -> [ResourceFile] {
    var files: [ResourceFile] = []
    for stored in try resourceFileList() {
      guard let file = try resourceFile(sha256: stored.sha256) else { continue }
      if file.series.contains(where: { $0.span.map { $0.overlaps(span) } ?? false }) { files.append(file) }
    }
    return files
  }
}
