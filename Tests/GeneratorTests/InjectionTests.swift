import Foundation
import Testing

/// Where in a line of Swift each character is: code, inside a string literal, or in a comment.
enum SwiftLineLexer {
    enum Region: Equatable { case code, string, comment }

    /// The region of every character of `line` (single-line string literals and `//` comments).
    static func regions(of line: String) -> [Region] {
        var result: [Region] = []
        var inString = false
        var escaped = false
        let characters = Array(line)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inString {
                result.append(.string)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                result += Array(repeating: .comment, count: characters.count - index)
                break
            } else {
                if character == "\"" { inString = true }
                result.append(character == "\"" ? .string : .code)
            }
            index += 1
        }
        return result
    }
}

@Suite("Nothing from a hostile spec reaches the code except as comment text or an escaped literal")
struct InjectionTests {
    let folder = packageRoot + "/Tests/Golden/Hostile/Expected"

    @Test("Every occurrence of the spec's marker is inside a comment or a string literal")
    func markerOnlyInCommentsAndLiterals() throws {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        var checked = 0
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("PWNED") {
                let characters = Array(String(line))
                let regions = SwiftLineLexer.regions(of: String(line))
                for start in characters.indices where String(characters[start...].prefix(5)) == "PWNED" {
                    #expect(regions[start] != .code, "\(relative):\(number + 1): code from the spec: \(line)")
                    checked += 1
                }
            }
        }
        #expect(checked > 40, "the hostile spec's marker should appear many times")
    }

    @Test("The lexer tells code, literals and comments apart")
    func lexer() {
        #expect(
            SwiftLineLexer.regions(of: #"a "b\"c" // d"#) == [
                .code, .code, .string, .string, .string, .string, .string, .string, .code, .comment, .comment, .comment, .comment,
            ])
    }

    @Test("No generated line is a doc comment broken by a raw line break or control character")
    func noControlCharacters() throws {
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: folder + "/" + relative, encoding: .utf8)
            let forbidden = text.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}"
            }
            #expect(forbidden.isEmpty, "\(relative) holds \(forbidden.map { String($0.value, radix: 16) })")
        }
    }
}
