import Foundation

/// libpq's password file (`PGPASSFILE`, else `~/.pgpass`): lines `host:port:database:user:password`,
/// `*` matching anything in the first four fields, `\:` and `\\` escaping, `#` starting a comment,
/// the first matching line winning. As libpq does, a file that its group or others may read is
/// ignored with a warning (its mode must be 0600 or less), and so is one that is not a plain file.
package enum PasswordFile {
  struct Lookup: Equatable {
    var password: String?
    var warning: String?
  }

  static func lookup(
    host: String, port: Int, database: String, user: String, environment: [String: String], home: String
  ) -> Lookup {
    let path = environment["PGPASSFILE"] ?? (home as NSString).appendingPathComponent(".pgpass")
    var status = stat()
    guard stat(path, &status) == 0 else { return Lookup() }
    guard status.st_mode & 0o170000 == 0o100000 else {
      return Lookup(warning: "password file \"\(path)\" is not a plain file; it is ignored")
    }
    guard status.st_mode & 0o077 == 0 else {
      return Lookup(
        warning: "password file \"\(path)\" has group or world access; permissions should be u=rw (0600) "
          + "or less; it is ignored")
    }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return Lookup() }
    let wanted = [host, String(port), database, user]
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = Self.fields(String(line))
      guard fields.count == 5 else { continue }
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) {
        return Lookup(password: fields[4])
      }
    }
    return Lookup()
  }

  /// The line's fields, escapes resolved; the fifth holds the rest of the line (colons and all).
  package static func fields(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":", fields.count < 4 {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    return fields
  }
}
