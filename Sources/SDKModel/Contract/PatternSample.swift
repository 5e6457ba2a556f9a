/// The shortest string a simple regular expression (`pattern`) accepts, for a made-up value:
/// literals, escapes (`\d`, `\w`, `\s`, `\.`), `.`, classes with ranges and negation, groups,
/// alternation (the first branch) and quantifiers (their least count). Anything else
/// (lookaround, back-references) gives `nil`. Variant `n` makes the first choice of the pattern
/// (an alternation or a class) take its `n`-th option instead, for distinct values of one pattern.
enum PatternSample {
    /// A string that `pattern` matches as a whole, or `nil` when the pattern is beyond this reader.
    static func string(matching pattern: String, variant: Int = 0) -> String? {
        var parser = Parser(characters: Array(pattern), variant: variant)
        guard let text = parser.alternation(), parser.position == parser.characters.count else { return nil }
        return text
    }

    private struct Parser {
        let characters: [Character]
        /// The option the next choice takes; 0 once a choice has taken it.
        var variant: Int
        var position = 0

        init(characters: [Character], variant: Int) {
            self.characters = characters
            self.variant = variant
        }

        /// The first branch; with a variant and several branches, branch `variant % count`, its
        /// own choices taking `variant / count`. A single branch passes the variant on.
        mutating func alternation() -> String? {
            let start = position, mine = variant
            variant = 0
            var branches: [String] = []
            repeat {
                if !branches.isEmpty { position += 1 }
                guard let branch = sequence() else { return nil }
                branches.append(branch)
            } while position < characters.count && characters[position] == "|"
            guard mine > 0 else { return branches[0] }
            let end = position, count = branches.count, chosen = mine % count
            position = start
            var text = branches[0]
            for index in branches.indices {
                if index > 0 { position += 1 }
                variant = index != chosen ? 0 : count == 1 ? mine : mine / count
                guard let branch = sequence() else { return nil }
                if index == chosen { text = branch }
            }
            position = end
            if count > 1 { variant = 0 }
            return text
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
            if !negated {
                let options = members.flatMap { range -> ClosedRange<UInt32>.SubSequence in
                    let low = range.lowerBound.unicodeScalars.first?.value ?? 0
                    return (low...max(low, range.upperBound.unicodeScalars.first?.value ?? low)).prefix(64)
                }
                guard !options.isEmpty else { return nil }
                let chosen = options[variant % options.count]
                if options.count > 1 { variant /= options.count }
                return Unicode.Scalar(chosen).map { String(Character($0)) }
            }
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
