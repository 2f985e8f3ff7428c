/* The session: batch mode on stdin (an examples file, errors by line), and a terminal session
 * driven through a pseudo-terminal. Also every command's --help and the manual page. */
#define _DEFAULT_SOURCE /* forkpty */
#include "testutil.h"
#include <check.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *b = calloc(1, 1 << 20);
    size_t n = fread(b, 1, (1 << 20) - 1, f);
    b[n] = 0;
    fclose(f);
    return b;
}

START_TEST(batch_examples_file)
{
    char *input = slurp(DX_SOURCE_DIR "/examples/session.dfdx");
    ck_assert_msg(input != NULL, "examples/session.dfdx is missing");
    const char *argv[] = {NULL};
    char *out, *err;
    int rc = tu_run(argv, input, &out, &err);
    static const char want[] = "loss(w) = w^4 - 8*w^2 + 2*w + 20\n"
                               "4*w^3 - 16*w + 2\n"
                               "slope(w) = 4*w^3 - 16*w + 2\n"
                               "2\n"
                               "8\n"
                               "f(x) = x^3 - 3*x\n"
                               "6*x\n"
                               "-11/8\n"
                               "2*x*cos(x^2 + 1)\n"
                               "d/dw = 2*x*(w*x - y)\n"
                               "d/dx = 2*w*(w*x - y)\n"
                               "d/dy = -2*(w*x - y)\n";
    ck_assert_msg(rc == 0 && !*err && strncmp(out, want, strlen(want)) == 0, "rc %d, err '%s', out:\n%s", rc, err, out);
    ck_assert_msg(strstr(out, "* f(x) = x^3 - 3*x   o f'(x) = 3*x^2 - 3\n"), "no plot:\n%s", out);
    free(input);
    free(out);
    free(err);
}
END_TEST

/* A session's name right after a number's digits is still its name, as the parser reads 2f as
 * 2*f: it used to stay a plain variable f. */
START_TEST(name_after_digits)
{
    const char *argv[] = {NULL};
    char *out, *err;
    int rc = tu_run(argv, "f = x^3\n2f\n1e1f\n", &out, &err);
    ck_assert_msg(rc == 0 && strcmp(out, "f(x) = x^3\n6*x^2\n30*x^2\n") == 0, "rc %d, out:\n%s\nerr:\n%s", rc, out, err);
    free(out);
    free(err);
}
END_TEST

/* Errors name their line, and the lines after them still run; the status says one failed. */
START_TEST(batch_errors_go_on)
{
    const char *argv[] = {NULL};
    char *out, *err;
    int rc = tu_run(argv,
                    "f = x^2\n"
                    "diff x^3 - * x\n"
                    "\n"
                    "f(3)\n"
                    "1/0\n"
                    "sin = x\n"
                    "diff f --bogus\n"
                    "g(t) = t*f(t)\n"
                    "diff \"h\"\n"
                    "diff g\n"
                    "ans\n"
                    "diff 'x^2' --order 2\n"
                    "f(\n",
                    &out, &err);
    ck_assert_msg(rc == 2, "rc %d", rc);
    ck_assert_msg(strcmp(out, "f(x) = x^2\n9\ng(t) = t^3\n1\n3*t^2\n3*t^2\n2\n") == 0, "out:\n%s", out);
    static const char *errs[] = {"dfdx: line 2: syntax error at column 7: unexpected '*'",
                                 "dfdx: line 5: error at column 2: division by zero",
                                 "dfdx: line 6: 'sin' cannot be a name",
                                 "dfdx: line 7: '--bogus' is not an option of 'dfdx diff'",
                                 "dfdx: line 13: syntax error"};
    for (size_t i = 0; i < sizeof errs / sizeof *errs; i++)
        ck_assert_msg(strstr(err, errs[i]), "missing '%s' in:\n%s", errs[i], err);
    free(out);
    free(err);
}
END_TEST

