import Foundation
import LoopbackSupport
import Testing
import Uploads

/// A multipart body as Python's standard `email` parser reads it: an independent reading of
/// what the generated client sent.
struct ParsedMultipart: Decodable {
    struct Part: Decodable {
        var name: String?
        var filename: String?
        var contentType: String?
        var headers: [String: String]
        var size: Int
        var sha256: String
        var text: String?
    }

    var defects: [String]
    var parts: [Part]
    /// The SHA-256 of each reference file given to the parser, in order.
    var references: [String]

    /// The parts named `name`, in order.
    func parts(named name: String) -> [Part] { parts.filter { $0.name == name } }
}

/// Parses `body` (sent with `contentType`) with `python3`'s `email` package; `references` are
/// files whose SHA-256 the parser reports too, to compare with the parts' bytes.
func parseMultipart(_ body: Data, contentType: String, references: [URL] = []) throws -> ParsedMultipart {
    let script = """
        from email import parser as email_parser, policy as email_policy
        from hashlib import sha256
        from json import dumps
        from sys import argv
        content_type, path = argv[1], argv[2]
        data = open(path, 'rb').read()
        message = email_parser.BytesParser(policy=email_policy.HTTP).parsebytes(
            b'Content-Type: ' + content_type.encode() + b'\\r\\n\\r\\n' + data)
        parts = []
        for part in message.iter_parts():
            payload = part.get_payload(decode=True)
            parts.append({
                'name': part.get_param('name', header='content-disposition'),
                'filename': part.get_filename(),
                'contentType': part.get('Content-Type'),
                'headers': {key: str(value) for key, value in part.items()},
                'size': len(payload),
                'sha256': sha256(payload).hexdigest(),
                'text': payload.decode('utf-8') if len(payload) < 4096 else None,
            })
        references = [sha256(open(p, 'rb').read()).hexdigest() for p in argv[3:]]
        defects = [str(d) for d in message.defects] + [str(d) for p in message.iter_parts() for d in p.defects]
        print(dumps({'defects': defects, 'parts': parts, 'references': references}))
        """
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sdkgen-multipart-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bodyFile = folder.appendingPathComponent("body")
    try body.write(to: bodyFile)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, contentType, bodyFile.path] + references.map(\.path)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "python3 could not parse the body")
    return try JSONDecoder().decode(ParsedMultipart.self, from: data)
}

/// A file of `size` pseudo-random bytes in a new temporary folder.
func temporaryFile(named name: String, size: Int) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sdkgen-upload-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var bytes = [UInt8](repeating: 0, count: size)
    for index in bytes.indices {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes[index] = UInt8(truncatingIfNeeded: state >> 33)
    }
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}

func uploadsClient(_ server: LoopbackServer, maxRetries: Int = 0) throws -> UploadsClient {
    try UploadsClient(baseURL: server.baseURL, maxRetries: maxRetries)
}

let storedFileJSON = #"{"id":"file-1","filename":"cat.png","bytes":7}"#

