import CapacityModel

extension ReportViewBuilder {
  /// A run's requests per status class as table rows (the classes that occur), or the one line
  /// that says why the run has none.
  static func statusCodeRows(_ entry: ReportDocument.RunEntry) -> (rows: [ReportView.StatusRow], note: String)
  {
    guard let codes = entry.statusCodes else {
      let why =
        entry.tool == "locust"
        ? "Locust's CSVs carry no per-request status codes"
        : "the file had no status code column (JMeter responseCode, k6 status)"
      return ([], "Status codes per second: not shown, \(why).")
    }
    let counted = codes.counts.reduce(Int64(0)) { $0 + $1.1 }
    let rows = codes.counts.filter { $0.1 > 0 }.map { statusClass, requests in
      ReportView.StatusRow(
        statusClass: statusClass.label, requests: "\(requests)",
        share: NumberFormat.percent(Double(requests) / Double(max(counted, 1)), places: 2))
    }
    return (rows, "")
  }
}
