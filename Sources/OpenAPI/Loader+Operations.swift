import Diagnostics
import YAML

extension Loader {
    /// Every operation under `paths`, in spec order.
    func operations(_ pathsNode: YAMLNode) -> [Operation] {
        guard let pathPairs = mapping(pathsNode, "'paths'") else { return [] }
        var result: [Operation] = []
        for pathPair in pathPairs {
            guard let path = string(pathPair.key, "a path") else { continue }
            guard path.hasPrefix("/") else {
                log.error("path '\(path)' must start with '/'", at: pathPair.key.mark)
                continue
            }
            guard let itemNode = resolved(pathPair.value), let itemPairs = mapping(itemNode, "path '\(path)'") else { continue }
            let shared = parameters(value("parameters", in: itemPairs), of: "path '\(path)'")
            for pair in itemPairs {
                guard let key = pair.key.string else { continue }
                if let method = HTTPMethod(rawValue: key) {
                    if let operation = operation(method, path: path, node: pair.value, keyMark: pair.key.mark, shared: shared) {
                        result.append(operation)
                    }
                }
            }
        }
        return result
    }

    private func operation(_ method: HTTPMethod, path: String, node: YAMLNode, keyMark: SourceMark, shared: [Parameter]) -> Operation? {
        let label = "\(method.rawValue.uppercased()) \(path)"
        // OpenAPI has no references to operations, yet split specs write them (`get: {$ref: …}`)
        // and other tools follow them, so sdkgen does too.
        guard let operationNode = resolved(node), let pairs = mapping(operationNode, "operation \(label)") else { return nil }
        let operationID = optionalString(value("operationId", in: pairs), "'operationId'")
        if let operationID, let idNode = value("operationId", in: pairs) {
            if let first = operationIDMarks[operationID] {
                let place = first.fileIndex == idNode.mark.fileIndex ? "\(first)" : "\(log.path(of: first)):\(first)"
                log.error("duplicate operationId '\(operationID)' (first used at \(place))", at: idNode.mark)
            } else {
                operationIDMarks[operationID] = idNode.mark
            }
        }
        let name = operationID.map { "operation '\($0)'" } ?? "operation \(label)"
        var merged = shared
        for parameter in parameters(value("parameters", in: pairs), of: name) {
            merged.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            merged.append(parameter)
        }
        checkPathTemplate(path, parameters: merged, operation: name, at: keyMark)

        var tags: [String] = []
        if let tagsNode = value("tags", in: pairs), let items = sequence(tagsNode, "'tags'") {
            tags = items.compactMap { string($0, "a tag") }
        }
        var responses: [Response] = []
        if let responsesNode = value("responses", in: pairs) {
            responses = self.responses(responsesNode, of: name)
        } else if !isVersion31 {
            log.error("\(name) is missing the required field 'responses'", at: keyMark)
        }
        if value("callbacks", in: pairs) != nil {
            log.warning("callbacks are not supported yet; the callbacks of \(name) were skipped", at: value("callbacks", in: pairs)?.mark)
        }
        return Operation(
            method: method, path: path, operationID: operationID,
            summary: optionalString(value("summary", in: pairs), "'summary'"),
            description: optionalString(value("description", in: pairs), "'description'"),
            tags: tags, deprecated: bool(value("deprecated", in: pairs), "'deprecated'"),
            parameters: merged,
            requestBody: value("requestBody", in: pairs).flatMap { requestBody($0, of: name) },
            responses: responses,
            security: value("security", in: pairs).map { securityRequirements($0, of: name) },
            mark: keyMark
        )
    }

