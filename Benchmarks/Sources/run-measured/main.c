// run-measured RESULT_FILE COMMAND [ARGUMENTS...]: runs COMMAND and writes "<wall seconds>
// <peak resident bytes> <exit status>" to RESULT_FILE. A tiny parent measures its child: a large
// parent (the benchmark's Python) would count its own size in the child's ru_maxrss, which
// Linux carries over from the forked image into the exec'd one.
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: run-measured RESULT_FILE COMMAND [ARGUMENTS...]\n");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid;
    if (posix_spawnp(&pid, argv[2], NULL, NULL, argv + 2, environ) != 0) {
        perror(argv[2]);
        return 127;
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("wait4");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    FILE *result = fopen(argv[1], "w");
    if (!result) {
        perror(argv[1]);
        return 1;
    }
    fprintf(result, "%.9f %ld %d\n", seconds, usage.ru_maxrss * 1024L,
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    fclose(result);
    return 0;
}
