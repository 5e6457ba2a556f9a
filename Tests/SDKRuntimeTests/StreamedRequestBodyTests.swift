import Foundation
import OpenAPIRuntime
import SDKRuntime
import Testing

@Suite("A streamed request body reads its files in chunks, afresh on every iteration")
struct StreamedRequestBodyTests {
    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sdkgen-stream-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("Bytes and a file in chunks of chunkSize, the known length, and the same bytes on a second iteration")
    func chunksAndReiteration() async throws {
        let content = (0..<1000).map { UInt8(truncatingIfNeeded: $0) }
        let url = try Self.file(content)
        defer { try? FileManager.default.removeItem(at: url) }
        let body = StreamedRequestBody(segments: [.bytes(Data("head".utf8)), .file(url, length: 1000), .bytes(Data("tail".utf8))], chunkSize: 256)
        let http = body.makeHTTPBody()
        #expect(http.length == .known(1008))
        #expect(http.iterationBehavior == .multiple)
        for _ in 0..<2 {
            var chunks: [Int] = []
            var all: [UInt8] = []
            for try await chunk in http {
                chunks.append(chunk.count)
                all += chunk
            }
            #expect(chunks == [4, 256, 256, 256, 232, 4])
            #expect(all == Array("head".utf8) + content + Array("tail".utf8))
        }
    }

    @Test("A file that changed size since the body was made fails the body instead of sending a wrong length")
    func changedSize() async throws {
        let url = try Self.file([1, 2, 3])
        defer { try? FileManager.default.removeItem(at: url) }
        let body = StreamedRequestBody(segments: [.file(url, length: 5)]).makeHTTPBody()
        await #expect(throws: StreamedRequestBodyError.self) {
            for try await _ in body {}
        }
    }

    @Test("Multipart: a file from a URL makes a streamed body; bytes only make one Data body")
    func multipartChoosesStreaming() throws {
        struct Form: Encodable {
            var file: UploadFile
            var note: String
        }
        let url = try Self.file([9, 9, 9])
        defer { try? FileManager.default.removeItem(at: url) }
        let streamed = try MultipartFormData.encode(
            Form(file: UploadFile(contentsOf: url), note: "n"), files: [MultipartFileField("file", UploadFile(contentsOf: url))],
            boundary: "B")
        #expect(streamed.streamed?.segments.count == 3)
        #expect(streamed.data.isEmpty)
        let buffered = try MultipartFormData.encode(
            Form(file: UploadFile(Data([7])), note: "n"), files: [MultipartFileField("file", UploadFile(Data([7]), fileName: "a.bin"))],
            boundary: "B")
        #expect(buffered.streamed == nil)
        let text = String(decoding: buffered.data, as: UTF8.self)
        #expect(
            text
                == "--B\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nn\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n\u{7}\r\n--B--\r\n"
        )
    }

    @Test("Outside a multipart body a file encodes as base64 JSON text, and decodes from it")
    func codable() throws {
        let data = try JSONCoding.makeEncoder().encode([UploadFile(Data([1, 2, 3]))])
        #expect(String(decoding: data, as: UTF8.self) == #"["AQID"]"#)
        let decoded = try JSONCoding.makeDecoder().decode([UploadFile].self, from: data)
        #expect(try decoded.first?.data() == Data([1, 2, 3]))
    }
}
