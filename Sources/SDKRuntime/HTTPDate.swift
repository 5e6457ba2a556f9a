import Foundation

/// Parses HTTP dates (RFC 9110 §5.6.7) without locale- or platform-dependent formatters:
/// the preferred IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) and the two obsolete forms
/// recipients must accept, RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`).
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The date `text` names, or `nil` when it is not an HTTP date.
    static func parse(_ text: String) -> Date? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" || $0 == ":" }).map(String.init)
        let day: Int?, month: Int?, year: Int?, clock: ArraySlice<String>
        switch tokens.count {
        case 8 where tokens[7].uppercased() == "GMT":
            // IMF-fixdate or RFC 850: weekday, day, month, year, hh, mm, ss, GMT.
            day = Int(tokens[1])
            month = monthNumber(tokens[2])
            year = Int(tokens[3]).map { tokens[3].count == 2 ? ($0 >= 70 ? 1900 + $0 : 2000 + $0) : $0 }
            clock = tokens[4...6]
        case 7:
            // asctime: weekday, month, day, hh, mm, ss, year.
            month = monthNumber(tokens[1])
            day = Int(tokens[2])
            year = Int(tokens[6])
            clock = tokens[3...5]
        default:
            return nil
        }
        let time = clock.compactMap { Int($0) }
        guard let day, let month, let year, time.count == 3,
            (1...31).contains(day), (0...23).contains(time[0]), (0...59).contains(time[1]), (0...60).contains(time[2])
        else { return nil }
        let days = RFC3339.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + time[0] * 3_600 + time[1] * 60 + time[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// 1 for `Jan` … 12 for `Dec`, case-insensitively.
    private static func monthNumber(_ token: String) -> Int? {
        months.firstIndex(of: token.lowercased()).map { $0 + 1 }
    }
}
