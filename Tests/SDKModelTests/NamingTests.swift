import SDKModel
import Testing

@Suite("Swift names from spec names")
struct NamingTests {
    @Test(
        "Member names",
        arguments: [
            ("chatId", "chatID"), ("chat_id", "chatID"), ("Chat-ID", "chatID"), ("id", "id"), ("URL", "url"),
            ("next_cursor", "nextCursor"), ("HTTPResponseCode", "httpResponseCode"), ("2fa_enabled", "_2faEnabled"),
            ("", "unnamed"), ("🎉", "unnamed"), ("phone_numbers", "phoneNumbers"), ("X-Request-ID", "xRequestID"),
            ("default", "default"), ("userIds", "userIDs"),
        ])
    func memberNames(input: String, expected: String) {
        #expect(SwiftNaming.memberName(input) == expected)
    }

    @Test(
        "Type names",
        arguments: [
            ("chat", "Chat"), ("error_response", "ErrorResponse"), ("Linq Partner API", "LinqPartnerAPI"),
            ("3dModel", "_3dModel"), ("", "Unnamed"), ("String", "StringModel"), ("Error", "ErrorModel"),
            ("sms-message", "SMSMessage"), ("type", "TypeModel"),
        ])
    func typeNames(input: String, expected: String) {
        #expect(SwiftNaming.typeName(input) == expected)
    }

    @Test("Keywords are escaped; other names are not")
    func escaping() {
        #expect(SwiftNaming.escaped("default") == "`default`")
        #expect(SwiftNaming.escaped("self") == "`self`")
        #expect(SwiftNaming.escaped("chatID") == "chatID")
    }

    @Test("Very long names are cut, keeping a hash of the whole name")
    func bounded() {
        let long = String(repeating: "Nested", count: 40)
        let cut = SwiftNaming.bounded(long)
        #expect(cut.count == 96)
        #expect(cut.hasPrefix("NestedNested"))
        #expect(cut == SwiftNaming.bounded(long), "stable")
        #expect(cut != SwiftNaming.bounded(long + "X"), "distinct")
        #expect(SwiftNaming.bounded("Short") == "Short")
    }

    @Test("Collisions get a stable numeric suffix")
    func unique() {
        #expect(SwiftNaming.unique("name", in: []) == "name")
        #expect(SwiftNaming.unique("name", in: ["name"]) == "name2")
        #expect(SwiftNaming.unique("name", in: ["name", "name2"]) == "name3")
    }
}

@Suite("Untrusted text becomes comments and literals only")
struct SwiftTextTests {
    @Test("Every kind of line break starts a new /// line, so text cannot leave the comment")
    func docCommentBreaks() {
        let hostile = "ok */ still\rfunc evil() {}\u{2028}#warning(\"x\")\r\nlast\u{0}line\u{85}end"
        #expect(
            SwiftText.docComment(hostile) == [
                "/// ok */ still", "/// func evil() {}", "/// #warning(\"x\")", "/// lastline", "/// end",
            ])
    }

    @Test("Blank edges are trimmed and inner blank lines kept")
    func docCommentBlankLines() {
        #expect(SwiftText.docComment("\n\nFirst.\n\nSecond.  \n\n") == ["/// First.", "///", "/// Second."])
        #expect(SwiftText.docComment(nil) == [])
    }

    @Test("String literals escape quotes, backslashes, interpolation and control characters")
    func literals() {
        #expect(SwiftText.stringLiteral(#"a "b" \(c) \"#) == #""a \"b\" \\(c) \\""#)
        #expect(SwiftText.stringLiteral("line\nnext\u{0}\u{2028}") == #""line\nnext\u{0}\u{2028}""#)
        #expect(SwiftText.stringLiteral("\"\"\"") == #""\"\"\"""#)
    }

    @Test("Single-line text for // comments")
    func singleLine() {
        #expect(SwiftText.singleLine("Linq\nPartner\r\nAPI") == "Linq Partner API")
    }
}
