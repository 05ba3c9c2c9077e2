/* History queries (gdb_history_queries.py): buf is written by byte stores,
 * by stores that leave the byte as it was (MARK:same), by a halfword store
 * that straddles buf[7]/buf[8], a word store, memset, and read(2) (the
 * kernel writes the first 4 bytes of this program's own file: the ELF magic);
 * then N iterations (argument 1) of a loop that never touches buf fill the
 * undo log, and buf[1] is written once more at the end. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

unsigned char buf[16];
volatile unsigned sink;

__attribute__((noinline)) static void put16(unsigned char *p, unsigned v)
{
    *(unsigned short *)p = (unsigned short)v;
}

int main(int argc, char **argv)
{
    unsigned n = argc > 1 ? (unsigned)atoi(argv[1]) : 0; /* MARK:begin */
    for (int i = 0; i < 24; i++) {
        buf[i % 8] = (unsigned char)(i * 7 + 1);
        if (i % 5 == 0)
            buf[(i + 3) % 8] = buf[(i + 3) % 8]; /* MARK:same */
    }
    put16(buf + 7, 0xbeef);
    *(unsigned *)(buf + 4) = 0x01020304;
    memset(buf, 0x5a, 6);
    int fd = open(argv[0], O_RDONLY);
    if (read(fd, buf + 2, 4) != 4) /* MARK:read */
        return 1;
    close(fd);
    for (unsigned k = 0; k < n; k++) /* MARK:loop */
        sink = sink * 31 + k;
    buf[1] = 0x77;                 /* MARK:last */
    return buf[2] == 0x7f ? 0 : 2; /* MARK:end */
}