    /// Every `{name}` in `path` must be a path parameter, and every path parameter must be in `path`.
    private func checkPathTemplate(_ path: String, parameters: [Parameter], operation: String, at mark: SourceMark) {
        let names = Self.templateNames(in: path)
        for name in names where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            log.error("path '\(path)' names the parameter '\(name)', but \(operation) declares no path parameter '\(name)'", at: mark)
        }
        for parameter in parameters where parameter.location == .path && !names.contains(parameter.name) {
            log.error("path parameter '\(parameter.name)' of \(operation) does not appear in the path '\(path)'", at: parameter.mark)
        }
    }

    /// The names between braces in a path template, in order.
    static func templateNames(in path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                names.append(name)
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }

    /// The parameters of a `parameters` list, references resolved; duplicates are errors.
    private func parameters(_ node: YAMLNode?, of owner: String) -> [Parameter] {
        guard let node, let items = sequence(node, "the parameters of \(owner)") else { return [] }
        var result: [Parameter] = []
        for item in items {
            guard let parameter = parameter(item, of: owner) else { continue }
            if result.contains(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                log.error("duplicate \(parameter.location.rawValue) parameter '\(parameter.name)' in \(owner)", at: parameter.mark)
                continue
            }
            result.append(parameter)
        }
        return result
    }

    private func parameter(_ item: YAMLNode, of owner: String) -> Parameter? {
        guard let node = resolved(item), let pairs = mapping(node, "a parameter of \(owner)") else { return nil }
        let mark = item.mark
        guard let nameNode = required("name", in: pairs, of: "a parameter of \(owner)", at: node.mark),
            let name = string(nameNode, "'name'"),
            let inNode = required("in", in: pairs, of: "parameter '\(name)'", at: node.mark),
            let locationName = string(inNode, "'in'")
        else { return nil }
        guard let location = ParameterLocation(rawValue: locationName) else {
            log.error("parameter '\(name)' has 'in: \(locationName)'; expected path, query, header or cookie", at: inNode.mark)
            return nil
        }
        var isRequired = bool(value("required", in: pairs), "'required'")
        if location == .path && !isRequired {
            log.warning("path parameter '\(name)' must be 'required: true'; it is treated as required", at: node.mark)
            isRequired = true
        }
        var schema = value("schema", in: pairs).map { self.schema($0, "the schema of parameter '\(name)'") }
        var contentMediaType: String?
        if schema == nil, let contentNode = value("content", in: pairs) {
            let media = content(contentNode, of: "parameter '\(name)'")
            if media.count > 1 {
                log.warning(
                    "the content of parameter '\(name)' must list exactly one media type; the first, '\(media[0].name)', is used",
                    at: contentNode.mark)
            }
            schema = media.first?.schema
            contentMediaType = media.first?.name
        }
        let style = parameterStyle(value("style", in: pairs), name: name, location: location)
        return Parameter(
            name: name, location: location, required: isRequired,
            description: optionalString(value("description", in: pairs), "'description'"),
            deprecated: bool(value("deprecated", in: pairs), "'deprecated'"),
            schema: schema, mark: mark, style: style,
            explode: bool(value("explode", in: pairs), "'explode'", default: style == .form),
            allowReserved: bool(value("allowReserved", in: pairs), "'allowReserved'"),
            contentMediaType: contentMediaType,
            example: exampleValue(pairs)
        )
    }

    /// A parameter's `style`, or the location's default; a style the location does not allow is
    /// an error at the value.
    private func parameterStyle(_ node: YAMLNode?, name: String, location: ParameterLocation) -> ParameterStyle {
        let fallback = ParameterStyle.default(in: location)
        guard let node, let text = string(node, "'style'") else { return fallback }
        let allowed = ParameterStyle.allowed(in: location)
        guard let style = ParameterStyle(rawValue: text), allowed.contains(style) else {
            let names = allowed.map(\.rawValue)
            let expected = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
            log.error("\(location.rawValue) parameter '\(name)' has 'style: \(text)'; expected \(expected)", at: node.mark)
            return fallback
        }
        return style
    }

    private func requestBody(_ item: YAMLNode, of owner: String) -> RequestBody? {
        guard let node = resolved(item), let pairs = mapping(node, "the request body of \(owner)") else { return nil }
        guard let contentNode = required("content", in: pairs, of: "the request body of \(owner)", at: node.mark) else { return nil }
        return RequestBody(
            description: optionalString(value("description", in: pairs), "'description'"),
            required: bool(value("required", in: pairs), "'required'"),
            content: content(contentNode, of: "the request body of \(owner)"),
            mark: item.mark
        )
    }

    private func responses(_ node: YAMLNode, of owner: String) -> [Response] {
        guard let pairs = mapping(node, "the responses of \(owner)") else { return [] }
        var result: [Response] = []
        for pair in pairs {
            guard let key = string(pair.key, "a response status") else { continue }
            guard let status = Self.responseStatus(key) else {
                log.error("'\(key)' is not a response status; expected a code like 200, a range like 4XX, or 'default'", at: pair.key.mark)
                continue
            }
            guard let responseNode = resolved(pair.value), let responsePairs = mapping(responseNode, "response \(key) of \(owner)") else { continue }
            result.append(
                Response(
                    status: status,
                    description: optionalString(value("description", in: responsePairs), "'description'"),
                    content: value("content", in: responsePairs).map { content($0, of: "response \(key) of \(owner)") } ?? [],
                    mark: pair.key.mark
                ))
        }
        return result
    }

    /// Parses `200`, `4XX` or `default`.
    static func responseStatus(_ key: String) -> ResponseStatus? {
        if key == "default" { return .default }
        let bytes = Array(key.utf8)
        guard bytes.count == 3, let first = bytes.first, (UInt8(ascii: "1")...UInt8(ascii: "5")).contains(first) else { return nil }
        if bytes.dropFirst().allSatisfy({ $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }) {
            return .range(Int(first - UInt8(ascii: "0")))
        }
        return Int(key).map { .code($0) }
    }

    func content(_ node: YAMLNode, of owner: String) -> [MediaType] {
        guard let pairs = mapping(node, "the content of \(owner)") else { return [] }
        var result: [MediaType] = []
        for pair in pairs {
            guard let name = string(pair.key, "a media type") else { continue }
            guard let mediaPairs = mapping(pair.value, "media type '\(name)' of \(owner)") else { continue }
            let schema = value("schema", in: mediaPairs).map { self.schema($0, "the schema of '\(name)'") }
            let itemSchema = value("itemSchema", in: mediaPairs).map { self.schema($0, "the item schema of '\(name)'") }
            let encoding = value("encoding", in: mediaPairs).map { self.encoding($0, of: "'\(name)'") } ?? []
            result.append(
                MediaType(name: name, schema: schema, itemSchema: itemSchema, example: exampleValue(mediaPairs), encoding: encoding))
        }
        return result
    }
}

