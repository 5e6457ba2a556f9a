import Foundation

/// What the spec's `encoding` says about one part of a multipart body.
public struct MultipartPartEncoding: Sendable, Hashable {
    /// The part's `Content-Type`: a JSON type sends the value as JSON text.
    public var contentType: String?
    /// Extra headers of the part, sent in name order.
    public var headers: [String: String]

    /// Creates an encoding.
    public init(contentType: String? = nil, headers: [String: String] = [:]) {
        self.contentType = contentType
        self.headers = headers
    }
}

/// A property of a multipart body sent as file parts: none, one, or one part per file of a list.
public struct MultipartFileField: Sendable, Hashable {
    /// The part name.
    public var name: String
    /// The files, each sent as a part named ``name``.
    public var files: [UploadFile]
    /// The spec's `encoding` for the part.
    public var encoding: MultipartPartEncoding?

    /// One file, or none when `file` is `nil`.
    public init(_ name: String, _ file: UploadFile?, encoding: MultipartPartEncoding? = nil) {
        self.init(name, file.map { [$0] }, encoding: encoding)
    }

    /// A part per file of `files`.
    public init(_ name: String, _ files: [UploadFile]?, encoding: MultipartPartEncoding? = nil) {
        self.name = name
        self.files = files ?? []
        self.encoding = encoding
    }
}

/// A `multipart/form-data` body built from an `Encodable` value.
public enum MultipartFormData {
    /// Encodes `value`: the fields in `files` as file parts (in the given order, after the
    /// others), every other property as a part of its own in name order (arrays as repeated
    /// parts, objects as JSON, `null` left out), with the content type and headers `parts` gives.
    ///
    /// A file part's `Content-Type` is the file's own, else its encoding's, else
    /// `application/octet-stream`; its `filename` is the file's name, else the part name. When
    /// a file comes from a URL, the body is a ``StreamedRequestBody`` that reads it when sent.
    public static func encode<T: Encodable>(
        _ value: T, files: [MultipartFileField], parts: [String: MultipartPartEncoding] = [:],
        boundary: String = "sdkgen-" + UUID().uuidString
    ) throws -> EncodedBody {
        let encoder = JSONCoding.makeEncoder()
        if let key = UploadFile.partsOnlyKey { encoder.userInfo[key] = true }
        let json = try JSONCoding.makeDecoder().decode(JSONValue.self, from: encoder.encode(value))
        var writer = PartWriter(boundary: boundary)
        let fileNames = Set(files.map(\.name))
        if case .object(let members) = json {
            for key in members.keys.sorted() where !fileNames.contains(key) {
                guard let member = members[key] else { continue }
                try writer.valueParts(key, member, encoding: parts[key])
            }
        }
        for field in files {
            for file in field.files {
                let contentType = file.contentType ?? field.encoding?.contentType ?? "application/octet-stream"
                writer.head(
                    field.name, filename: file.fileName ?? field.name, contentType: contentType, headers: field.encoding?.headers ?? [:])
                switch file.source {
                case .data(let data): writer.append(data)
                case .file(let url): writer.append(.file(url, length: try StreamedRequestBody.fileLength(of: url)))
                }
                writer.append(Data("\r\n".utf8))
            }
        }
        writer.append(Data("--\(boundary)--\r\n".utf8))
        let contentType = "multipart/form-data; boundary=\(boundary)"
        let segments = writer.finish()
        if segments.count == 1, case .bytes(let data) = segments[0] {
            return EncodedBody(data: data, contentType: contentType)
        }
        return EncodedBody(streamed: StreamedRequestBody(segments: segments), contentType: contentType)
    }

    /// Whether `contentType` is JSON (`application/json` or a `+json` type).
    static func isJSON(_ contentType: String) -> Bool {
        let base = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return base == "application/json" || base.hasSuffix("+json")
    }

    /// A header parameter value with quotes and line breaks escaped.
    static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A header value without line breaks.
    static func headerValue(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}

/// Writes the parts of a multipart body into segments: bytes, with files between them.
private struct PartWriter {
    let boundary: String
    var segments: [StreamedRequestBody.Segment] = []
    var pending = Data()

    init(boundary: String) {
        self.boundary = boundary
    }

    /// The boundary line and headers of a part.
    mutating func head(_ name: String, filename: String?, contentType: String?, headers: [String: String]) {
        var text = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(MultipartFormData.quoted(name))\""
        if let filename { text += "; filename=\"\(MultipartFormData.quoted(filename))\"" }
        text += "\r\n"
        if let contentType { text += "Content-Type: \(MultipartFormData.headerValue(contentType))\r\n" }
        for headerName in headers.keys.sorted() {
            guard let value = headers[headerName] else { continue }
            text += "\(MultipartFormData.headerValue(headerName)): \(MultipartFormData.headerValue(value))\r\n"
        }
        pending.append(Data((text + "\r\n").utf8))
    }

    /// The parts of a property that is no file: one per item of an array, none for `null`.
    mutating func valueParts(_ name: String, _ value: JSONValue, encoding: MultipartPartEncoding?) throws {
        let items: [JSONValue]
        if case .array(let elements) = value { items = elements } else { items = [value] }
        let headers = encoding?.headers ?? [:]
        for item in items {
            let data: Data
            let contentType: String?
            switch item {
            case .null: continue
            case _ where encoding?.contentType.map(MultipartFormData.isJSON) == true:
                data = try JSONCoding.makeEncoder().encode(item)
                contentType = encoding?.contentType
            case .object, .array:
                data = try JSONCoding.makeEncoder().encode(item)
                contentType = encoding?.contentType ?? "application/json"
            default:
                data = Data((FormEncoding.scalarText(item) ?? "").utf8)
                contentType = encoding?.contentType
            }
            head(name, filename: nil, contentType: contentType, headers: headers)
            append(data)
            append(Data("\r\n".utf8))
        }
    }

    mutating func append(_ data: Data) {
        pending.append(data)
    }

    mutating func append(_ segment: StreamedRequestBody.Segment) {
        flush()
        segments.append(segment)
    }

    mutating func flush() {
        if !pending.isEmpty { segments.append(.bytes(pending)) }
        pending = Data()
    }

    /// Every segment, the pending bytes last.
    mutating func finish() -> [StreamedRequestBody.Segment] {
        flush()
        return segments
    }
}
