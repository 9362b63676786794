// Settings named by path: Ingest reads the files, Planning parses the text (it reads no files).

extension ManifestLoader {
  /// Loads files and directories (searched recursively for `.yaml`/`.yml`, in path order) into one deployment.
  public func load(paths: [String]) throws -> Deployment {
    try load(SettingsFileReader.yamlFiles(paths))
  }
}

extension ProfileLoader {
  /// Reads `path` and merges it into `base`; the result is sorted by (cpu, memory, name).
  public func load(path: String, base: [Profile] = Profile.builtIns) throws -> [Profile] {
    try load(SettingsFileReader.read(path), base: base)
  }
}

extension SLOLoader {
  /// Reads the SLO file at `path`.
  public func load(path: String, thresholds: AnalysisThresholds = AnalysisThresholds()) throws
    -> ServiceLevelObjectives
  {
    try load(SettingsFileReader.read(path), thresholds: thresholds)
  }
}

extension ComponentMappingLoader {
  /// Reads the mapping file at `path`, if one is given.
  public func load(path: String?, deployment: Deployment?) throws -> ComponentMapper {
    try load(path.map(SettingsFileReader.read), deployment: deployment)
  }
}
