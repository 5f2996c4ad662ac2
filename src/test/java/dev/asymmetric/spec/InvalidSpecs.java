package dev.asymmetric.spec;

import static dev.asymmetric.spec.SpecCase.refused;

import java.util.List;
import java.util.stream.Stream;

/**
 * The table of environment specs the reader must refuse, grouped by rule (CLI.md "The environment spec",
 * issue 3). Long because it is a table: each entry is the spec as a user would write it and what the refusal
 * must say. Line numbers count from the first line of each text block.
 */
final class InvalidSpecs {
    static final String NOT_YAML = "not YAML: the editor's YAML parser reports it before any schema runs";
    static final String DUPLICATE = "a duplicate key: YAML parsers keep one value, so the schema sees one key";
    static final String CATALOG = "templates, modes and seeds live in the catalog, not in a static schema";

    private InvalidSpecs() {
    }

    static Stream<SpecCase> all() {
        return Stream.of(document(), unknownKeys(), types(), required(), names(), catalog(), HostileSpecs.all())
                .flatMap(List::stream);
    }

    static List<SpecCase> document() {
        return List.of(
                refused("an empty file is refused", "").says("is empty; it needs at least a 'name' and a 'clones' list"),
                refused("a whitespace-only file is refused", "  \n\n    \n").says("is empty"),
                refused("blank lines holding tabs are refused as empty", " \t \n\t\n").says("is empty")
                        .readerOnly("some YAML parsers reject a line of tabs; the reader calls it blank"),
                refused("a comment-only file is refused", "# nothing here yet\n").says("is empty (only comments)"),
                refused("an unclosed flow list is malformed YAML", """
                        name: acme
                        clones: [
                        """).at("", 3).says("is not valid YAML").readerOnly(NOT_YAML),
                refused("a tab used for indentation is malformed YAML and names its line", """
                        name: acme
                        clones:
                          - template: fixture
                        \tmode: api
                        """).at("", 4).says("Do not use \\t(TAB) for indentation").readerOnly(NOT_YAML),
                refused("a key indented under a scalar is malformed YAML", """
                        name: acme
                          clones:
                          - template: fixture
                        """).at("", 2).says("mapping values are not allowed here").readerOnly(NOT_YAML),
                refused("an unterminated quote is malformed YAML", """
                        name: acme
                        clones:
                          - template: fixture
                            mode: "api
                        """).at("", 5).says("while scanning a quoted scalar started on line 4").readerOnly(NOT_YAML),
                refused("a list used as a key is malformed for a spec", """
                        name: acme
                        clones:
                          - template: fixture
                        ? [a, b]
                        : c
                        """).at("", 4).says("a key must be plain text, not a list or a mapping").readerOnly(NOT_YAML),
                refused("two YAML documents in one file are refused", """
                        name: acme
                        clones:
                          - template: fixture
                        ---
                        name: other
                        """).at("", 5).says("holds more than one YAML document")
                        .readerOnly("several documents: the schema judges each on its own"),
                refused("a root that is a list is refused", """
                        - name: acme
                          clones:
                            - template: fixture
                        """).at("", 1).says("must be a mapping (an environment spec with 'name' and 'clones'), not a list"),
                refused("a root that is a word is refused", "acme\n").at("", 1).says("must be a mapping (an environment spec with 'name' and 'clones'), not a string"),
                refused("a root that is a number is refused", "42\n").at("", 1).says("not a number"),
                refused("a duplicate top-level key names both lines", """
                        name: acme
                        clones:
                          - template: fixture
                        name: other
                        """).at("name", 4).says("is given twice (first on line 1)").readerOnly(DUPLICATE),
                refused("a duplicate key inside a clone entry names its key path", """
                        name: acme
                        clones:
                          - template: fixture
                            mode: readonly
                            mode: api
                        """).at("clones[0].mode", 5).says("is given twice (first on line 4)").readerOnly(DUPLICATE));
    }

