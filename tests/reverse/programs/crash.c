/* A NULL dereference (gdb_crash.py): the pointer is stored in a struct
 * field at MARK:set_null, long before it is used at MARK:deref. */
#include <stdio.h>

struct node {
    int value;
    int *ptr;
};

struct node node;
int target_val = 42;

static void setup(struct node *p)
{
    p->ptr = &target_val; /* MARK:set_good */
}

static void clear(struct node *p)
{
    p->ptr = 0; /* MARK:set_null */
}

static int use(struct node *p)
{
    return *p->ptr; /* MARK:deref */
}

int main(void)
{
    setup(&node);
    int a = use(&node);
    clear(&node);
    for (int i = 0; i < 100; i++)
        node.value += i;
    a += use(&node);
    printf("%d\n", a);
    return 0;
}
