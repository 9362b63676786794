import CapacityModel

/// A `ReportRenderer` whose bundled templates are parsed on another core while the caller goes
/// on (opening the store, reading the runs): their parse is 20 ms of a small run's serial start.
/// Templates from a directory are parsed at once, so a broken one fails the command before any
/// run is stored.
public struct ReportRendererLoad: Sendable {
  private let load: BackgroundResult<ReportRenderer, ReportError>

  public init(templatesDirectory directory: String?) throws(ReportError) {
    if let directory {
      let renderer = try ReportRenderer(templatesDirectory: directory)
      load = BackgroundResult { () throws(ReportError) in renderer }
    } else {
      load = BackgroundResult { () throws(ReportError) in try ReportRenderer() }
    }
  }

  /// The renderer, once its templates are parsed.
  public func renderer() throws(ReportError) -> ReportRenderer { try load.value() }
}