    static List<SpecCase> unknownKeys() {
        return List.of(
                refused("unknown top-level key 'clone' suggests 'clones'", """
                        name: acme
                        clone:
                          - template: fixture
                        """).at("", 2).says("Unknown key(s): 'clone' (did you mean 'clones'?)"),
                refused("unknown top-level key 'nmae' suggests 'name'", """
                        nmae: acme
                        clones:
                          - template: fixture
                        """).at("", 1).says("'nmae' (did you mean 'name'?)"),
                refused("unknown top-level key with nothing close lists the allowed keys", """
                        name: acme
                        colour: blue
                        clones:
                          - template: fixture
                        """).at("", 2).says("Unknown key(s): 'colour'; allowed here: name, clones"),
                refused("unknown clone key 'templte' suggests 'template'", """
                        name: acme
                        clones:
                          - templte: fixture
                        """).at("clones[0]", 3).says("Unknown key(s): 'templte' (did you mean 'template'?)"),
                refused("unknown clone key in the second entry names that entry", """
                        name: acme
                        clones:
                          - template: fixture
                          - template: fixture
                            mdoe: api
                        """).at("clones[1]", 5).says("'mdoe' (did you mean 'mode'?)"),
                refused("unknown clone key 'seeds' suggests 'seed'", """
                        name: acme
                        clones:
                          - template: fixture
                            seeds: acme-corp
                        """).at("clones[0]", 4).says("'seeds' (did you mean 'seed'?)"),
                refused("unknown clone key 'expose' lists the allowed keys", """
                        name: acme
                        clones:
                          - template: fixture
                            expose: true
                        """).at("clones[0]", 4).says("'expose'; allowed here: template, mode, seed"),
                refused("an identity block is refused as not supported yet", """
                        name: acme
                        clones:
                          - template: fixture
                        identity:
                          provider: keycloak
                        """).at("identity", 4).says("shared identity is not supported yet"),
                refused("a data block is refused as not supported yet", """
                        name: acme
                        data: {}
                        clones:
                          - template: fixture
                        """).at("data", 2).says("BYOD data is not supported yet"));
    }

    static List<SpecCase> types() {
        return List.of(
                refused("a number as the name is refused", """
                        name: 42
                        clones:
                          - template: fixture
                        """).at("name", 1).says("must be a string, not a number"),
                refused("a boolean as the name is refused", """
                        name: true
                        clones:
                          - template: fixture
                        """).at("name", 1).says("must be a string, not a boolean"),
                refused("a list as the name is refused", """
                        name: [acme]
                        clones:
                          - template: fixture
                        """).at("name", 1).says("must be a string, not a list"),
                refused("a mapping as the name is refused", """
                        name:
                          first: acme
                        clones:
                          - template: fixture
                        """).at("name", 2).says("must be a string, not a mapping"),
                refused("a mapping where the clones list belongs is refused", """
                        name: acme
                        clones:
                          template: fixture
                        """).at("clones", 3).says("must be a list (at least one '- template: <name>' entry), not a mapping"),
                refused("a word where the clones list belongs is refused", """
                        name: acme
                        clones: fixture
                        """).at("clones", 2).says("must be a list (at least one '- template: <name>' entry), not a string"),
                refused("a clone entry that is a word is refused", """
                        name: acme
                        clones:
                          - fixture
                        """).at("clones[0]", 3).says("must be a mapping (a clone entry like '- template: fixture'), not a string"),
                refused("a clone entry that is a list is refused", """
                        name: acme
                        clones:
                          - template: fixture
                          - [stripe]
                        """).at("clones[1]", 4).says("must be a mapping (a clone entry like '- template: fixture'), not a list"),
                refused("an empty clone entry is refused", """
                        name: acme
                        clones:
                          -
                        """).at("clones[0]", 3).says("must be a mapping (a clone entry like '- template: fixture'), not empty (null)"),
                refused("a number as the template is refused", """
                        name: acme
                        clones:
                          - template: 7
                        """).at("clones[0].template", 3).says("must be a string, not a number"),
                refused("a mapping as the template is refused", """
                        name: acme
                        clones:
                          - template: {name: fixture}
                        """).at("clones[0].template", 3).says("must be a string, not a mapping"),
                refused("a boolean as the mode is refused", """
                        name: acme
                        clones:
                          - template: fixture
                            mode: true
                        """).at("clones[0].mode", 4).says("must be a string, not a boolean"),
                refused("a list as the seed is refused", """
                        name: acme
                        clones:
                          - template: fixture
                            seed: [empty, acme-corp]
                        """).at("clones[0].seed", 4).says("must be a string, not a list"),
                refused("a blank mode is refused", """
                        name: acme
                        clones:
                          - template: fixture
                            mode: "  "
                        """).at("clones[0].mode", 4).says("must not be blank"));
    }

