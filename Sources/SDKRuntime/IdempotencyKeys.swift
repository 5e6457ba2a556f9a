import Foundation

/// Idempotency keys the SDK fills in when the caller leaves them out, so that a retried `POST`
/// cannot do its work twice: the key is made once per call, before the first attempt, and every
/// attempt sends the same bytes.
public enum IdempotencyKey {
    /// A new key: a random UUID, lowercase.
    public static func make() -> String {
        UUID().uuidString.lowercased()
    }
}

extension APIRequest {
    /// Fills every idempotency-key property of the JSON body that is absent or `null` with a new
    /// key, one per object: `paths` name where they sit, each a list of object keys where `*`
    /// stands for every item of an array (`["message", "parts", "*", "idempotency_key"]`).
    ///
    /// A body that is not JSON, or has no object where a path leads, is left as it is; a key the
    /// caller gave is kept. The body is encoded again only when a key was added.
    public mutating func fillIdempotencyKeys(at paths: [[String]]) {
        guard let body, !body.isEmpty, var value = try? JSONDecoder().decode(JSONValue.self, from: body) else { return }
        var added = false
        for path in paths where !path.isEmpty {
            Self.fill(&value, path: path[...], added: &added)
        }
        guard added, let encoded = try? JSONCoding.makeEncoder().encode(value) else { return }
        self.body = encoded
    }

    private static func fill(_ value: inout JSONValue, path: ArraySlice<String>, added: inout Bool) {
        guard let first = path.first else { return }
        let rest = path.dropFirst()
        switch value {
        case .array(var items) where first == "*":
            for index in items.indices { fill(&items[index], path: rest, added: &added) }
            value = .array(items)
        case .object(var object):
            if rest.isEmpty {
                switch object[first] {
                case nil, .null?:
                    object[first] = .string(IdempotencyKey.make())
                    added = true
                default:
                    return
                }
            } else {
                guard var child = object[first] else { return }
                fill(&child, path: rest, added: &added)
                object[first] = child
            }
            value = .object(object)
        default:
            return
        }
    }
}
