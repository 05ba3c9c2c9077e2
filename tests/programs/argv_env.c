/* Prints argc/argv and the environment (sorted); the test passes arguments
   and -E/-U options to both emulators. */
// ARGS: one "two words" "" --flag=x 'quote"d' 12345
// OPTS: -E EXTRA=added -E BACKSTEP_TEST_VAR=changed -U BACKSTEP_TEST_UNSET
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv, char **envp)
{
    printf("argc=%d\n", argc);
    const char *b = strrchr(argv[0], '/');
    printf("argv[0] basename=%s\n", b ? b + 1 : argv[0]);
    for (int i = 1; i < argc; i++) printf("argv[%d]=[%s]\n", i, argv[i]);
    printf("argv[argc]=%s\n", argv[argc] ? "non-null" : "NULL");
    int n = 0;
    while (envp[n]) n++;
    printf("envp count %d, environ same %d\n", n, environ == envp);
    char **copy = malloc(sizeof(char *) * (size_t)n);
    memcpy(copy, envp, sizeof(char *) * (size_t)n);
    qsort(copy, n, sizeof copy[0], cmp);
    for (int i = 0; i < n; i++) printf("env %s\n", copy[i]);
    printf("getenv EXTRA=%s TZ=%s UNSET=%s\n", getenv("EXTRA"), getenv("TZ"),
           getenv("BACKSTEP_TEST_UNSET") ? getenv("BACKSTEP_TEST_UNSET") : "(null)");
    setenv("NEWVAR", "v", 1);
    unsetenv("TZ");
    printf("after setenv %s %s\n", getenv("NEWVAR"), getenv("TZ") ? "TZ" : "no TZ");
    return 0;
}