/* Words split as a shell splits quotes; a command taking one expression joins the rest. */
START_TEST(batch_words)
{
    const char *argv[] = {NULL};
    char *out, *err;
    int rc = tu_run(argv,
                    "diff x^3 - 3x\n"
                    "diff 'w^2 * x' --var w\n"
                    "diff \"(x + 1)^2\" --order=2\n"
                    "grad x*y\n"
                    "diff 'x^2\n"
                    "+ x'\n"
                    "help diff\n"
                    "quit\n"
                    "diff x\n",
                    &out, &err);
    ck_assert_msg(rc == 0 && !*err, "rc %d: %s", rc, err);
    ck_assert_msg(strncmp(out, "3*x^2 - 3\n2*w*x\n2\nd/dx = y\nd/dy = x\n2*x + 1\nusage: diff EXPR", 60) == 0 &&
                      !strstr(out, "\n1\n"),
                  "out:\n%s", out);
    free(out);
    free(err);
}
END_TEST

/* What students type in a session (CLI.md, issue 13): f'(2) and f''(x) (the quote is a prime,
 * not a string swallowing the lines after it), diff f as a value, the variable of a function
 * refused as a name, ans after a bare expression, a pasted dfdx prefix and its quotes, and a
 * function of two variables. */
/* ans after every result, a function of its one variable: ans(0) is its value at 0, not ans*0 */
START_TEST(ans_after_every_result)
{
    const char *argv[] = {NULL};
    char *out, *err;
    int rc = tu_run(argv, "f = x^3 - 3x\ntangent f --at 2\nans\nans(0)\nx^2 + 1\nans(3)\n2 + 3\nans*2\n", &out, &err);
    ck_assert_msg(rc == 0, "rc %d: %s", rc, err);
    ck_assert_msg(strstr(out, "tangent: y = 9*x - 16\n9*x - 16\n-16\n2*x\n6\n5\n10\n") != NULL, "out:\n%s", out);
    free(out);
    free(err);
}
END_TEST

START_TEST(students_session)
{
    const char *argv[] = {NULL};
    char *out, *err;
    int rc = tu_run(argv,
                    "f = x^3 - 3x\n"
                    "f'(2)\n"
                    "f''(x)\n"
                    "f'\n"
                    "k = diff f\n"
                    "k(2)\n"
                    "x = 3\n"
                    "f(2)\n"
                    "2 + 3\n"
                    "ans\n"
                    "dfdx diff 'x^2'\n"
                    "'sin(x)'\n"
                    "ans\n"
                    "L(w, b) = (w*x + b - y)^2\n"
                    "L(1, 2)\n"
                    "L(b, w)\n"
                    "grad L\n"
                    "L(1)\n"
                    "w = 2\n"
                    "g'(1)\n"
                    "m = diff t^3 --order 2\n"
                    "limt x --at 0\n",
                    &out, &err);
    ck_assert_msg(rc == 2, "rc %d", rc);
    static const char want[] = "f(x) = x^3 - 3*x\n"
                               "9\n"
                               "f''(x) = 6*x\n"
                               "f' = 3*x^2 - 3\n"
                               "k(x) = 3*x^2 - 3\n"
                               "9\n"
                               "2\n"
                               "5\n"
                               "5\n"
                               "2*x\n"
                               "cos(x)\n"
                               "cos(x)\n"
                               "L(w, b) = (w*x + b - y)^2\n"
                               "L(1, 2) = (x - y + 2)^2\n"
                               "L(b, w) = (b*x + w - y)^2\n"
                               "d/dw = 2*x*(w*x + b - y)\n"
                               "d/db = 2*(w*x + b - y)\n"
                               "m(t) = 6*t\n";
    ck_assert_msg(strcmp(out, want) == 0, "out:\n%s\nerr:\n%s", out, err);
    static const char *errs[] = {"dfdx: line 7: x is the variable of k: for k at x = 3, write k(3)",
                                 "dfdx: line 18: syntax error at column 1: L takes 2 values, one for each of its variables",
                                 "dfdx: line 19: w is a variable of L(w, b): give the values in a call, as L(1, 2)",
                                 "dfdx: line 20: syntax error at column 1: g' needs a function g",
                                 "dfdx: line 22: unknown command 'limt' (did you mean 'limit'?)"};
    for (size_t i = 0; i < sizeof errs / sizeof *errs; i++)
        ck_assert_msg(strstr(err, errs[i]), "missing '%s' in:\n%s", errs[i], err);
    free(out);
    free(err);
}
END_TEST

