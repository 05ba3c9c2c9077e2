/* File I/O in the working directory: open/write/read/lseek/stat/rename/unlink,
   mkdir/chdir/getcwd/rmdir, opendir/readdir, stdio fopen/fgets/fseek. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <dirent.h>
#include <sys/stat.h>

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void)
{
    if (mkdir("sandbox", 0755) != 0) { perror("mkdir"); return 1; }
    if (chdir("sandbox") != 0) { perror("chdir"); return 1; }
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) { perror("getcwd"); return 1; }
    const char *base = strrchr(cwd, '/');
    printf("cwd ends with %s\n", base);

    int fd = open("data.bin", O_CREAT | O_RDWR | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    char block[1000];
    for (int i = 0; i < 1000; i++) block[i] = (char)(i % 251);
    for (int i = 0; i < 50; i++) if (write(fd, block, sizeof block) != (ssize_t)sizeof block) { perror("write"); return 1; }
    printf("lseek end %ld\n", (long)lseek(fd, 0, SEEK_END));
    printf("lseek set %ld\n", (long)lseek(fd, 12345, SEEK_SET));
    char rb[16];
    ssize_t n = read(fd, rb, sizeof rb);
    printf("read %zd:", n);
    for (int i = 0; i < n; i++) printf(" %d", (unsigned char)rb[i]);
    printf("\n");
    printf("lseek cur %ld\n", (long)lseek(fd, -6, SEEK_CUR));
    n = pread(fd, rb, 4, 49998);
    printf("pread %zd %d %d\n", n, rb[0], rb[1]);
    if (ftruncate(fd, 4321) != 0) perror("ftruncate");
    struct stat st;
    fstat(fd, &st);
    printf("fstat size %lld regular %d mode %o\n", (long long)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777);
    close(fd);

    if (rename("data.bin", "renamed.bin") != 0) perror("rename");
    printf("stat old: %d errno %s\n", stat("data.bin", &st), errno == ENOENT ? "ENOENT" : "other");
    printf("stat new: %d size %lld\n", stat("renamed.bin", &st), (long long)st.st_size);

    FILE *f = fopen("text.txt", "w");
    for (int i = 0; i < 20; i++) fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
    fclose(f);
    f = fopen("text.txt", "r");
    char line[100];
    int count = 0;
    while (fgets(line, sizeof line, f)) if (strstr(line, "odd")) count++;
    fseek(f, 10, SEEK_SET);
    printf("odd lines %d, ftell %ld, at 10: %c\n", count, ftell(f), fgetc(f));
    fclose(f);
    f = fopen("text.txt", "a+");
    fputs("appended\n", f);
    fclose(f);
    stat("text.txt", &st);
    printf("text size %lld\n", (long long)st.st_size);

    mkdir("sub", 0700);
    symlink("text.txt", "link.txt");
    char target[64] = {0};
    printf("readlink %zd %s\n", readlink("link.txt", target, sizeof target - 1), target);
    printf("access %d %d\n", access("text.txt", R_OK), access("missing", F_OK));
    DIR *d = opendir(".");
    char *names[32];
    int nn = 0;
    struct dirent *de;
    while ((de = readdir(d)) && nn < 32) names[nn++] = strdup(de->d_name);
    closedir(d);
    qsort(names, nn, sizeof names[0], cmpstr);
    for (int i = 0; i < nn; i++) { printf("entry %s\n", names[i]); free(names[i]); }

    unlink("renamed.bin");
    unlink("text.txt");
    unlink("link.txt");
    printf("rmdir sub %d, rmdir sandbox ", rmdir("sub"));
    chdir("..");
    printf("%d\n", rmdir("sandbox") == 0);
    printf("open missing: %d %s\n", open("nope/nope", O_RDONLY), strerror(errno));
    return 0;
}