    static List<SpecCase> required() {
        return List.of(
                refused("a spec without clones is refused", "name: acme\n").at("clones", 1).says("is required"),
                refused("an empty clones list is refused", """
                        name: acme
                        clones: []
                        """).at("clones", 2).says("must not be empty"),
                refused("clones with nothing after it is refused as missing", """
                        name: acme
                        clones:
                        """).at("clones", 2).says("is required (at least one '- template: <name>' entry)"),
                refused("clones set to null is refused as missing", """
                        name: acme
                        clones: null
                        """).at("clones", 2).says("is required"),
                refused("a spec without a name is refused", """
                        clones:
                          - template: fixture
                        """).at("name", 1).says("is required"),
                refused("a name with nothing after it is refused as missing", """
                        name:
                        clones:
                          - template: fixture
                        """).at("name", 1).says("is required"),
                refused("a clone entry without a template is refused", """
                        name: acme
                        clones:
                          - mode: api
                        """).at("clones[0].template", 3).says("is required"),
                refused("an empty mapping as a clone entry is refused", """
                        name: acme
                        clones:
                          - {}
                        """).at("clones[0].template", 3).says("is required"));
    }

    static List<SpecCase> names() {
        String rule = "is not a valid name: lowercase letters, digits and '-', starting with a letter, at most 40 characters";
        return List.of(
                refused("an uppercase name is refused", """
                        name: Acme
                        clones:
                          - template: fixture
                        """).at("name", 1).says("'Acme' " + rule),
                refused("a name starting with a digit is refused", """
                        name: 1acme
                        clones:
                          - template: fixture
                        """).at("name", 1).says("'1acme' is not a valid name"),
                refused("a name starting with '-' is refused", """
                        name: -acme
                        clones:
                          - template: fixture
                        """).at("name", 1).says("'-acme' is not a valid name"),
                refused("a name with an underscore is refused", """
                        name: acme_corp
                        clones:
                          - template: fixture
                        """).at("name", 1).says("'acme_corp' is not a valid name"),
                refused("a name of 41 characters is refused", """
                        name: abcdefghij-abcdefghij-abcdefghij-abcdefgh
                        clones:
                          - template: fixture
                        """).at("name", 1).says("at most 40 characters"),
                refused("an empty quoted name is refused", """
                        name: ""
                        clones:
                          - template: fixture
                        """).at("name", 1).says("must not be blank"),
                refused("a name with a space is refused", """
                        name: acme corp
                        clones:
                          - template: fixture
                        """).at("name", 1).says("'acme corp' is not a valid name"),
                refused("a name with an accented letter is refused", """
                        name: café
                        clones:
                          - template: fixture
                        """).at("name", 1).says("'café' is not a valid name"),
                refused("501 clones are refused: a spec holds at most 500", ValidSpecs.clones(501)).at("clones", 2)
                        .says("holds 501 entries; an environment holds at most 500 clones, so split it into several"
                                + " environments"));
    }

    static List<SpecCase> catalog() {
        return List.of(
                refused("an unknown mode suggests the closest and lists the modes", """
                        name: acme
                        clones:
                          - template: fixture
                          - template: fixture
                            mode: aip
                        """).at("clones[1].mode", 5).says("'aip' is not a mode of fixture; did you mean 'api'? (modes: api, readonly)")
                        .readerOnly(CATALOG),
                refused("an unknown mode with nothing close lists the modes", """
                        name: acme
                        clones:
                          - template: fixture
                            mode: turbo
                        """).at("clones[0].mode", 4).says("'turbo' is not a mode of fixture (modes: api, readonly)")
                        .readerOnly(CATALOG),
                refused("an unknown seed suggests the seed it prefixes", """
                        name: acme
                        clones:
                          - template: fixture
                            seed: acme
                        """).at("clones[0].seed", 4).says("did you mean 'acme-corp'? (seeds: empty, acme-corp)")
                        .readerOnly(CATALOG),
                refused("a seed for a template without seeds says it has none", """
                        name: acme
                        clones:
                          - template: stripe
                            seed: customers
                        """).at("clones[0].seed", 4).says("'customers' is not a seed of stripe (it has no seeds)")
                        .readerOnly(CATALOG),
                refused("an unknown template suggests the closest and points to the catalog", """
                        name: acme
                        clones:
                          - template: fixtur
                        """).templateNotFound().at("clones[0].template", 3)
                        .says("No template named 'fixtur' (did you mean 'fixture'?). See the catalog with: asymmetric ls --templates")
                        .readerOnly(CATALOG),
                refused("an unknown template with nothing close points to the catalog", """
                        name: acme
                        clones:
                          - template: fixture
                          - template: postgres
                        """).templateNotFound().at("clones[1].template", 4)
                        .says("No template named 'postgres'. See the catalog with: asymmetric ls --templates")
                        .readerOnly(CATALOG));
    }
}