/* --- a terminal session through a pseudo-terminal ------------------------------------------------ */

typedef struct {
    char buf[1 << 16];
    size_t len;
} screen;

/* Read what the program writes until want occurs n times in all of it (or EOF, or 10 s). */
static bool wait_for(int fd, screen *s, const char *want, int n)
{
    for (int waited = 0; waited < 100;) {
        int seen = 0;
        for (const char *p = s->buf; (p = strstr(p, want)); p++)
            seen++;
        if (seen >= n)
            return true;
        struct pollfd pf = {fd, POLLIN, 0};
        if (poll(&pf, 1, 100) <= 0) {
            waited++;
            continue;
        }
        ssize_t r = read(fd, s->buf + s->len, sizeof s->buf - 1 - s->len);
        if (r <= 0)
            return false;
        s->len += (size_t)r;
        s->buf[s->len] = 0;
    }
    return false;
}

START_TEST(terminal_session)
{
    char home[] = "/tmp/dfdx-home-XXXXXX";
    ck_assert(mkdtemp(home) != NULL);
    int fd;
    struct winsize ws = {24, 80, 0, 0};
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    ck_assert(pid >= 0);
    if (pid == 0) {
        setenv("HOME", home, 1);
        setenv("TERM", "dumb", 1);
        execl(DX_CLI, DX_CLI, (char *)NULL);
        _exit(127);
    }
    static const char *lines[] = {"f = x^3 - 3x", "diff f", "diff x^2 +* 1", "f(2)", "diff sin(", "x)"};
    static screen s;
    int prompts = 1;
    ck_assert_msg(wait_for(fd, &s, "> ", prompts), "no prompt:\n%s", s.buf);
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        ck_assert(write(fd, lines[i], strlen(lines[i])) > 0 && write(fd, "\r", 1) == 1);
        ck_assert_msg(wait_for(fd, &s, "> ", ++prompts), "after '%s':\n%s", lines[i], s.buf);
    }
    /* Ctrl-D ends the session; never wait on a session that did not end */
    int status = -1;
    pid_t done = 0;
    for (int tick = 0; tick < 200 && done == 0; tick++) { /* 50 ms ticks: 10 s at most */
        /* Ctrl-U first: a Ctrl-D typed while the terminal was still in cooked mode may sit
         * in the line as text, and then Ctrl-D only rings the bell */
        if (tick % 20 == 0)
            ck_assert(write(fd, tick ? "\x15\x04" : "\x04", tick ? 2 : 1) > 0);
        struct pollfd pf = {fd, POLLIN, 0};
        if (poll(&pf, 1, 50) > 0) {
            ssize_t r = read(fd, s.buf + s.len, sizeof s.buf - 1 - s.len);
            if (r > 0) {
                s.len += (size_t)r;
                s.buf[s.len] = 0;
            } else {
                usleep(50000); /* the pty closed: the program is exiting */
            }
        }
        done = waitpid(pid, &status, WNOHANG);
    }
    if (done == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    close(fd);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %d, session:\n%s", status, s.buf);
    static const char *want[] = {"dfdx> ", "f(x) = x^3 - 3*x", "3*x^2 - 3", "unexpected '*'", "\r\n2\r\n",
                                 "  ...> ", "cos(x)"};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        ck_assert_msg(strstr(s.buf, want[i]), "missing '%s' in the session:\n%s", want[i], s.buf);
    /* the history persists in $HOME/.dfdx_history */
    char path[128];
    snprintf(path, sizeof path, "%s/.dfdx_history", home);
    char *h = slurp(path);
    ck_assert_msg(h && strstr(h, "diff") && strstr(h, "f(2)"), "history: %s", h ? h : "(none)");
    free(h);
    unlink(path);
    rmdir(home);
}
END_TEST

