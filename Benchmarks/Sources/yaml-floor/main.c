// yaml-floor FILE...: runs libyaml's event parser over each FILE in turn (yaml_parser_parse in a
// loop, no tree, no strings copied) and prints the total event count. Reading the files is
// included, as it is for sdkgen. This is the floor for any generator that reads its spec through
// libyaml; for a spec split into files, the floor is the parse of every file it reads.
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

// The events of one file, or -1 (with a message) when it cannot be read or parsed.
static long parse_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) {
        perror(path);
        return -1;
    }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? (size_t)size : 1);
    if (!bytes || fread(bytes, 1, (size_t)size, file) != (size_t)size) {
        fprintf(stderr, "%s: cannot read\n", path);
        fclose(file);
        free(bytes);
        return -1;
    }
    fclose(file);

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fprintf(stderr, "libyaml could not allocate a parser\n");
        free(bytes);
        return -1;
    }
    yaml_parser_set_input_string(&parser, bytes, (size_t)size);
    long events = 0;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%zu:%zu: %s\n", path, parser.problem_mark.line + 1,
                    parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            yaml_parser_delete(&parser);
            free(bytes);
            return -1;
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(bytes);
    return events;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: yaml-floor FILE...\n");
        return 2;
    }
    long events = 0;
    for (int index = 1; index < argc; index++) {
        long count = parse_file(argv[index]);
        if (count < 0) return 1;
        events += count;
    }
    printf("%ld events in %d files\n", events, argc - 1);
    return 0;
}
