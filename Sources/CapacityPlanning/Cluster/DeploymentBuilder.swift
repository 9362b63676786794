import CapacityModel

/// Turns the objects read (after admission) into the deployment's components and the cluster view.
package struct DeploymentBuilder {
  package var objects: [ManifestObject]
  package var compose: [Component]

  package func deployment() -> Deployment {
    guard !objects.isEmpty else { return Deployment(components: compose) }
    let result = ClusterSimulator(objects: objects).run()
    var view = result.view
    var components = compose
    for (index, object) in objects.enumerated() {
      guard case .workload(let spec) = object.content, let outcome = result.admittedTemplates[index] else {
        if case .other = object.content {
          view.ignored.append(.init(kind: object.kind, name: object.name, file: object.file))
        }
        continue
      }
      let requests = outcome.pod.requests
      if object.kind == "Job" || object.kind == "CronJob" {
        view.batch.append(
          .init(
            name: object.name, kind: object.kind, namespace: object.namespace, pods: spec.parallelism ?? 1,
            cpuMillicores: requests["cpu"]?.milliValue ?? 0, memoryBytes: requests["memory"]?.value ?? 0,
            schedule: spec.schedule))
        continue
      }
      var component = Self.component(
        object, outcome: outcome, replicas: result.steadyReplicas[index] ?? spec.replicas ?? 1)
      if let autoscaler = result.autoscalers[index],
        let name = view.autoscalers.first(where: {
          $0.namespace == object.namespace && $0.target == "\(object.kind)/\(object.name)"
        })?.name
      {
        component.autoscaler = AutoscalerRange(
          name: name, minReplicas: autoscaler.minReplicas, maxReplicas: autoscaler.maxReplicas)
        component.manifestReplicas = spec.replicas ?? 1
      }
      components.append(component)
    }
    var deployment = Deployment(components: components)
    deployment.cluster = view
    deployment.objects = objects
    return deployment
  }

  /// Effective per-pod values; a limit is unknown as soon as one container has none.
  package static func component(_ object: ManifestObject, outcome: LimitRanger.Outcome, replicas: Int)
    -> Component
  {
    let pod = outcome.pod
    let requests = pod.requests
    let limits = pod.limits
    let all = pod.containers + pod.initContainers
    var missing: [String] = []
    for container in all {
      for resource in ["cpu", "memory"] where container.requests[resource] == nil {
        missing.append("\(container.name): \(resource)")
      }
    }
    func limit(_ resource: String) -> Quantity? {
      all.contains { $0.limits[resource] == nil } ? nil : limits[resource]
    }
    var component = Component(
      name: object.name, kind: object.kind, replicas: replicas,
      cpuRequestMillicores: requests["cpu"]?.milliValue ?? 0,
      memoryRequestBytes: requests["memory"]?.value ?? 0,
      cpuLimitMillicores: limit("cpu")?.milliValue, memoryLimitBytes: limit("memory")?.value,
      missingRequests: missing.sorted(), source: object.file)
    component.namespace = object.namespace
    component.ephemeralStorageRequestBytes = requests["ephemeral-storage"]?.value
    component.limitRangeDefaults = outcome.defaults
    return component
  }
}