/* --- documentation -------------------------------------------------------------------------------- */

/* Every command listed by dfdx --help has a --help with an example, and a place in the manual. */
START_TEST(every_command_documented)
{
    const char *argv[] = {"--help", NULL};
    char *out, *err;
    ck_assert_int_eq(tu_run(argv, NULL, &out, &err), 0);
    char *man = slurp(DX_SOURCE_DIR "/man/dfdx.1");
    ck_assert_msg(man != NULL, "man/dfdx.1 is missing");
    int n = 0;
    for (char *p = out; (p = strstr(p, "\n  dfdx ")); p++) {
        char name[32];
        if (sscanf(p, "\n  dfdx %31[a-z]", name) != 1)
            continue;
        n++;
        const char *a2[] = {name, "--help", NULL};
        char *o2, *e2;
        ck_assert_int_eq(tu_run(a2, NULL, &o2, &e2), 0);
        char example[48];
        snprintf(example, sizeof example, "  dfdx %s", name);
        ck_assert_msg(strstr(o2, example), "dfdx %s --help has no example:\n%s", name, o2);
        snprintf(example, sizeof example, "\n.B dfdx %s", name);
        ck_assert_msg(strstr(man, example), "the manual has no '%s'", example + 1);
        free(o2);
        free(e2);
    }
    ck_assert_msg(n >= 4, "only %d commands listed:\n%s", n, out);
    free(man);
    free(out);
    free(err);
}
END_TEST

/* A line prints the same after a line typed with decimals as alone: how numbers print is the
 * line's own (its formula's decimals), never the formula before it. */
START_TEST(decimals_per_line)
{
    static const char *const lines[] = {"diff 0.5*x^2", "eval 3/4", "diff x^3/4", "diff 0.25*x^4 --var x",
                                        "tangent x^3/4 --at 0.5", "diff x^3/4", "check 0.5*x^2 x", "diff x/4 --at 0.5"};
    const char *argv[] = {NULL};
    size_t n = sizeof lines / sizeof lines[0];
    char all[512] = "", alone[2048] = "";
    for (size_t i = 0; i < n; i++) {
        char line[128], *out, *err;
        snprintf(line, sizeof line, "%s\n", lines[i]);
        strcat(all, line);
        ck_assert_int_eq(tu_run(argv, line, &out, &err), 0);
        ck_assert_msg(strlen(alone) + strlen(out) < sizeof alone, "%s", out);
        strcat(alone, out);
        free(out), free(err);
    }
    char *out, *err;
    ck_assert_int_eq(tu_run(argv, all, &out, &err), 0);
    ck_assert_msg(strcmp(out, alone) == 0, "in one session:\n%s\nline by line:\n%s", out, alone);
    ck_assert_msg(strstr(out, "\n3/4 = 0.75\n"), "%s", out); /* eval 3/4 after 0.5*x^2, not 0.75 alone */
    free(out), free(err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("session");
    TCase *tc = tcase_create("session");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, batch_examples_file);
    tcase_add_test(tc, batch_errors_go_on);
    tcase_add_test(tc, name_after_digits);
    tcase_add_test(tc, batch_words);
    tcase_add_test(tc, students_session);
    tcase_add_test(tc, ans_after_every_result);
    tcase_add_test(tc, terminal_session);
    tcase_add_test(tc, every_command_documented);
    tcase_add_test(tc, decimals_per_line);
    suite_add_tcase(s, tc);
    return tu_main(s);
}
