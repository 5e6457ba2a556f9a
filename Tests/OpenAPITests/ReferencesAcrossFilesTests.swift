import Diagnostics
import OpenAPI
import Testing

/// Files held in memory, read by path as the loader asks for them.
struct MemoryFiles: SpecFileReader {
    var files: [String: String]

    func read(_ path: String) -> SpecFileRead {
        files[path].map { .bytes(Array($0.utf8)) } ?? .missing
    }
}

/// Loads `main` as `api/openapi.yaml` with `files` beside it (paths relative to `api/`).
func loadSplit(_ main: String, _ files: [String: String], limits: ReferenceLimits = ReferenceLimits()) -> LoadResult {
    let reader = MemoryFiles(files: Dictionary(uniqueKeysWithValues: files.map { ("api/" + $0.key, $0.value) }))
    return DocumentLoader.load(DocumentLoader.parse(SourceFile(path: "api/openapi.yaml", text: main)), reader: reader, limits: limits)
}

/// The descriptions of the diagnostics of a load.
func messages(_ result: LoadResult) -> [String] {
    result.diagnostics.map(\.description)
}

/// A spec whose one operation answers 200 with the schema `schema`.
func specAnswering(_ schema: String) -> String {
    """
    openapi: 3.1.0
    info: {title: T, version: '1'}
    paths:
      /a:
        get:
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema: \(schema)
    """
}

@Suite("References across files")
struct ReferencesAcrossFilesTests {
    @Test("A reference inside a referenced file is relative to that file, not to the spec")
    func nestedReferencesAreRelativeToTheirFile() throws {
        let result = loadSplit(
            specAnswering("{$ref: 'models/pet.yaml'}"),
            [
                "models/pet.yaml": "type: object\nproperties:\n  owner: {$ref: '../people/owner.yaml#/Owner'}\n",
                "people/owner.yaml": "Owner:\n  type: object\n  properties:\n    name: {type: string}\n",
            ])
        let document = try #require(result.document, "\(messages(result))")
        #expect(document.schemas.map(\.name) == ["pet", "Owner"])
        #expect(result.referencedFiles.map(\.path) == ["api/models/pet.yaml", "api/people/owner.yaml"])
        #expect(document.files == ["api/openapi.yaml", "api/models/pet.yaml", "api/people/owner.yaml"])
    }

    @Test("Every file is read and parsed once, however many references name it")
    func eachFileIsReadOnce() throws {
        let result = loadSplit(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {$ref: 'item.yaml'}
              /b: {$ref: './item.yaml'}
              /c: {$ref: 'sub/../item.yaml'}
            """,
            ["item.yaml": "get:\n  responses:\n    '204': {$ref: 'shared.yaml#/NoContent'}\n", "shared.yaml": "NoContent: {description: none}\n"])
        let document = try #require(result.document, "\(messages(result))")
        #expect(document.operations.map(\.path) == ["/a", "/b", "/c"])
        #expect(result.referencedFiles.map(\.path) == ["api/item.yaml", "api/shared.yaml"])
    }

    @Test("Component schemas kept in files keep their names wherever they are referenced from")
    func componentsInFilesKeepTheirNames() throws {
        let result = loadSplit(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {$ref: 'paths/a.yaml'}
            components:
              schemas:
                Pet: {$ref: 'schemas/Pet.yaml', description: Beside the reference}
                Tag: {$ref: 'schemas/Tag.yaml'}
            """,
            [
                "paths/a.yaml":
                    "get:\n  responses:\n    '200':\n      description: ok\n      content:\n        application/json:\n          schema: {$ref: '../schemas/Pet.yaml'}\n",
                "schemas/Pet.yaml":
                    "type: object\ndescription: In the file\nproperties:\n  tags: {type: array, items: {$ref: 'Tag.yaml'}}\n  self: {$ref: '../openapi.yaml#/components/schemas/Pet'}\n",
                "schemas/Tag.yaml": "type: string\nenum: [a, b]\n",
            ])
        let document = try #require(result.document, "\(messages(result))")
        #expect(document.schemas.map(\.name) == ["Pet", "Tag"])
        let pet = try #require(document.schemas.first)
        #expect(pet.schema.description == "Beside the reference")
        guard case .object(let object) = pet.schema.kind else {
            Issue.record("Pet is \(pet.schema.kind)")
            return
        }
        guard case .array(let items?) = object.properties[0].schema.kind, case .reference("Tag") = items.kind else {
            Issue.record("tags is \(object.properties[0].schema.kind)")
            return
        }
        guard case .reference("Pet") = object.properties[1].schema.kind else {
            Issue.record("self is \(object.properties[1].schema.kind)")
            return
        }
        guard case .reference("Pet") = document.operations[0].responses[0].content[0].schema?.kind else {
            Issue.record("the response is \(String(describing: document.operations[0].responses[0].content[0].schema?.kind))")
            return
        }
    }

