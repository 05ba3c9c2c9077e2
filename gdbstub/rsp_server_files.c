/* RSP server handlers for the target's files and libraries: the vFile host
 * I/O packets (setfs, open, pread, fstat, close, readlink) that gdb's default
 * `target:` sysroot reads the program's shared libraries with, and
 * qXfer:libraries-svr4 (the list of loaded libraries). Each leaves exactly
 * one reply in s->reply. Targets without the ops get empty replies (gdb then
 * reads local files / walks the link map itself). */
#include <errno.h>
#include <stdlib.h>

#include "gdbstub/rsp_server_impl.h"

#define MAX_LIBRARIES 512
#define SVR4_DOC_CAP (MAX_LIBRARIES * (RSP_LIB_NAME_MAX + 96) + 128)

static void vfile(struct rsp_server *s, const struct rsp_request *q) {
    const struct rsp_target_ops *o = s->ops;
    struct rsp_reply *r = &s->reply;
    switch (q->kind) {
    case RSP_REQ_VFILE_SETFS:
        /* One filesystem: the program's (pid 0 is "the remote stub's", the same). */
        rsp_reply_vfile_result(r, 0);
        return;
    case RSP_REQ_VFILE_OPEN:
        rsp_reply_vfile_result(r, o->file_open(s->t, q->u.vfile.path, q->u.vfile.flags, q->u.vfile.mode));
        return;
    case RSP_REQ_VFILE_PREAD: {
        int64_t n = q->u.vfile.count ? o->file_pread(s->t, q->u.vfile.fd, s->mem, q->u.vfile.count,
                                                      q->u.vfile.offset)
                                     : 0;
        if (n < 0)
            rsp_reply_vfile_result(r, n);
        else
            rsp_reply_vfile_data(r, s->mem, (uint32_t)n);
        return;
    }
    case RSP_REQ_VFILE_CLOSE:
        rsp_reply_vfile_result(r, o->file_close(s->t, q->u.vfile.fd));
        return;
    case RSP_REQ_VFILE_FSTAT: {
        struct rsp_file_stat st;
        int e = o->file_fstat(s->t, q->u.vfile.fd, &st);
        if (e < 0)
            rsp_reply_vfile_result(r, e);
        else
            rsp_reply_vfile_stat(r, &st);
        return;
    }
    default: { /* RSP_REQ_VFILE_READLINK */
        int64_t n = o->file_readlink(s->t, q->u.vfile.path, (char *)s->mem, RSP_MAX_VFILE_READ);
        if (n < 0)
            rsp_reply_vfile_result(r, n);
        else
            rsp_reply_vfile_data(r, s->mem, (uint32_t)n);
        return;
    }
    }
}

/* The document is built again for every chunk gdb asks for: the list is
 * read from guest memory at this point of history. */
static void libraries(struct rsp_server *s, const struct rsp_request *q) {
    if (s->exited) {
        rsp_reply_error(&s->reply, SRV_ERR_GONE);
        return;
    }
    struct rsp_library *libs = malloc(MAX_LIBRARIES * sizeof *libs);
    char *doc = malloc(SVR4_DOC_CAP);
    uint32_t main_lm = 0;
    int n = libs && doc ? s->ops->libraries(s->t, libs, MAX_LIBRARIES, &main_lm) : -ENOMEM;
    size_t len = 0;
    if (n >= 0)
        len = rsp_svr4_library_list(doc, SVR4_DOC_CAP, libs, n > MAX_LIBRARIES ? MAX_LIBRARIES : (unsigned)n,
                                    main_lm);
    if (n < 0 || len == 0)
        rsp_reply_error(&s->reply, srv_err(n < 0 ? -n : E2BIG));
    else
        rsp_reply_xfer(&s->reply, doc, len, q->u.xfer.offset, q->u.xfer.length);
    free(libs);
    free(doc);
}

bool srv_files(struct rsp_server *s, const struct rsp_request *q) {
    switch (q->kind) {
    case RSP_REQ_VFILE_SETFS:
    case RSP_REQ_VFILE_OPEN:
    case RSP_REQ_VFILE_PREAD:
    case RSP_REQ_VFILE_CLOSE:
    case RSP_REQ_VFILE_FSTAT:
    case RSP_REQ_VFILE_READLINK:
        if (!s->ops->file_open)
            rsp_reply_reset(&s->reply); /* unsupported: empty */
        else
            vfile(s, q);
        return true;
    case RSP_REQ_XFER_LIBRARIES:
        if (!s->ops->libraries)
            rsp_reply_reset(&s->reply);
        else
            libraries(s, q);
        return true;
    default:
        return false;
    }
}
