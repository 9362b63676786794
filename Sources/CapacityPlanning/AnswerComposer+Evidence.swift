import CapacityAnalysis
import CapacityModel

extension AnswerComposer {
  /// Sentences on what the runs showed, naming the runs left out and why.
  public func evidence(_ analyses: [RunAnalysis]) -> [String] {
    var sentences: [String] = []
    let usable = analyses.filter { $0.validity.verdict != .invalid && $0.requests != nil }
    let slo =
      "p95 ≤ \(NumberFormat.milliseconds(thresholds.sloP95Ms)), errors ≤ "
      + NumberFormat.percent(thresholds.sloErrorRate)
    if usable.isEmpty {
      sentences.append("No run is valid evidence, so nothing was measured about the application.")
    } else {
      let within = usable.filter { $0.meetsSLO(thresholds) }.max {
        $0.requestsPerSecond < $1.requestsPerSecond
      }
      if let within {
        sentences.append(
          "The heaviest load within the SLO (\(slo)) was \(within.run.name): "
            + "\(NumberFormat.decimal(within.requestsPerSecond, places: 1)) req/s"
            + (within.usersMax.map { " with \($0) users" } ?? "")
            + ", p95 \(NumberFormat.milliseconds(within.latency.p95)).")
      } else {
        sentences.append("No valid run stayed within the SLO (\(slo)).")
      }
      if let busiest = usable.max(by: { $0.requestsPerSecond < $1.requestsPerSecond }), busiest != within {
        sentences.append(
          "The busiest valid run, \(busiest.run.name), carried "
            + "\(NumberFormat.decimal(busiest.requestsPerSecond, places: 1)) req/s at p95 "
            + "\(NumberFormat.milliseconds(busiest.latency.p95)) and "
            + "\(NumberFormat.percent(busiest.errorRate)) errors.")
      }
    }
    let invalid = analyses.filter { $0.validity.verdict == .invalid }
    if !invalid.isEmpty {
      let names = invalid.map { run in
        let cause = run.validity.reasons.first?.split(separator: ":").first.map(String.init) ?? "invalid"
        return "\(run.run.name) (\(cause))"
      }
      sentences.append("Left out as INVALID: \(Quantities.list(names)).")
    }
    return sentences
  }

  /// Why each run that missed an objective missed it, one sentence per run, in run order.
  public func causes(_ analyses: [RunAnalysis], plan: CapacityPlan) -> [String] {
    analyses.compactMap { analysis in plan.sloCauses[analysis.run.id]?.sentence(run: analysis.run.name) }
  }

  /// For the answer: what a functional miss means for sizing, naming the endpoints and error types.
  /// Endpoints failing with error types of their own inside a run with another main cause are named too.
  public func functionalNote(_ analyses: [RunAnalysis], plan: CapacityPlan) -> String? {
    func describe(_ kind: (SLOCause.Kind) -> Bool) -> [String] {
      analyses.compactMap { analysis in
        guard let cause = plan.sloCauses[analysis.run.id], kind(cause.kind), !cause.endpoints.isEmpty else {
          return nil
        }
        return Quantities.list(cause.endpoints)
          + (cause.errorTypes.isEmpty ? " (slow)" : " (\(cause.errorTypes.joined(separator: ", ")))")
          + " in \(analysis.run.name)"
      }
    }
    let functional = describe { $0 == .functional }
    let inside = describe { $0 != .functional }
    var sentences: [String] = []
    if !functional.isEmpty {
      sentences.append(
        "The SLO miss on \(Quantities.list(functional)) is functional, not capacity: a larger profile will not "
          + "fix it; fix the endpoint"
          + sizing(plan))
    }
    if !inside.isEmpty {
      sentences.append(
        "\(Quantities.list(inside)) also fails with errors of its own: a functional fault that a larger "
          + "profile will not fix.")
    }
    return sentences.isEmpty ? nil : sentences.joined(separator: " ")
  }

  private func sizing(_ plan: CapacityPlan) -> String {
    if !plan.sizedFromHealthyEndpoints.isEmpty {
      return
        ", and the sizing above uses the healthy endpoints of \(Quantities.list(plan.sizedFromHealthyEndpoints)) "
        + "(their highest endpoint p95 as an upper bound)."
    }
    if plan.sizing != nil {
      return "; its other endpoints missed the SLO too, so the sizing above uses the other runs only."
    }
    return
      "; its other endpoints missed the SLO too, so the runs cannot size the application until both are fixed."
  }
}
