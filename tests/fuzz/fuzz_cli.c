/* libFuzzer harness of the whole program: arbitrary bytes as a command line (every command, its
 * options, the global ones) or as the lines of a session, run through the program's own main.
 *
 * The input is read as lines. When the first is "session" (global options may follow it on the
 * same line, one word each after a space), the rest is the session's standard input, one
 * command a line; otherwise every line is one word of argv. The program's stdout and stderr are
 * caught in memory and checked: the exit status is 0, 1 or 2, a failure says why on stderr, and
 * neither stream shows "nan" or "inf" unless the input had them.
 *
 * Files: plots and graphs to files (--out) and data files (--data) are left out, so that
 * arbitrary bytes cannot write or read arbitrary paths (the fuzzer may run as root); the
 * terminal pictures (braille, --ascii) are drawn. */
#define _GNU_SOURCE /* memmem, memfd_create */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* The program's main, its stdout and stderr replaced by the harness's memory streams (main.c
 * names them in one place: the cli it sets up; every other file writes to c->out, c->err). */
static FILE *fuzz_out, *fuzz_err;
#undef stdout
#undef stderr
#define stdout fuzz_out
#define stderr fuzz_err
#define main dfdx_main
#include "../../src/cli/main.c"
#undef main
#undef stdout
#undef stderr
#define stdout stdout
#define stderr stderr

/* Longer inputs only slow the fuzzer down; the program's own size limits are tested elsewhere. */
#define FUZZ_MAX_LEN 2048
#define FUZZ_MAX_WORDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint8_t *fuzz_in;
static size_t fuzz_len;

/* A broken promise: say what and abort, so that libFuzzer keeps the input. */
static void broken(const char *what, const char *out, const char *err)
{
#ifdef DX_FUZZ_CHECK
    ck_abort_msg("input \"%.*s\": %s\nstdout: %s\nstderr: %s", (int)fuzz_len, (const char *)fuzz_in, what, out, err);
#else
    fprintf(stderr, "FUZZ: input \"%.*s\": %s\n--- stdout\n%s\n--- stderr\n%s\n", (int)fuzz_len, (const char *)fuzz_in,
            what, out, err);
    abort();
#endif
}

/* Does s contain word (case-insensitive) not inside a longer name ("info", "nano" are fine)? */
static bool has_word(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (size_t i = 0; i + w <= n; i++)
        if (strncasecmp(s + i, word, w) == 0 && (i == 0 || !isalnum((unsigned char)s[i - 1])) &&
            (i + w == n || !isalnum((unsigned char)s[i + w])))
            return true;
    return false;
}

/* Could the input name a file the program writes or reads? Quotes and backslashes are
 * dropped first: the session joins "--o""ut" into --out. */
static bool names_a_file(const uint8_t *data, size_t size)
{
    char plain[FUZZ_MAX_LEN];
    size_t n = 0;
    for (size_t i = 0; i < size; i++)
        if (data[i] != '\'' && data[i] != '"' && data[i] != '\\')
            plain[n++] = (char)data[i];
    return memmem(plain, n, "--out", 5) || memmem(plain, n, "--data", 6);
}

/* The session's standard input: a memory file on descriptor 0 holding text. */
static void set_stdin(const char *text, size_t n)
{
    static int fd = -1;
    if (fd < 0)
        fd = memfd_create("fuzz-stdin", 0);
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, text, n, 0) != (ssize_t)n || lseek(fd, 0, SEEK_SET) != 0 ||
        dup2(fd, STDIN_FILENO) < 0)
        abort();
    __fpurge(stdin); /* what an earlier session read ahead and left */
    clearerr(stdin);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN || memchr(data, 0, size) || names_a_file(data, size))
        return 0;
    fuzz_in = data;
    fuzz_len = size;
    char text[FUZZ_MAX_LEN + 1];
    memcpy(text, data, size);
    text[size] = 0;
    bool typed = strcasestr(text, "nan") || strcasestr(text, "inf"); /* then the output may show them */

    /* argv: "dfdx", then the words of the first line (session) or of every line */
    char *argv[FUZZ_MAX_WORDS + 2] = {"dfdx"};
    int argc = 1;
    const char *input = "";
    bool session = strncmp(text, "session", 7) == 0 && (text[7] == '\n' || text[7] == ' ' || !text[7]);
    char *nl = session ? strchr(text, '\n') : NULL;
    if (session) {
        input = nl ? nl + 1 : "";
        if (nl)
            *nl = 0;
        for (char *w = strtok(text, " "); w && argc <= FUZZ_MAX_WORDS; w = strtok(NULL, " "))
            argv[argc++] = w;
    } else {
        for (char *w = text; w && argc <= FUZZ_MAX_WORDS;) {
            char *next = strchr(w, '\n');
            if (next)
                *next++ = 0;
            argv[argc++] = w;
            w = next;
        }
    }
    if (argc > FUZZ_MAX_WORDS)
        return 0;
    argv[argc] = NULL;
    set_stdin(input, strlen(input));

    char *out = NULL, *err = NULL;
    size_t nout = 0, nerr = 0;
    fuzz_out = open_memstream(&out, &nout);
    fuzz_err = open_memstream(&err, &nerr);
    if (!fuzz_out || !fuzz_err)
        abort();
    int rc = dfdx_main(argc, argv);
    fclose(fuzz_out);
    fclose(fuzz_err);

    if (rc < 0 || rc > 2)
        broken("exit status not 0, 1 or 2", out, err);
    /* exit 2 says why: on stderr, or in the output (a JSON error, check's "undecided" verdict for
     * a formula defined at too few points, in English or Korean: a session may say "lang ko") */
    if (rc == CLI_BAD && nerr == 0 && !has_word(out, nout, "error") && !has_word(out, nout, "undecided") &&
        !has_word(out, nout, "판정 보류"))
        broken("exit 2 without a message", out, err);
    if (!typed && (has_word(out, nout, "nan") || has_word(err, nerr, "nan") || has_word(out, nout, "inf") ||
                   has_word(err, nerr, "inf")))
        broken("nan or inf shown", out, err);
    free(out);
    free(err);
    return 0;
}
