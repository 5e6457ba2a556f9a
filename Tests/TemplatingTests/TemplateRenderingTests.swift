import Templating
import Testing

/// Renders `source` (as the template "main", beside `partials`) with `context`.
private func render(_ source: String, _ context: TemplateObject = [:], partials: [String: String] = [:]) throws -> String {
    var library = TemplateLibrary()
    library.add(try Template(parsing: source), named: "main")
    for (name, text) in partials { library.add(try Template(parsing: text), named: name) }
    if let problem = library.includeProblem() { throw problem.error }
    return library.render("main", .object(context))
}

@Suite("Templates: values, sections and partials")
struct TemplateRenderingTests {
    @Test("Variables write text as it is: no HTML escaping, in any of the three forms")
    func variables() throws {
        let context: TemplateObject = ["type": "Array<String>", "quote": "a \"b\" & 'c'"]
        #expect(try render("{{type}} {{{type}}} {{&type}} {{ quote }}", context) == "Array<String> Array<String> Array<String> a \"b\" & 'c'")
        #expect(try render("[{{missing}}]", context) == "[]")
        #expect(try render("{{yes}}/{{no}}", ["yes": true, "no": false]) == "true/false")
    }

    @Test("A section renders once per list element, once for true, an object or text, never for false, empty lists or empty text")
    func sections() throws {
        let context: TemplateObject = [
            "items": .texts(["a", "b", "c"]), "empty": .list([]), "yes": true, "no": false,
            "object": .object(["name": "inner"]), "text": "t", "blank": "",
        ]
        #expect(try render("{{#items}}<{{.}}>{{/items}}", context) == "<a><b><c>")
        #expect(try render("{{#empty}}x{{/empty}}{{#no}}x{{/no}}{{#blank}}x{{/blank}}{{#missing}}x{{/missing}}", context) == "")
        #expect(try render("{{#yes}}y{{/yes}}{{#object}}{{name}}{{/object}}{{#text}}[{{.}}]{{/text}}", context) == "yinner[t]")
        #expect(
            try render(
                "{{^empty}}1{{/empty}}{{^no}}2{{/no}}{{^blank}}3{{/blank}}{{^missing}}4{{/missing}}{{^yes}}5{{/yes}}{{^items}}6{{/items}}", context)
                == "1234")
    }

    @Test("Names are found in the innermost scope that has them; dotted names do not fall back outward")
    func scopes() throws {
        let context: TemplateObject = [
            "name": "outer", "errorName": "E",
            "methods": .objects([["name": "first"], ["name": "second", "errorName": "F"]]),
            "a": .object(["b": .object(["c": "deep"])]),
        ]
        #expect(try render("{{#methods}}{{name}}:{{errorName}} {{/methods}}{{name}}", context) == "first:E second:F outer")
        #expect(try render("{{a.b.c}}|{{#a}}{{b.c}}{{/a}}|{{a.x.c}}|{{#a.b}}{{c}}{{/a.b}}", context) == "deep|deep||deep")
        #expect(try render("{{#a}}{{#b}}{{name}}{{/b}}{{/a}}", context) == "outer")
    }

    @Test("Section, comment, partial, delimiter and pragma tags alone on a line take the line with them")
    func standaloneLines() throws {
        let context: TemplateObject = ["items": .texts(["a", "b"]), "yes": true]
        let source = "{{% CONTENT_TYPE: TEXT}}\nbegin\n  {{#items}}\n  - {{.}}\n  {{/items}}\n\t{{! a comment }}  \n{{#yes}}in {{/yes}}line\nend\n"
        #expect(try render(source, context) == "begin\n  - a\n  - b\nin line\nend\n")
        #expect(try render("a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc", context) == "a\r\nb\r\nc")
        #expect(try render("{{#yes}}\nlast line\n{{/yes}}", context) == "last line\n")
        // A variable alone on a line keeps its line, and two tags on a line are not alone.
        #expect(try render("x\n  {{missing}}\ny", context) == "x\n  \ny")
        #expect(try render("x\n{{#yes}}{{/yes}}\ny", context) == "x\n\ny")
    }

    @Test("A partial alone on an indented line indents each of its own lines, not the lines of values it writes")
    func partialIndentation() throws {
        let partials = ["row": "|\n{{{content}}}\n|\n", "inner": "a\n  {{> leaf}}\nb\n", "leaf": "leaf\n"]
        let context: TemplateObject = ["content": "<\n->"]
        #expect(try render("  {{> row}}\n>\n", context, partials: partials) == "  |\n  <\n->\n  |\n>\n")
        #expect(try render("    {{> inner}}\nend", context, partials: partials) == "    a\n      leaf\n    b\nend")
        #expect(try render("x {{> leaf}} y", context, partials: partials) == "x leaf\n y")
    }

    @Test("Delimiters can be changed, and triple braces follow the new closing delimiter")
    func delimiters() throws {
        let context: TemplateObject = ["name": "N"]
        #expect(try render("{{=<% %>=}}\n<% name %> {{name}} <%{name}%>\n<%={{ }}=%>{{name}}", context) == "N {{name}} N\nN")
    }

    @Test("Problems are reported at their line and column")
    func errors() {
        func problem(_ source: String, partials: [String: String] = [:]) -> TemplateError? {
            do {
                _ = try render(source, partials: partials)
                return nil
            } catch let error as TemplateError {
                return error
            } catch {
                return nil
            }
        }
        #expect(problem("a\n  {{#items}}\nb") == TemplateError("the section 'items' is never closed", line: 2, column: 3))
        #expect(problem("{{#a}}\n{{/b}}") == TemplateError("'b' is closed here but the open section is 'a' (opened at 1:1)", line: 2, column: 1))
        #expect(problem("x {{/a}}") == TemplateError("'a' is closed here but no section of that name is open", line: 1, column: 3))
        #expect(problem("é {{name") == TemplateError("this tag is never closed (no '}}' follows)", line: 1, column: 3))
        #expect(problem("{{upper(name)}}")?.message.hasPrefix("'upper(name)' is not a name") == true)
        #expect(problem("{{% CONTENT_TYPE: HTML}}")?.message.hasPrefix("'CONTENT_TYPE: HTML' is not a pragma sdkgen knows") == true)
        #expect(problem("{{<parent}}{{/parent}}")?.message.hasPrefix("template inheritance") == true)
        #expect(problem("{{=<%>=}}")?.line == 1)
        #expect(problem("{{}}") == TemplateError("this tag is empty", line: 1, column: 1))
        #expect(problem("\n\n {{> nowhere}}") == TemplateError("there is no template named 'nowhere' to include", line: 3, column: 2))
        #expect(
            problem("{{> a}}", partials: ["a": "x\n{{> b}}", "b": "{{> a}}"])
                == TemplateError("including 'a' here never ends (a → b → a)", line: 1, column: 1))
    }

    @Test("Rendering is the same from many threads at once")
    func concurrentRendering() async throws {
        var library = TemplateLibrary()
        library.add(try Template(parsing: "{{#items}}{{.}},{{/items}}"), named: "list")
        let shared = library
        let results = await withTaskGroup(of: String.self) { group in
            for index in 0..<32 {
                group.addTask { shared.render("list", .object(["items": .texts((0..<index).map(String.init))])) }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(results.count == 32)
        #expect(results.contains("0,1,2,"))
    }
}
