/// The forecast check: fit on the lower half of the steps, predict the upper half, so readers see
/// how far the model can be trusted beyond the loads it was fitted on.
public struct USLForecast: Sendable, Equatable {
  public struct Prediction: Sendable, Equatable {
    public var users: Double
    public var measured: Double
    public var predicted: Double
    /// (predicted − measured) ÷ measured.
    public var relativeError: Double
  }

  public var fittedUsers: [Double]
  public var model: USLModel
  public var predictions: [Prediction]
  /// Mean absolute relative error over the predictions.
  public var meanAbsoluteError: Double

  /// `nil` when the lower half has fewer than 3 distinct N or the upper half is empty.
  public static func check(_ points: [USLFit.Point]) -> USLForecast? {
    let sorted = points.sorted { $0.users < $1.users }
    let half = sorted.count / 2
    let lower = Array(sorted.prefix(half))
    let upper = Array(sorted.dropFirst(half))
    guard !upper.isEmpty, let (model, _, _) = USLFitter.estimate(lower) else { return nil }
    let predictions = upper.map { point in
      let predicted = model.throughput(at: point.users)
      return Prediction(
        users: point.users, measured: point.throughput, predicted: predicted,
        relativeError: point.throughput > 0 ? (predicted - point.throughput) / point.throughput : 0)
    }
    let mean = predictions.map { abs($0.relativeError) }.reduce(0, +) / Double(predictions.count)
    return USLForecast(
      fittedUsers: lower.map(\.users), model: model, predictions: predictions, meanAbsoluteError: mean)
  }
}
