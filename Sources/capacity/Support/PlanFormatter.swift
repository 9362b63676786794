import CapacityKit

/// `capacity plan` and `capacity profiles` output.
enum PlanFormatter {
  static func profiles(_ profiles: [Profile]) -> String {
    var lines = ["NAME          CPU   MEMORY     OVERHEAD"]
    for profile in profiles {
      let overhead = profile.overhead.summary
      lines.append(
        RunListFormatter.pad(profile.name, 13) + " "
          + RunListFormatter.pad(Quantities.cpu(profile.cpuMillicores), 5)
          + " " + RunListFormatter.pad(Quantities.memory(profile.memoryBytes), 10) + " " + overhead)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func table(_ plan: CapacityPlan) -> String {
    guard let deployment = plan.deployment else { return "no deployment\n" }
    var lines = ["COMPONENT           KIND          REPLICAS  CPU/REPLICA  MEM/REPLICA"]
    for component in deployment.components {
      lines.append(
        [
          RunListFormatter.pad(component.name, 19), RunListFormatter.pad(component.kind, 13),
          RunListFormatter.lpad("\(component.replicas)", 8),
          RunListFormatter.lpad(Quantities.cpu(component.cpuRequestMillicores), 12),
          RunListFormatter.lpad(Quantities.memory(component.memoryRequestBytes), 12),
        ].joined(separator: " "))
    }
    let footprint = Footprint(deployment)
    lines.append(
      "total requests: \(Quantities.cpu(footprint.cpuRequestMillicores)) CPU, "
        + Quantities.memory(footprint.memoryRequestBytes))
    lines.append("")
    for fit in plan.fits {
      lines.append(
        "\(RunListFormatter.pad(fit.profile.name, 10)) cpu \(fit.cpuRequestsPercent) %  memory "
          + "\(fit.memoryRequestsPercent) %  \(fit.verdict.rawValue)")
      for reason in fit.reasons { lines.append("    - \(reason)") }
      if !fit.scaleDown.isEmpty {
        lines.append("    - to fit, scale down: " + fit.scaleDown.map(\.description).joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
