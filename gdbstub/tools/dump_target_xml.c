/* Writes the target description (gdbstub/target_xml.c) to the file named by
 * argv[1], for check_target_xml.sh to hand to gdb-multiarch. A test tool only:
 * never part of backstep itself. */
#include <stdio.h>

#include "gdbstub/target_xml.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTFILE\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t len;
    const char *xml = rsp_target_xml(&len);
    if (fwrite(xml, 1, len, f) != len || fclose(f) != 0) {
        perror(argv[1]);
        return 1;
    }
    return 0;
}
