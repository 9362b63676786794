extension ReportView {
  /// One pre-rendered chart of a run: `id` is its HTML anchor, `title` its caption, `svg` its
  /// escaped markup (insert with `{{{svg}}}`).
  public struct ChartFigure: Sendable, Equatable {
    public var id: String
    public var title: String
    public var svg: String
  }
}
