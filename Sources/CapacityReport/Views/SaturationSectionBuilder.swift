import CapacityModel

/// Formats a `saturation` entry of the report for the templates.
package struct SaturationSectionBuilder {
  package func section(_ entry: ReportDocument.SaturationEntry, sloP95Ms: Double)
    -> ReportView.SaturationSection
  {
    let chart = SaturationChart()
    let usl = entry.usl
    func estimate(_ name: String, _ e: ReportDocument.EstimateEntry, _ places: Int) -> String {
      "\(name) = \(NumberFormat.decimal(e.value, places: places)) ± \(NumberFormat.decimal(e.stdError, places: places)) "
        + "(95 % CI \(NumberFormat.decimal(e.ci95Low, places: places)) … \(NumberFormat.decimal(e.ci95High, places: places)))"
    }
    var fit = ""
    if let usl {
      let peak = usl.nStar.map { n in
        "N* = \(NumberFormat.decimal(n, places: 0)) users (bootstrap 95 % CI "
          + "\(usl.nStarCi95Low.map { NumberFormat.decimal($0, places: 0) } ?? "–") … "
          + "\(usl.nStarCi95High.map { NumberFormat.decimal($0, places: 0) } ?? "unbounded"), B = \(usl.bootstrapReplicates), "
          + "seed \(usl.bootstrapSeed)), X_max = \(usl.xMaxRps.map { NumberFormat.decimal($0, places: 1) } ?? "–") req/s"
      }
      let roof = usl.xRoofRps.map { "X_roof = λ/σ = \(NumberFormat.decimal($0, places: 1)) req/s" }
      fit = ([peak, roof].compactMap { $0 } + ["df = \(usl.dfResidual)", "start values: \(usl.start)"])
        .joined(separator: "; ")
    }
    let capacity = entry.capacityAtSlo.map { capacity -> String in
      let users = NumberFormat.decimal(capacity.users, places: 0)
      let rps = NumberFormat.decimal(capacity.rps, places: 1)
      switch capacity.bound {
      case "at_least": return "at least \(users) users (\(rps) req/s): every step met the objectives"
      case "below":
        return "below \(users) users: the lightest step broke \(capacity.limitedBy ?? "an objective")"
      default: return "\(users) users (\(rps) req/s), limited by \(capacity.limitedBy ?? "an objective")"
      }
    }
    let knees = [
      entry.kneeThroughputUsers.map {
        "throughput knee at \($0) users (\(entry.kneeThroughputTrusted == true ? "a rule agrees" : "no rule agrees: not trusted"))"
      },
      entry.kneeP95Users.map {
        "p95 knee at \($0) users (\(entry.kneeP95Trusted == true ? "a rule agrees" : "no rule agrees: not trusted"))"
      },
    ].compactMap { $0 }.joined(separator: "; ")
    let forecast = entry.forecast.map { forecast in
      "Fitted on \(forecast.fittedUsers.map { NumberFormat.decimal($0, places: 0) }.joined(separator: ", ")) users, "
        + "the model predicts the heavier steps with a mean absolute error of "
        + "\(NumberFormat.decimal(forecast.meanAbsErrorPct, places: 1)) % ("
        + forecast.predictions.map {
          "\(NumberFormat.decimal($0.users, places: 0)): \(NumberFormat.decimal($0.predictedRps, places: 1)) vs "
            + "\(NumberFormat.decimal($0.measuredRps, places: 1)) req/s"
        }.joined(separator: "; ") + ")."
        + (forecast.trusted == false
          ? " Above the \(NumberFormat.decimal(forecast.limitPct ?? 0, places: 0)) % limit: the model is not trusted "
            + "beyond the measured range, so N* and X_max are not used and sizing uses the measured steps only."
          : "")
    }
    return ReportView.SaturationSection(
      source: entry.source, throughputSVG: chart.throughput(entry) ?? "",
      latencySVG: chart.latency(entry, sloP95Ms: sloP95Ms) ?? "",
      saturationPoint: entry.saturationPoint.map { "\($0.users) users — \($0.rule): \($0.detail)" }
        ?? "not reached: no rule tripped",
      bottleneck: entry.bottleneck, capacity: capacity ?? "–", fit: fit, hasFit: usl != nil,
      coefficients: usl.map {
        [estimate("σ", $0.sigma, 5), estimate("κ", $0.kappa, 7), estimate("λ", $0.lambda, 4)]
      } ?? [], uslMissing: entry.uslMissing ?? "", forecast: forecast ?? "no forecast check (too few steps)",
      knees: knees.isEmpty ? "none found" : knees,
      rules: entry.rules.map { "\($0.users) users — \($0.rule): \($0.detail)" },
      notes: entry.notes)
  }
}
