import Diagnostics
import OpenAPI

/// Which properties of a `multipart/form-data` body are files, and what the spec's `encoding`
/// says about each part.
enum MultipartFiles {
    /// `UploadFile` (from `SDKRuntime`): a file part's bytes or file URL, name and content type.
    static let uploadFile = SwiftType.named("UploadFile")

    /// The multipart encoding of a body of model `typeName` sent as `media`: its `Data` and
    /// `[Data]` properties become `UploadFile` and `[UploadFile]` (in the model itself) and are
    /// sent as file parts; `encoding` entries become part content types and headers, with a
    /// warning for what is not sent.
    static func encoding(of media: MediaType, typeName: String?, types: inout TypeResolver) -> BodyEncoding {
        var properties: [Property] = []
        if let typeName { properties = types.useUploadFiles(in: typeName) ?? [] }
        var parts: [MultipartPart] = []
        for entry in media.encoding {
            guard properties.isEmpty || properties.contains(where: { $0.jsonKey == entry.property }) else {
                types.log.warning("the encoding names '\(entry.property)', which is no property of the body; it is ignored", at: entry.mark)
                continue
            }
            if entry.style != nil || entry.explode != nil || entry.allowReserved != nil {
                types.log.warning(
                    "'style', 'explode' and 'allowReserved' of '\(entry.property)' apply to form bodies only and are ignored for multipart",
                    at: entry.mark)
            }
            var headers: [PartHeaderValue] = []
            for header in entry.headers {
                let lowered = header.name.lowercased()
                if lowered == "content-type" || lowered == "content-disposition" {
                    types.log.warning(
                        "header '\(header.name)' of part '\(entry.property)' is ignored: the part's \(lowered == "content-type" ? "contentType" : "name") sets it",
                        at: header.mark)
                } else if let value = header.value {
                    headers.append(PartHeaderValue(name: header.name, value: value))
                } else {
                    types.log.warning(
                        "header '\(header.name)' of part '\(entry.property)' gives no example, default or single enum value to send; it is not sent",
                        at: header.mark)
                }
            }
            let contentType = entry.contentType.flatMap(sentContentType)
            if contentType != nil || !headers.isEmpty {
                parts.append(MultipartPart(partName: entry.property, contentType: contentType, headers: headers))
            }
        }
        let files = properties.compactMap { property -> MultipartFile? in
            let isList: Bool
            switch property.type {
            case uploadFile: isList = false
            case .array(uploadFile): isList = true
            default: return nil
            }
            return MultipartFile(
                swiftName: property.swiftName, partName: property.jsonKey, optional: !property.required, isList: isList,
                encoding: parts.first { $0.partName == property.jsonKey })
        }
        let fileNames = Set(files.map(\.partName))
        return .multipart(files: files, parts: parts.filter { !fileNames.contains($0.partName) })
    }
}

extension MultipartFiles {
    /// The content type a part is sent with when `encoding` names `contentType`: the first of a
    /// comma-separated list; `nil` for a wildcard (`image/*`), which names no type to send.
    static func sentContentType(_ contentType: String) -> String? {
        let first = contentType.split(separator: ",").first.map { $0.trimmingCharacters(in: " ") } ?? ""
        return first.isEmpty || first.contains("*") ? nil : first
    }
}

extension TypeResolver {
    /// Makes the `Data` and `[Data]` properties of struct model `typeName` `UploadFile` and
    /// `[UploadFile]`, and returns its properties; `nil` when it is no struct model.
    mutating func useUploadFiles(in typeName: String) -> [Property]? {
        guard let model = model(named: typeName), case .structure(var properties, let additional) = model.kind else { return nil }
        for index in properties.indices {
            switch properties[index].type {
            case .data: properties[index].type = MultipartFiles.uploadFile
            case .array(.data): properties[index].type = .array(MultipartFiles.uploadFile)
            default: break
            }
        }
        var copy = model
        copy.kind = .structure(properties, additionalPropertiesType: additional)
        replaceModel(copy)
        return properties
    }
}