    @Test("Schema objects in other files become named types, by pointer or file name, never colliding")
    func schemasInOtherFilesAreNamed() throws {
        let result = loadSplit(
            specAnswering(
                "{type: object, properties: {a: {$ref: 'a/pet.yaml'}, b: {$ref: 'b/pet.yml'}, c: {$ref: 'a/pet.yaml'}, d: {$ref: 'x.yaml#/Shape'}, e: {$ref: 'x.yaml#/Id'}}}"
            ),
            [
                "a/pet.yaml": "type: object\nproperties:\n  next: {$ref: 'pet.yaml'}\n",
                "b/pet.yml": "type: object\nproperties:\n  name: {type: string}\n",
                "x.yaml": "Shape: {oneOf: [{type: string}, {type: integer}]}\nId: {type: string, format: uuid}\n",
            ])
        let document = try #require(result.document, "\(messages(result))")
        #expect(document.schemas.map(\.name) == ["pet", "pet2", "Shape"])
        let properties = document.operations[0].responses[0].content[0].schema.flatMap { schema -> [String]? in
            guard case .object(let object) = schema.kind else { return nil }
            return object.properties.map { property in
                if case .reference(let name) = property.schema.kind { return "\(property.name) → \(name)" }
                return "\(property.name) inline"
            }
        }
        #expect(properties == ["a → pet", "b → pet2", "c → pet", "d → Shape", "e inline"])
    }

    @Test("A schema named after its file is no component: '#/components/schemas/<that name>' stays unresolved")
    func namedSchemaIsNoComponent() {
        let result = loadSplit(
            specAnswering("{type: object, properties: {a: {$ref: 'models/pet.yaml'}, b: {$ref: '#/components/schemas/pet'}}}"),
            ["models/pet.yaml": "type: object\nproperties:\n  name: {type: string}\n"])
        #expect(result.document == nil)
        #expect(messages(result) == ["api/openapi.yaml:11:91: error: unresolved reference '#/components/schemas/pet'"])
    }

    @Test("A discriminator mapping may name a schema in another file")
    func discriminatorMappingToAFile() throws {
        let result = loadSplit(
            specAnswering(
                "{oneOf: [{$ref: 'dog.yaml'}], discriminator: {propertyName: kind, mapping: {dog: 'dog.yaml'}}}"),
            ["dog.yaml": "type: object\nproperties:\n  kind: {type: string}\n"])
        let document = try #require(result.document, "\(messages(result))")
        let schema = document.operations[0].responses[0].content[0].schema
        #expect(schema?.discriminator?.mapping.map { "\($0.value)=\($0.schema)" } == ["dog=dog"])
    }

