import Testing

@testable import YAML

@Suite struct SyntaxErrorTests {
    @Test func unclosedDoubleQuote() {
        let error = parseError("a: \"abc\nb: 1\n")
        #expect(error == YAMLError("the file ends before this is closed (while scanning a quoted scalar that starts here)", at: at(1, 4)))
    }

    @Test func badIndentation() {
        let error = parseError("a: 1\n  b: 2\n")
        #expect(error == YAMLError("mapping values are not allowed in this context", at: at(2, 4)))
    }

    @Test func tabIndentation() {
        let error = parseError("a:\n\tb: 1\n")
        #expect(error == YAMLError("a tab cannot indent YAML; use spaces", at: at(2, 1)))
    }

    @Test func parserErrorWithContext() {
        #expect(parseError("a: 1\n- b\n") == YAMLError("did not find expected key (while parsing a block mapping)", at: at(2, 1)))
        #expect(parseError("a: [1, 2\nb: 3\n") == YAMLError("did not find expected ',' or ']' (while parsing a flow sequence)", at: at(2, 2)))
    }

    @Test func invalidUTF8() {
        let bytes = Array("a: 1\nb: ".utf8) + [0xFF] + Array("\n".utf8)
        #expect(parseError(bytes) == YAMLError("the file is not valid UTF-8: invalid leading UTF-8 octet (byte 0xFF)", at: at(2, 4)))
    }

    @Test func invalidTrailingOctetPointsAtItsCharacter() {
        let bytes = Array("ü: é".utf8) + [0xC3, 0x28]
        #expect(parseError(bytes) == YAMLError("the file is not valid UTF-8: invalid trailing UTF-8 octet (byte 0x28)", at: at(1, 5)))
    }

    @Test func truncatedUTF8() {
        let bytes = Array("a: é".utf8) + [0xE2, 0x82]
        #expect(parseError(bytes) == YAMLError("the file is not valid UTF-8: incomplete UTF-8 octet sequence", at: at(1, 5)))
    }

    @Test func controlCharacterAfterCRLFAndBOM() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\nc: x".utf8) + [0x07]
        #expect(parseError(bytes) == YAMLError("control characters are not allowed (U+0007)", at: at(3, 5)))
    }

    @Test func binaryJunk() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]
        #expect(parseError(png) == YAMLError("the file is not valid UTF-8: invalid leading UTF-8 octet (byte 0x89)", at: at(1, 1)))
        let zeros: [UInt8] = [0x00, 0x01, 0x02, 0x03]
        #expect(parseError(zeros) == YAMLError("control characters are not allowed (U+0000)", at: at(1, 1)))
    }
}

@Suite struct ByteOffsetTests {
    @Test func offsetsBecomeLinesAndColumns() {
        // "a" LS "é" NEL "c" CR LF "d" CR "e"
        let bytes: [UInt8] = [0x61, 0xE2, 0x80, 0xA8, 0xC3, 0xA9, 0xC2, 0x85, 0x63, 0x0D, 0x0A, 0x64, 0x0D, 0x65]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(sourceMark(ofByteOffset: 0, in: buffer) == at(1, 1))
            #expect(sourceMark(ofByteOffset: 1, in: buffer) == at(1, 2))
            #expect(sourceMark(ofByteOffset: 4, in: buffer) == at(2, 1))
            #expect(sourceMark(ofByteOffset: 5, in: buffer) == at(2, 1))  // Inside "é": its first byte.
            #expect(sourceMark(ofByteOffset: 6, in: buffer) == at(2, 2))
            #expect(sourceMark(ofByteOffset: 8, in: buffer) == at(3, 1))
            #expect(sourceMark(ofByteOffset: 10, in: buffer) == at(3, 2))  // The LF of CR LF.
            #expect(sourceMark(ofByteOffset: 11, in: buffer) == at(4, 1))
            #expect(sourceMark(ofByteOffset: 13, in: buffer) == at(5, 1))
            #expect(sourceMark(ofByteOffset: 99, in: buffer) == at(5, 2))
        }
    }
}
