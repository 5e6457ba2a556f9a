import Foundation

/// A file sent as a part of a `multipart/form-data` body: its bytes (in memory, or a file on
/// disk that is streamed when the request is sent), its file name and its content type.
///
/// ```swift
/// try await client.posts.uploadAttachment(postID: id, file: UploadFile(contentsOf: photoURL, contentType: "image/png"))
/// try await client.posts.uploadAttachment(postID: id, file: UploadFile(pngData, fileName: "cat.png"))
/// ```
public struct UploadFile: Sendable, Hashable {
    /// Where the bytes come from.
    public enum Source: Sendable, Hashable {
        /// Bytes in memory.
        case data(Data)
        /// A file on disk, read in chunks for every attempt of the request.
        case file(URL)
    }

    /// Where the bytes come from.
    public var source: Source
    /// The `filename` of the part's `Content-Disposition`; `nil` sends the part name.
    public var fileName: String?
    /// The part's `Content-Type`; `nil` sends the spec's `encoding` content type, else
    /// `application/octet-stream`.
    public var contentType: String?

    /// A file made of `data`.
    public init(_ data: Data, fileName: String? = nil, contentType: String? = nil) {
        self.source = .data(data)
        self.fileName = fileName
        self.contentType = contentType
    }

    /// The file at `url` (a file URL), streamed from disk when sent; its name is the URL's last
    /// path component unless `fileName` is given.
    public init(contentsOf url: URL, fileName: String? = nil, contentType: String? = nil) {
        self.source = .file(url)
        self.fileName = fileName ?? url.lastPathComponent
        self.contentType = contentType
    }

    /// The bytes, read whole (a file is read from disk).
    public func data() throws -> Data {
        switch source {
        case .data(let data): return data
        case .file(let url): return try Data(contentsOf: url)
        }
    }
}

extension UploadFile: Codable {
    /// Set in the user info of the encoder that collects a multipart body's other properties:
    /// files are then encoded as `null`, since they travel as parts of their own.
    static let partsOnlyKey = CodingUserInfoKey(rawValue: "sdkgen.multipart.partsOnly")

    /// Decodes base64 text, as `Data` is decoded.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Data.self))
    }

    /// Encodes the bytes as base64 text, as `Data` is encoded (nothing inside a multipart body,
    /// where the file is a part of its own).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let key = Self.partsOnlyKey, encoder.userInfo[key] as? Bool == true {
            try container.encodeNil()
        } else {
            try container.encode(try data())
        }
    }
}

extension UploadFile: CustomStringConvertible {
    /// The name and size or path, never the bytes.
    public var description: String {
        let name = fileName.map { "\"\($0)\"" } ?? "unnamed"
        switch source {
        case .data(let data): return "UploadFile(\(name), \(data.count) bytes)"
        case .file(let url): return "UploadFile(\(name), \(url.path))"
        }
    }
}