    @Test(
        "A reference that leaves the folder, names a URL or an absolute path, or a missing file, is an error at the reference",
        arguments: [
            (
                "'../outside.yaml'",
                "api/openapi.yaml:11:30: error: '../outside.yaml' leads outside the spec's folder 'api'; sdkgen reads only files inside it"
            ),
            (
                "'sub/../../../etc/passwd'",
                "api/openapi.yaml:11:30: error: 'sub/../../../etc/passwd' leads outside the spec's folder 'api'; sdkgen reads only files inside it"
            ),
            (
                "'https://example.com/pet.yaml'",
                "api/openapi.yaml:11:30: error: 'https://example.com/pet.yaml' is a URL; sdkgen never fetches one: save the file in the spec's folder and reference it by a relative path"
            ),
            (
                "'file:pet.yaml'",
                "api/openapi.yaml:11:30: error: 'file:pet.yaml' is a URL; sdkgen never fetches one: save the file in the spec's folder and reference it by a relative path"
            ),
            (
                "'/etc/passwd'",
                "api/openapi.yaml:11:30: error: '/etc/passwd' is an absolute path; a reference names a file relative to the file it is in"
            ),
            ("'nowhere.yaml#/Pet'", "api/openapi.yaml:11:30: error: the file 'api/nowhere.yaml' that 'nowhere.yaml#/Pet' names does not exist"),
            ("'pets.yaml#/Cat'", "api/openapi.yaml:11:30: error: unresolved reference 'pets.yaml#/Cat'"),
        ])
    func refusedReferences(reference: String, expected: String) {
        let result = loadSplit(specAnswering("{$ref: \(reference)}"), ["pets.yaml": "Dog: {type: object}\n"])
        #expect(result.document == nil)
        #expect(messages(result) == [expected])
        #expect(result.referencedFiles.allSatisfy { $0.path == "api/pets.yaml" }, "nothing outside is read")
    }

    @Test("A syntax error in a referenced file is reported once, in that file, however often it is referenced")
    func syntaxErrorInAReferencedFile() {
        let result = loadSplit(
            specAnswering("{type: object, properties: {a: {$ref: 'bad.yaml'}, b: {$ref: 'bad.yaml'}, c: {$ref: 'bad.json'}}}"),
            ["bad.yaml": "type: object\nproperties: [\n", "bad.json": "{\"type\": \"object\",}\n"])
        #expect(result.document == nil)
        #expect(messages(result).count == 2)
        #expect(messages(result).first?.hasPrefix("api/bad.yaml:3:1: error: ") == true, "\(messages(result))")
        #expect(messages(result).last == "api/bad.json:1:18: error: a trailing comma is not allowed in JSON")
    }

    @Test("A cycle of path item references across files is found and reported")
    func cycleAcrossFiles() {
        let result = loadSplit(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a: {$ref: 'one.yaml'}
            """,
            ["one.yaml": "$ref: 'two.yaml#/item'\n", "two.yaml": "item: {$ref: 'one.yaml'}\n"])
        #expect(result.document == nil)
        #expect(messages(result) == ["api/two.yaml:1:14: error: reference cycle: api/one.yaml → api/two.yaml#/item → api/one.yaml"])
    }

    @Test("A schema cycle through files is a recursive named type, not an endless load")
    func recursiveSchemaAcrossFiles() throws {
        let result = loadSplit(
            specAnswering("{$ref: 'node.yaml'}"),
            [
                "node.yaml": "type: object\nproperties:\n  children: {type: array, items: {$ref: 'list.yaml#/Children'}}\n",
                "list.yaml": "Children:\n  type: object\n  properties:\n    first: {$ref: 'node.yaml'}\n",
            ])
        let document = try #require(result.document, "\(messages(result))")
        #expect(document.schemas.map(\.name) == ["node", "Children"])
    }

    @Test("No more files are read than the limit allows")
    func fileLimit() {
        let result = loadSplit(
            specAnswering("{type: object, properties: {a: {$ref: 'a.yaml'}, b: {$ref: 'b.yaml'}}}"),
            ["a.yaml": "type: object\n", "b.yaml": "type: object\n"], limits: ReferenceLimits(maxFiles: 2))
        #expect(messages(result) == ["api/openapi.yaml:11:82: error: the spec references more than 2 files; is this a reference bomb?"])
        #expect(result.referencedFiles.map(\.path) == ["api/a.yaml"])
    }

    @Test("No more bytes are read than the limit allows")
    func byteLimit() {
        let result = loadSplit(
            specAnswering("{$ref: 'big.yaml'}"), ["big.yaml": "type: object\ndescription: '\(String(repeating: "x", count: 100))'\n"],
            limits: ReferenceLimits(maxTotalBytes: 50))
        #expect(messages(result) == ["api/openapi.yaml:11:30: error: the files the spec references are more than 50 bytes together"])
    }
}
