/* A small program using the installed library: build with
 *   cc derivative.c $(pkg-config --cflags --libs dfdx) -o derivative */
#include <dfdx.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "x^3 - 3*x";
    dx_ctx *ctx = dx_ctx_new();
    if (!ctx)
        return 2;
    dx_expr *f = dx_parse(ctx, text, strlen(text));
    dx_expr *df = f ? dx_diff(ctx, f, "x", 1) : NULL;
    char *s = df ? dx_print(ctx, df, DX_PLAIN) : NULL;
    int status = 0;
    if (s) {
        printf("d/dx %s = %s\n", text, s);
    } else {
        fprintf(stderr, "error: %s\n", dx_ctx_error(ctx)->msg);
        status = 2;
    }
    free(s);
    dx_ctx_free(ctx); /* frees every expression of the context at once */
    return status;
}
