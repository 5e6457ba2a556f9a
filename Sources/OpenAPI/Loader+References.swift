import Diagnostics
import YAML

extension Loader {
    /// The `$ref` string of `node` and the mark of its value, when `node` is a reference object.
    func referenceString(of node: YAMLNode) -> (String, SourceMark)? {
        guard let pairs = node.mapping else { return nil }
        for pair in pairs where pair.key.string == "$ref" {
            guard let text = string(pair.value, "'$ref'") else { return nil }
            return (text, pair.value.mark)
        }
        return nil
    }

    /// Follows `node` through any chain of `$ref`s, within its file or to others, to the object
    /// it stands for. Reports unresolved, external and cyclic references at the `$ref` that fails.
    func resolved(_ node: YAMLNode) -> YAMLNode? {
        var current = node
        var seen: [ReferenceTarget] = []
        while let (reference, mark) = referenceString(of: current) {
            guard let (target, found) = locate(reference, at: mark) else { return nil }
            if seen.contains(target) {
                log.error("reference cycle: \((seen + [target]).map(describe).joined(separator: " → "))", at: mark)
                return nil
            }
            seen.append(target)
            current = found
        }
        return current
    }

    /// The node a reference points at, or `nil` with an error.
    func target(of reference: String, at mark: SourceMark) -> YAMLNode? {
        locate(reference, at: mark)?.node
    }

    /// Where a reference written at `mark` points (`other.yaml#/a/b` relative to the file `mark`
    /// is in, or `#/a/b` within that file), and the node there; `nil` with an error at `mark`.
    func locate(_ reference: String, at mark: SourceMark) -> (target: ReferenceTarget, node: YAMLNode)? {
        let hash = reference.firstIndex(of: "#")
        let filePart = hash.map { reference[..<$0] } ?? reference[...]
        let fragment = hash.map { String(reference[$0...]) } ?? "#"
        var fileIndex = fileRoots.indices.contains(mark.fileIndex) ? mark.fileIndex : 0
        if !filePart.isEmpty {
            guard let index = referencedFile(String(filePart), reference: reference, at: mark) else { return nil }
            fileIndex = index
        }
        let target = ReferenceTarget(fileIndex: fileIndex, fragment: fragment)
        if let cached = resolvedTargets[target] { return (target, cached) }
        guard let tokens = Self.pointerTokens(fragment), let root = fileRoots[fileIndex], let found = Self.node(at: tokens, in: root) else {
            log.error("unresolved reference '\(reference)'", at: mark)
            return nil
        }
        // The trees do not change during a load, so a target that resolved once resolves to the
        // same node again; failures are not kept, so that each one is reported where it is.
        resolvedTargets[target] = found
        return (target, found)
    }

    /// A target as messages name it: `#/a/b` in the spec, `path#/a/b` in another file.
    func describe(_ target: ReferenceTarget) -> String {
        target.fileIndex == 0 ? target.fragment : log.files[target.fileIndex] + (target.fragment == "#" ? "" : target.fragment)
    }

    /// The decoded tokens of a `#/a/b~1c` fragment, or `nil` when it is not a JSON pointer.
    static func pointerTokens(_ reference: String) -> [String]? {
        if let tokens = asciiPointerTokens(reference) { return tokens }
        var fragment = String(reference.dropFirst())
        if fragment.isEmpty { return [] }
        guard fragment.hasPrefix("/") else { return nil }
        fragment = percentDecoded(fragment) ?? fragment
        return fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            // Only a token with an escape needs the (costly) replacing.
            $0.contains("~") ? String($0).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String($0)
        }
    }

    /// `pointerTokens` for the common case, a `#/a/b` pointer of ASCII bytes without `%` or `~`
    /// escapes, split on bytes; `nil` for any other reference (which takes the general path, whose
    /// answer for this case is the same).
    private static func asciiPointerTokens(_ reference: String) -> [String]? {
        let slash = UInt8(ascii: "/")
        return reference.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == slash else { return nil }
            for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "~") {
                return nil
            }
            var tokens: [String] = []
            var start = 2
            for index in 2..<bytes.count where bytes[index] == slash {
                tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return tokens
        } ?? nil
    }

    /// The node at `tokens` below `root`.
    static func node(at tokens: [String], in root: YAMLNode) -> YAMLNode? {
        var current = root
        for token in tokens {
            switch current.content {
            case .mapping:
                guard let next = current[token] else { return nil }
                current = next
            case .sequence(let items):
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                current = items[index]
            case .scalar:
                return nil
            }
        }
        return current
    }

    /// `%XX` escapes decoded as UTF-8; `nil` when an escape is malformed.
    static func percentDecoded(_ text: String) -> String? {
        // The byte test is cheap and settles the usual case; a `%` byte may still be part of a
        // larger character, which the character test below tells apart.
        guard text.utf8.contains(UInt8(ascii: "%")), text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return nil }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// Replaces every occurrence of `target` with `replacement` (Foundation-free).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
