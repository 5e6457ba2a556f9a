import Diagnostics
import OpenAPI
import Testing

/// `style`, `explode`, `allowReserved` and `content` of parameters, with OpenAPI's defaults and
/// the styles each location allows.
@Suite struct ParameterStyleLoaderTests {
    static func parameters(_ list: String, path: String = "/a/{id}") -> [Parameter] {
        let result = load(document(paths: "{'\(path)': {get: {parameters: \(list), responses: {'200': {description: ok}}}}}"))
        return result.document?.operations.first?.parameters ?? []
    }

    @Test func defaultsPerLocation() {
        let parameters = Self.parameters(
            """
            [{name: id, in: path, required: true, schema: {type: string}}, {name: q, in: query, schema: {type: string}},
             {name: h, in: header, schema: {type: string}}, {name: c, in: cookie, schema: {type: string}}]
            """)
        #expect(parameters.map(\.style) == [.simple, .form, .simple, .form])
        #expect(parameters.map(\.explode) == [false, true, false, true])
        #expect(parameters.map(\.allowReserved) == [false, false, false, false])
    }

    @Test func givenValues() {
        let parameters = Self.parameters(
            """
            [{name: id, in: path, required: true, style: matrix, explode: true, schema: {type: array, items: {type: string}}},
             {name: q, in: query, style: deepObject, explode: true, allowReserved: true, schema: {type: object}},
             {name: f, in: query, explode: false, schema: {type: string}},
             {name: j, in: query, content: {application/json: {schema: {type: object}}}}]
            """)
        #expect(parameters.map(\.style) == [.matrix, .deepObject, .form, .form])
        #expect(parameters.map(\.explode) == [true, true, false, true])
        #expect(parameters.map(\.allowReserved) == [false, true, false, false])
        #expect(parameters.map(\.contentMediaType) == [nil, nil, nil, "application/json"])
        #expect(parameters.last?.schema != nil)
    }

    /// Each is an error at the `style` value, and the only one.
    @Test(arguments: [
        ("/a/{id}", "{name: id, in: path, required: true, style: form}", "path parameter 'id' has 'style: form'; expected simple, label or matrix"),
        (
            "/a", "{name: q, in: query, style: label}",
            "query parameter 'q' has 'style: label'; expected form, spaceDelimited, pipeDelimited or deepObject"
        ),
        ("/a", "{name: h, in: header, style: matrix}", "header parameter 'h' has 'style: matrix'; expected simple"),
        ("/a", "{name: c, in: cookie, style: simple}", "cookie parameter 'c' has 'style: simple'; expected form"),
        (
            "/a", "{name: q, in: query, style: tab}",
            "query parameter 'q' has 'style: tab'; expected form, spaceDelimited, pipeDelimited or deepObject"
        ),
    ])
    func styleNotAllowedInLocation(path: String, parameter: String, message: String) throws {
        let line = "paths: {'\(path)': {get: {parameters: [\(parameter)], responses: {'200': {description: ok}}}}}"
        let text = "openapi: 3.1.0\ninfo:\n  title: Test\n  version: '1'\n" + line + "\n"
        let valueOffset = try #require(line.range(of: "style: ")).upperBound.utf16Offset(in: line)
        #expect(onlyError(text) == "spec.yaml:5:\(valueOffset + 1): error: " + message)
    }
}
