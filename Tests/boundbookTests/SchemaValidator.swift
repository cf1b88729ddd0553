import Foundation

/// A validator for the subset of JSON Schema (draft 2020-12) that docs/schema/report.schema.json
/// uses: `type` (one or several), `enum`, `const`, `properties`, `required`,
/// `additionalProperties` (false or a schema), `items`, `oneOf`, `anyOf`, `minimum` and local
/// `$ref`s to `#/$defs/…`. A keyword outside the subset is itself reported, so the schema
/// cannot silently ask for more than is checked.
struct SchemaValidator {
    let root: [String: Any]

    static let known: Set<String> = [
        "$schema", "$id", "$defs", "$comment", "title", "description", "type", "enum", "const", "properties", "required",
        "additionalProperties", "items", "oneOf", "anyOf", "minimum", "$ref", "examples",
    ]

    /// The problems of `value` against the root schema: "path: what is wrong" (empty: valid).
    func problems(_ value: Any) -> [String] { problems(value, root, "$") }

    func problems(_ value: Any, _ schema: [String: Any], _ path: String) -> [String] {
        var found: [String] = []
        for key in schema.keys where !Self.known.contains(key) { found.append("\(path): the validator does not know the keyword \(key)") }
        if let ref = schema["$ref"] as? String {
            guard ref.hasPrefix("#/$defs/"), let defs = root["$defs"] as? [String: Any], let target = defs[String(ref.dropFirst(8))] as? [String: Any] else {
                return found + ["\(path): unresolvable $ref \(ref)"]
            }
            found += problems(value, target, path)
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? "?"]
            if !types.contains(where: { Self.matches(value, $0) }) { return found + ["\(path): expected \(types.joined(separator: " or ")), got \(Self.describe(value))"] }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            found.append("\(path): \(Self.describe(value)) is not one of \(options)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) { found.append("\(path): expected the constant \(constant)") }
        if let minimum = schema["minimum"] as? NSNumber, let number = value as? NSNumber, !Self.isBool(value), number.doubleValue < minimum.doubleValue {
            found.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { found.append("\(path): missing \(name)") }
            for (name, member) in object {
                if let sub = properties[name] as? [String: Any] {
                    found += problems(member, sub, "\(path).\(name)")
                } else if let extra = schema["additionalProperties"] {
                    if Self.isBool(extra), (extra as? NSNumber)?.boolValue == false {
                        found.append("\(path): unexpected member \(name)")
                    } else if let sub = extra as? [String: Any] {
                        found += problems(member, sub, "\(path).\(name)")
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, item) in array.enumerated() { found += problems(item, items, "\(path)[\(i)]") }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { problems(value, $0, path).isEmpty }.count
            if passing != 1 { found.append("\(path): matches \(passing) of the oneOf alternatives, not exactly one") }
        }
        if let options = schema["anyOf"] as? [[String: Any]], !options.contains(where: { problems(value, $0, path).isEmpty }) {
            found.append("\(path): matches none of the anyOf alternatives")
        }
        return found
    }

    static func isBool(_ value: Any) -> Bool {
        // JSONSerialization makes true and false NSNumbers of Objective-C type "c" (char).
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "integer":
            guard let n = value as? NSNumber, !isBool(value) else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "number": return value is NSNumber && !isBool(value)
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if isBool(a) != isBool(b) { return false }
        if let x = a as? NSNumber, let y = b as? NSNumber { return x == y }
        return a is NSNull && b is NSNull
    }

    static func describe(_ value: Any) -> String {
        for type in ["null", "boolean", "integer", "number", "string", "array", "object"] where matches(value, type) { return type }
        return "\(value)"
    }
}