@Suite("Generated Uploads SDK: multipart files with names, content types and the encoding object, over real HTTP")
struct UploadsTests {
    @Test("A file from bytes carries its file name and content type; the enum part is text")
    func fileFromData() async throws {
        try await withLoopbackServer([.json(storedFileJSON)]) { server in
            let stored = try await uploadsClient(server).files.upload(
                file: UploadFile(Data("PNGDATA".utf8), fileName: "cat \"1\".png", contentType: "image/webp"), purpose: .avatar)
            #expect(stored.id == "file-1")
            let request = try #require(await server.requests.first)
            let parsed = try parseMultipart(request.body, contentType: try #require(request.header("Content-Type")))
            #expect(parsed.defects.isEmpty)
            #expect(parsed.parts.map(\.name) == ["purpose", "file"])
            let file = try #require(parsed.parts(named: "file").first)
            #expect(file.filename == "cat \"1\".png")
            #expect(file.contentType == "image/webp")
            #expect(file.text == "PNGDATA")
            let purpose = try #require(parsed.parts(named: "purpose").first)
            #expect(purpose.text == "avatar")
            #expect(purpose.filename == nil)
            #expect(purpose.contentType == nil)
        }
    }

    @Test("Without a content type of its own a file part gets the encoding's (the first of its list); without one, octet-stream")
    func contentTypeFallbacks() async throws {
        try await withLoopbackServer([.json(storedFileJSON), .empty()]) { server in
            let client = try uploadsClient(server)
            _ = try await client.files.upload(file: UploadFile(Data([1, 2, 3])), purpose: .attachment)
            try await client.documents.create(
                metadata: Metadata(title: "t"), pages: [], cover: UploadFile(Data([4]), fileName: "cover.bin"))
            let requests = await server.requests
            let upload = try parseMultipart(requests[0].body, contentType: try #require(requests[0].header("Content-Type")))
            let file = try #require(upload.parts(named: "file").first)
            #expect(file.contentType == "image/png")
            #expect(file.filename == "file", "without a file name the part name is sent")
            let document = try parseMultipart(requests[1].body, contentType: try #require(requests[1].header("Content-Type")))
            let cover = try #require(document.parts(named: "cover").first)
            #expect(cover.contentType == "application/octet-stream", "image/* names no type to send")
            #expect(cover.filename == "cover.bin")
        }
    }

    @Test("The encoding object: a JSON part as JSON text, repeated file parts with their headers, a text part's content type and header")
    func encodingObject() async throws {
        try await withLoopbackServer([.empty()]) { server in
            try await uploadsClient(server).documents.create(
                metadata: Metadata(title: "Report", author: "Ada"),
                pages: [UploadFile(Data("%PDF-1".utf8), fileName: "1.pdf"), UploadFile(Data("%PDF-2".utf8), fileName: "2.pdf")],
                notes: "# Notes", tags: ["a", "b"], revision: 3)
            let request = try #require(await server.requests.first)
            let parsed = try parseMultipart(request.body, contentType: try #require(request.header("Content-Type")))
            #expect(parsed.defects.isEmpty)
            #expect(parsed.parts.map(\.name) == ["metadata", "notes", "revision", "tags", "tags", "pages", "pages"])
            let metadata = try #require(parsed.parts(named: "metadata").first)
            #expect(metadata.contentType == "application/json")
            let json = try JSONSerialization.jsonObject(with: Data(try #require(metadata.text).utf8)) as? [String: String]
            #expect(json == ["title": "Report", "author": "Ada"])
            let notes = try #require(parsed.parts(named: "notes").first)
            #expect(notes.contentType == "text/markdown")
            #expect(notes.headers["X-Notes-Version"] == "2")
            #expect(notes.headers["X-Unsent"] == nil)
            #expect(notes.text == "# Notes")
            #expect(parsed.parts(named: "revision").first?.contentType == "application/json")
            #expect(parsed.parts(named: "revision").first?.text == "3")
            #expect(parsed.parts(named: "tags").map(\.text) == ["a", "b"])
            let pages = parsed.parts(named: "pages")
            #expect(pages.map(\.filename) == ["1.pdf", "2.pdf"])
            #expect(pages.map(\.contentType) == ["application/pdf", "application/pdf"])
            #expect(pages.map(\.text) == ["%PDF-1", "%PDF-2"])
            #expect(pages.map { $0.headers["X-Page-Source"] } == ["scanner", "scanner"])
        }
    }

    @Test("A 3 MB file streamed from disk arrives intact, under its own name")
    func largeFileFromDisk() async throws {
        let url = try temporaryFile(named: "big.bin", size: 3 * 1024 * 1024 + 17)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try await withLoopbackServer([.json(storedFileJSON)]) { server in
            _ = try await uploadsClient(server).files.upload(file: UploadFile(contentsOf: url, contentType: "image/png"), purpose: .attachment)
            let request = try #require(await server.requests.first)
            let parsed = try parseMultipart(request.body, contentType: try #require(request.header("Content-Type")), references: [url])
            #expect(parsed.defects.isEmpty)
            let file = try #require(parsed.parts(named: "file").first)
            #expect(file.filename == "big.bin")
            #expect(file.contentType == "image/png")
            #expect(file.size == 3 * 1024 * 1024 + 17)
            #expect(file.sha256 == parsed.references.first)
            #expect(request.header("Content-Length") == String(request.body.count))
        }
    }

    @Test("A retried upload (the first attempt gets 503) reads and sends the whole file again")
    func retriedUpload() async throws {
        let url = try temporaryFile(named: "retry.bin", size: 512 * 1024)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let busy = ScriptedResponse.empty(status: 503, headers: [(name: "Retry-After", value: "0")])
        try await withLoopbackServer([busy, .json(storedFileJSON)]) { server in
            _ = try await uploadsClient(server, maxRetries: 1).files.upload(file: UploadFile(contentsOf: url), purpose: .attachment)
            let requests = await server.requests
            #expect(requests.count == 2)
            for request in requests {
                let parsed = try parseMultipart(request.body, contentType: try #require(request.header("Content-Type")), references: [url])
                let file = try #require(parsed.parts(named: "file").first)
                #expect(file.size == 512 * 1024)
                #expect(file.sha256 == parsed.references.first)
                #expect(file.contentType == "image/png")
            }
        }
    }

    @Test("A file that cannot be read is an encoding failure, before anything is sent")
    func unreadableFile() async throws {
        try await withLoopbackServer([.json(storedFileJSON)]) { server in
            let missing = URL(fileURLWithPath: "/nonexistent/sdkgen/\(UUID().uuidString).bin")
            await #expect(throws: UploadsError.self) {
                _ = try await uploadsClient(server).files.upload(file: UploadFile(contentsOf: missing), purpose: .avatar)
            }
            #expect(await server.requests.isEmpty)
        }
    }
}
