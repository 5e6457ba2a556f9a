/// English singular and plural forms of one lowercase word, for matching a resource's noun
/// (`calls`, `addresses`, `policies`) against the word an operationId uses (`Call`, `Address`,
/// `Policy`). A word may have several candidate forms (`movies` → `movie` or `movy`); callers
/// try each and keep the one the other name actually spells, so a wrong guess matches nothing.
enum Inflection {
    /// Irregular plurals common in APIs, singular → plural.
    static let irregular: [String: String] = [
        "person": "people", "child": "children", "man": "men", "woman": "women", "mouse": "mice",
        "datum": "data", "medium": "media", "criterion": "criteria",
    ]

    /// Words whose singular and plural are the same, or that are not countable nouns.
    static let invariant: Set<String> = ["series", "species", "news", "metadata", "info"]

    /// Singular words ending in `us` or `is` that would otherwise look plural.
    static let singularInS: Set<String> = [
        "status", "bus", "bonus", "campus", "census", "consensus", "corpus", "focus", "nexus", "radius", "virus", "axis", "alias",
        "canvas", "gas", "atlas", "bias", "lens",
    ]

    /// The candidate singulars of `word`, most likely first; empty when `word` does not look plural.
    static func singulars(of word: String) -> [String] {
        if invariant.contains(word) { return [] }
        if let singular = irregular.first(where: { $0.value == word })?.key { return [singular] }
        // `address`, `analysis`, `status` end in s but are singular; `skus` and `emojis` are plural.
        guard word.count > 2, word.hasSuffix("s"), !["ss", "sis"].contains(where: word.hasSuffix), !singularInS.contains(word) else {
            return []
        }
        var forms: [String] = []
        if word.hasSuffix("ies"), word.count > 4 { forms.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es"), ["ses", "xes", "zes", "ches", "shes", "oes"].contains(where: word.hasSuffix) {
            forms.append(String(word.dropLast(2)))
        }
        forms.append(String(word.dropLast()))
        return forms
    }

    /// The candidate plurals of `word`, most likely first.
    static func plurals(of word: String) -> [String] {
        if invariant.contains(word) || word.isEmpty { return [] }
        if let plural = irregular[word] { return [plural] }
        var forms: [String] = []
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            forms.append(String(word.dropLast()) + "ies")
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: word.hasSuffix) { forms.append(word + "es") }
        forms.append(word + "s")
        return forms
    }

    /// `words` with the last word replaced by each of its singulars.
    static func singulars(of words: [String]) -> [[String]] {
        guard let last = words.last else { return [] }
        return singulars(of: last).map { words.dropLast() + [$0] }
    }

    /// `words` with the last word replaced by each of its plurals.
    static func plurals(of words: [String]) -> [[String]] {
        guard let last = words.last else { return [] }
        return plurals(of: last).map { words.dropLast() + [$0] }
    }
}
