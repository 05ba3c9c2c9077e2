/* Extended attributes: path (or fd), attribute name, value buffer and size
 * are the same on both sides; every path, name and buffer is validated.
 * A size of 0 asks for the needed size and touches no buffer. */
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "linux/syscall_impl.h"

enum xkind { X_PATH, X_LINK, X_FD };

/* The object argument a[0]: a path for X_PATH/X_LINK, an fd for X_FD. */
static int object(const uint32_t a[7], enum xkind k, const char **path)
{
    *path = NULL;
    return k == X_FD ? 0 : guest_path(a[0], path);
}

static int64_t do_get(const uint32_t a[7], enum xkind k)
{
    const char *path, *name;
    int e = object(a, k, &path);
    if (!e)
        e = guest_path(a[1], &name);
    if (e)
        return e;
    if (!guest_writable(a[2], a[3]))
        return -EFAULT;
    void *buf = a[3] ? g2h(a[2]) : NULL;
    syscall_note_write(a[2], a[3]);
    if (k == X_FD)
        return host_ret(fgetxattr(sarg(a[0]), name, buf, a[3]));
    return host_ret(k == X_LINK ? lgetxattr(path, name, buf, a[3]) : getxattr(path, name, buf, a[3]));
}

static int64_t do_list(const uint32_t a[7], enum xkind k)
{
    const char *path;
    int e = object(a, k, &path);
    if (e)
        return e;
    if (!guest_writable(a[1], a[2]))
        return -EFAULT;
    char *buf = a[2] ? g2h(a[1]) : NULL;
    syscall_note_write(a[1], a[2]);
    if (k == X_FD)
        return host_ret(flistxattr(sarg(a[0]), buf, a[2]));
    return host_ret(k == X_LINK ? llistxattr(path, buf, a[2]) : listxattr(path, buf, a[2]));
}

/* setxattr(obj, name, value, size, flags) */
static int64_t do_set(const uint32_t a[7], enum xkind k)
{
    const char *path, *name;
    int e = object(a, k, &path);
    if (!e)
        e = guest_path(a[1], &name);
    if (e)
        return e;
    if (!guest_readable(a[2], a[3]))
        return -EFAULT;
    const void *val = a[3] ? g2h(a[2]) : NULL;
    if (k == X_FD)
        return host_ret(fsetxattr(sarg(a[0]), name, val, a[3], (int)a[4]));
    return host_ret(k == X_LINK ? lsetxattr(path, name, val, a[3], (int)a[4])
                                : setxattr(path, name, val, a[3], (int)a[4]));
}

static int64_t do_remove(const uint32_t a[7], enum xkind k)
{
    const char *path, *name;
    int e = object(a, k, &path);
    if (!e)
        e = guest_path(a[1], &name);
    if (e)
        return e;
    if (k == X_FD)
        return host_ret(fremovexattr(sarg(a[0]), name));
    return host_ret(k == X_LINK ? lremovexattr(path, name) : removexattr(path, name));
}

int64_t sys_getxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_get(a, X_PATH); }
int64_t sys_lgetxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_get(a, X_LINK); }
int64_t sys_fgetxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_get(a, X_FD); }
int64_t sys_listxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_list(a, X_PATH); }
int64_t sys_llistxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_list(a, X_LINK); }
int64_t sys_flistxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_list(a, X_FD); }
int64_t sys_setxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_set(a, X_PATH); }
int64_t sys_lsetxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_set(a, X_LINK); }
int64_t sys_fsetxattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_set(a, X_FD); }
int64_t sys_removexattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_remove(a, X_PATH); }
int64_t sys_lremovexattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_remove(a, X_LINK); }
int64_t sys_fremovexattr(struct linux_proc *p, const uint32_t a[7]) { (void)p; return do_remove(a, X_FD); }
