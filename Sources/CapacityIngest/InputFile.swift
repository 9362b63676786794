import CapacityModel
import Crypto
import Foundation

/// A recognised input file, read whole: Locust's CSVs are small, and the bytes are hashed anyway.
public struct InputFile: Sendable, Equatable {
  public var path: String
  public var kind: InputKind
  public var bytes: [UInt8]
  /// SHA-256 of `bytes`, lowercase hex.
  public var sha256: String
  /// Raw request logs are mapped, not read: `bytes` stays empty and this holds the contents.
  public var mapping: MappedFile?

  public init(path: String, kind: InputKind, bytes: [UInt8]) {
    self.path = path
    self.kind = kind
    self.bytes = bytes
    self.sha256 = Self.hexDigest(bytes)
  }

  /// Lowercase hex SHA-256 of `bytes`.
  public static func hexDigest(_ bytes: some DataProtocol) -> String {
    SHA256.hash(data: bytes).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }

  /// A raw request log, mapped. Its hash is left empty: `RawLogRunBuilder` computes it while it
  /// parses the file on the other core.
  public init(path: String, kind: InputKind, mapping: MappedFile) {
    self.path = path
    self.kind = kind
    self.bytes = []
    self.mapping = mapping
    self.sha256 = ""
  }

  package var sourceFile: SourceFile {
    SourceFile(
      path: path, role: kind.rawValue, sha256: sha256, bytes: Int64(mapping?.count ?? bytes.count))
  }
}
