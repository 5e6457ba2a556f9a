import Foundation

/// How `sdkgen diff` prints its report.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// For a terminal: the verdict, then each group's changes, two lines each.
    case text
    /// For a pull-request comment or a CHANGELOG entry.
    case markdown
    /// For tools: the schema in `Docs/diff-report.schema.json`.
    case json
}

extension APIDiffReport {
    /// The report in `format`, ending in a newline; the same report always gives the same bytes.
    public func formatted(_ format: ReportFormat) -> String {
        switch format {
        case .text: textReport()
        case .markdown: markdownReport()
        case .json: jsonReport()
        }
    }

    /// `3 breaking, 1 additive, 2 invisible changes` (only the levels that occur); `no change`.
    public var tally: String {
        let parts = APIChange.Level.allCases.compactMap { level -> String? in
            let count = count(level)
            return count == 0 ? nil : "\(count) \(level.rawValue)"
        }
        guard !parts.isEmpty else { return "no change" }
        return parts.joined(separator: ", ") + (changes.count == 1 ? " change" : " changes")
    }

    /// One sentence: the bump and the next version, e.g. `a major release: 0.1.0 → 1.0.0`.
    public var verdictSentence: String {
        guard verdict.bump != .none else { return "no release needed: the Swift API is the same" }
        let target = verdict.nextVersion.map { "\(verdict.currentVersion) → \($0)" } ?? "from \(verdict.currentVersion)"
        var sentence = "a \(verdict.bump.rawValue) release: \(target)"
        if verdict.newConfigIsBumped, new.version != verdict.currentVersion {
            sentence += " (the new sdkgen.yaml already says \(new.version))"
        } else if verdict.nextVersion != nil, new.version != verdict.currentVersion {
            sentence += " (the new sdkgen.yaml says \(new.version), which is not enough)"
        }
        return sentence
    }

    private func textReport() -> String {
        var lines = ["\(old.module) \(old.version): \(old.spec) → \(new.spec)", "\(tally); \(verdictSentence)"]
        for (group, members) in groups {
            lines.append("")
            lines.append(group)
            for change in members {
                let location = change.location.map { "  \($0)" } ?? ""
                lines.append("  \(change.level.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(change.name)\(location)")
                lines.append("             \(change.detail)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdownReport() -> String {
        let title = verdict.bump == .none ? "\(new.module): no API change" : "\(new.module) \(verdict.nextVersion ?? new.version)"
        var lines = ["## \(title)", "", "\(tally.prefix(1).uppercased() + tally.dropFirst()); \(verdictSentence)."]
        lines.append("")
        lines.append("From `\(old.spec)` to `\(new.spec)`.")
        for (group, members) in groups {
            lines.append("")
            lines.append("### `\(group)`")
            lines.append("")
            for change in members {
                let location = change.location.map { " (`\($0)`)" } ?? ""
                lines.append("- **\(change.level.rawValue)** `\(change.name)`: \(change.detail)\(location)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func jsonReport() -> String {
        let document = JSONReport(
            schemaVersion: 1, old: old, new: new, verdict: verdict,
            counts: .init(breaking: count(.breaking), additive: count(.additive), invisible: count(.invisible)), changes: changes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail; an empty object stands in if it ever did.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The JSON form of a report; `Docs/diff-report.schema.json` describes it.
private struct JSONReport: Encodable {
    struct Counts: Encodable {
        var breaking: Int
        var additive: Int
        var invisible: Int
    }

    var schemaVersion: Int
    var old: APIDiffReport.Side
    var new: APIDiffReport.Side
    var verdict: APIDiffReport.Verdict
    var counts: Counts
    var changes: [APIChange]
}
