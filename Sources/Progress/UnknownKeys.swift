/// The keys of one JSON object in a session file or log line that this nelm does not know,
/// with their values, kept so that a save writes them back.
///
/// A newer nelm may add keys without a new `schemaVersion` (an older one reads the file
/// fine); dropping them at the next save would lose what the newer one recorded.
public struct UnknownKeys: Sendable, Equatable {
  /// The values by key.
  public var values: [String: KeptJSON] = [:]

  /// No unknown keys.
  public init() {}

  /// The keys of the object `decoder` holds that are not in `known`; none, without looking,
  /// when the decoder says the document has no unknown key (`JSONInspection` found none:
  /// listing every object's keys costs a good part of an open).
  init(from decoder: any Decoder, known: Set<String>) throws {
    guard decoder.userInfo[.documentHasUnknownKeys] as? Bool != false else { return }
    let container = try decoder.container(keyedBy: AnyKey.self)
    for key in container.allKeys where !known.contains(key.stringValue) {
      values[key.stringValue] = try container.decode(KeptJSON.self, forKey: key)
    }
  }

  /// Adds the kept keys to the object `encoder` is writing.
  func encode(to encoder: any Encoder) throws {
    guard !values.isEmpty else { return }
    var container = encoder.container(keyedBy: AnyKey.self)
    for (key, value) in values {
      try container.encode(value, forKey: AnyKey(key))
    }
  }
}

/// A JSON value nelm does not interpret, as it was read.
public indirect enum KeptJSON: Codable, Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number written without fraction or exponent that fits 64 bits.
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([KeptJSON])
  case object([String: KeptJSON])

  /// Reads any JSON value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let flag = try? container.decode(Bool.self) {
      self = .bool(flag)
    } else if let integer = try? container.decode(Int64.self) {
      self = .integer(integer)
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let text = try? container.decode(String.self) {
      self = .string(text)
    } else if let items = try? container.decode([KeptJSON].self) {
      self = .array(items)
    } else {
      self = .object(try container.decode([String: KeptJSON].self))
    }
  }

  /// Writes the value back.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let flag): try container.encode(flag)
    case .integer(let integer): try container.encode(integer)
    case .number(let number): try container.encode(number)
    case .string(let text): try container.encode(text)
    case .array(let items): try container.encode(items)
    case .object(let members): try container.encode(members)
    }
  }
}

/// A coding key for any string: how unknown keys are read and written.
struct AnyKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }

  init(_ string: String) { stringValue = string }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension CodingUserInfoKey {
  /// `false` when `JSONInspection` found no key the records do not know, so `UnknownKeys`
  /// need not look for any.
  static let documentHasUnknownKeys: CodingUserInfoKey = {
    guard let key = CodingUserInfoKey(rawValue: "nelm.documentHasUnknownKeys") else {
      preconditionFailure("CodingUserInfoKey takes any raw value")
    }
    return key
  }()
}
