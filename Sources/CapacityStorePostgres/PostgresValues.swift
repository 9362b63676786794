import CapacityStore
import Foundation
import GRDB
import PostgresNIO

/// Values between GRDB and PostgreSQL: the store's rows are encoded once, by GRDB's records, into
/// `DatabaseValue`s (integer, real, text, blob), bound as int8, float8, text and bytea; rows read
/// back become GRDB `Row`s, so the records and queries decode them exactly as they decode SQLite's.
enum PostgresValues {
  static func bindings(_ values: [DatabaseValue]) -> PostgresBindings {
    var bindings = PostgresBindings(capacity: values.count)
    for value in values {
      switch value.storage {
      case .null: bindings.appendNull()
      case .int64(let integer): bindings.append(integer)
      case .double(let real): bindings.append(real)
      case .string(let text): bindings.append(text)
      case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
      }
    }
    return bindings
  }

  static func row(_ row: PostgresRow) throws(StoreError) -> Row {
    var values: [String: (any DatabaseValueConvertible)?] = [:]
    for cell in row {
      do {
        values[cell.columnName] = try value(cell)
      } catch {
        throw .corrupt(table: cell.columnName, detail: "a \(cell.dataType) value that cannot be read")
      }
    }
    return Row(values)
  }

  private static func value(_ cell: PostgresCell) throws -> (any DatabaseValueConvertible)? {
    guard cell.bytes != nil else { return nil }
    switch cell.dataType {
    case .int2, .int4, .int8: return try cell.decode(Int64.self)
    case .float4, .float8, .numeric: return try cell.decode(Double.self)
    case .bool: return try cell.decode(Bool.self)
    case .bytea: return try cell.decode(Data.self)
    default: return try cell.decode(String.self)
    }
  }

  /// `sql` with each `?` outside quotes replaced by `$1`, `$2`, …
  static func numberingPlaceholders(_ sql: String) -> String {
    var result = ""
    var number = 0
    var quote: Character?
    for character in sql {
      if let open = quote {
        if character == open { quote = nil }
        result.append(character)
      } else if character == "'" || character == "\"" {
        quote = character
        result.append(character)
      } else if character == "?" {
        number += 1
        result += "$\(number)"
      } else {
        result.append(character)
      }
    }
    return result
  }
}
