/// The shortest string a simple regular expression (`pattern`) accepts, for a made-up value:
/// literals, escapes (`\d`, `\w`, `\s`, `\.`), `.`, classes with ranges and negation, groups,
/// alternation (the first branch) and quantifiers (their least count). Anything else
/// (lookaround, back-references) gives `nil`.
enum PatternSample {
    /// A string that `pattern` matches as a whole, or `nil` when the pattern is beyond this reader.
    static func string(matching pattern: String) -> String? {
        var parser = Parser(characters: Array(pattern))
        guard let text = parser.alternation(), parser.position == parser.characters.count else { return nil }
        return text
    }

    private struct Parser {
        let characters: [Character]
        var position = 0

        mutating func alternation() -> String? {
            guard let first = sequence() else { return nil }
            while position < characters.count, characters[position] == "|" {
                position += 1
                guard sequence() != nil else { return nil }
            }
            return first
        }

        mutating func sequence() -> String? {
            var text = ""
            while position < characters.count, characters[position] != "|", characters[position] != ")" {
                let character = characters[position]
                if character == "^" || character == "$" {
                    position += 1
                    continue
                }
                guard let atom = atom(), let count = quantifier() else { return nil }
                text += String(repeating: atom, count: count)
            }
            return text
        }

        mutating func atom() -> String? {
            let character = characters[position]
            position += 1
            switch character {
            case ".": return "a"
            case "\\": return escape()
            case "[": return characterClass()
            case "(":
                if position < characters.count, characters[position] == "?" {
                    guard position + 1 < characters.count, characters[position + 1] == ":" else { return nil }
                    position += 2
                }
                guard let inner = alternation(), position < characters.count, characters[position] == ")" else { return nil }
                position += 1
                return inner
            case "*", "+", "?", "{", ")": return nil
            default: return String(character)
            }
        }

        mutating func escape() -> String? {
            guard position < characters.count else { return nil }
            let character = characters[position]
            position += 1
            switch character {
            case "d": return "1"
            case "w": return "a"
            case "s": return " "
            case "D", "W", "S": return "-"
            case "n": return "\n"
            case "t": return "\t"
            default: return character.isLetter || character.isNumber ? nil : String(character)
            }
        }

        /// `[...]`: its first member; for `[^...]`, the first of a few candidates it leaves out.
        mutating func characterClass() -> String? {
            var negated = false
            if position < characters.count, characters[position] == "^" {
                negated = true
                position += 1
            }
            var members: [ClosedRange<Character>] = []
            var first = true
            while position < characters.count, characters[position] != "]" || first {
                first = false
                var low = characters[position]
                position += 1
                if low == "\\" {
                    guard position < characters.count else { return nil }
                    let escaped = characters[position]
                    position += 1
                    switch escaped {
                    case "d":
                        members.append("0"..."9")
                        continue
                    case "w":
                        members += ["a"..."z", "A"..."Z", "0"..."9", "_"..."_"]
                        continue
                    case "s":
                        members.append(" "..." ")
                        continue
                    default: low = escaped
                    }
                }
                if position + 1 < characters.count, characters[position] == "-", characters[position + 1] != "]" {
                    let high = characters[position + 1]
                    position += 2
                    guard low <= high else { return nil }
                    members.append(low...high)
                } else {
                    members.append(low...low)
                }
            }
            guard position < characters.count else { return nil }
            position += 1
            if !negated { return members.first.map { String($0.lowerBound) } }
            let candidates: [Character] = ["a", "0", "_", "x", "Z", "-", " "]
            return candidates.first { candidate in !members.contains { $0.contains(candidate) } }.map(String.init)
        }

        /// How often the atom before repeats: the quantifier's least count (1 without one).
        mutating func quantifier() -> Int? {
            guard position < characters.count else { return 1 }
            var count = 1
            switch characters[position] {
            case "?", "*":
                count = 0
                position += 1
            case "+":
                position += 1
            case "{":
                guard let close = characters[position...].firstIndex(of: "}") else { return nil }
                let inside = String(characters[(position + 1)..<close])
                guard let least = Int(inside.split(separator: ",", omittingEmptySubsequences: false).first ?? "") else { return nil }
                count = least
                position = close + 1
            default:
                return 1
            }
            // A lazy or possessive marker changes nothing here.
            if position < characters.count, characters[position] == "?" || characters[position] == "+" { position += 1 }
            return count
        }
    }
}