extension Loader {
    /// The entries of `webhooks`: each path item's first operation, with its JSON body.
    func webhooks(_ node: YAMLNode) -> [Webhook] {
        guard let pairs = mapping(node, "'webhooks'") else { return [] }
        var result: [Webhook] = []
        for pair in pairs {
            guard let name = string(pair.key, "a webhook name"),
                let itemNode = resolved(pair.value), let itemPairs = mapping(itemNode, "webhook '\(name)'")
            else { continue }
            guard let operationPair = itemPairs.first(where: { $0.key.string.flatMap(HTTPMethod.init(rawValue:)) != nil }),
                let operationPairs = mapping(operationPair.value, "webhook '\(name)'")
            else {
                log.warning("webhook '\(name)' has no operation and was skipped", at: pair.key.mark)
                continue
            }
            var payload: Schema?
            var example: YAMLNode?
            if let bodyNode = value("requestBody", in: operationPairs), let body = resolved(bodyNode),
                let bodyPairs = mapping(body, "the request body of webhook '\(name)'"),
                let contentNode = value("content", in: bodyPairs)
            {
                let media = content(contentNode, of: "webhook '\(name)'")
                let json = media.first { $0.name == "application/json" || $0.name.hasSuffix("+json") } ?? media.first
                payload = json?.schema
                example = json?.example
            }
            result.append(
                Webhook(
                    name: name,
                    operationID: optionalString(value("operationId", in: operationPairs), "'operationId'"),
                    summary: optionalString(value("summary", in: operationPairs), "'summary'"),
                    description: optionalString(value("description", in: operationPairs), "'description'"),
                    payload: payload, example: example, mark: pair.key.mark
                ))
        }
        return result
    }
}
