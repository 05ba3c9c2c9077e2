/* Linked lists (build, reverse, merge sort) and an AVL tree (insert, delete, traversals). */
#include <stdio.h>
#include <stdlib.h>

struct node { int v; struct node *next; };
static struct node *push(struct node *h, int v) { struct node *n = malloc(sizeof *n); n->v = v; n->next = h; return n; }
static struct node *reverse(struct node *h) { struct node *p = NULL; while (h) { struct node *n = h->next; h->next = p; p = h; h = n; } return p; }
static struct node *msort(struct node *h)
{
    if (!h || !h->next) return h;
    struct node *slow = h, *fast = h->next;
    while (fast && fast->next) { slow = slow->next; fast = fast->next->next; }
    struct node *b = slow->next; slow->next = NULL;
    struct node *a = msort(h); b = msort(b);
    struct node head, *t = &head;
    while (a && b) { if (a->v <= b->v) { t->next = a; a = a->next; } else { t->next = b; b = b->next; } t = t->next; }
    t->next = a ? a : b;
    return head.next;
}

struct avl { int key, h, count; struct avl *l, *r; };
static int ht(struct avl *n) { return n ? n->h : 0; }
static void fix(struct avl *n) { int a = ht(n->l), b = ht(n->r); n->h = (a > b ? a : b) + 1; }
static struct avl *rotr(struct avl *n) { struct avl *l = n->l; n->l = l->r; l->r = n; fix(n); fix(l); return l; }
static struct avl *rotl(struct avl *n) { struct avl *r = n->r; n->r = r->l; r->l = n; fix(n); fix(r); return r; }
static struct avl *bal(struct avl *n)
{
    fix(n);
    int b = ht(n->l) - ht(n->r);
    if (b > 1) { if (ht(n->l->l) < ht(n->l->r)) n->l = rotl(n->l); return rotr(n); }
    if (b < -1) { if (ht(n->r->r) < ht(n->r->l)) n->r = rotr(n->r); return rotl(n); }
    return n;
}
static struct avl *ins(struct avl *n, int k)
{
    if (!n) { n = calloc(1, sizeof *n); n->key = k; n->h = 1; n->count = 1; return n; }
    if (k < n->key) n->l = ins(n->l, k); else if (k > n->key) n->r = ins(n->r, k); else { n->count++; return n; }
    return bal(n);
}
static struct avl *delmin(struct avl *n, struct avl **out) { if (!n->l) { *out = n; return n->r; } n->l = delmin(n->l, out); return bal(n); }
static struct avl *del(struct avl *n, int k)
{
    if (!n) return NULL;
    if (k < n->key) n->l = del(n->l, k);
    else if (k > n->key) n->r = del(n->r, k);
    else {
        struct avl *l = n->l, *r = n->r;
        free(n);
        if (!r) return l;
        struct avl *m;
        r = delmin(r, &m);
        m->l = l; m->r = r;
        return bal(m);
    }
    return bal(n);
}
static long inorder_sum, visited;
static int prev_key = -1, ordered = 1;
static void inorder(struct avl *n) { if (!n) return; inorder(n->l); visited++; inorder_sum += (long)n->key * n->count; if (n->key <= prev_key) ordered = 0; prev_key = n->key; inorder(n->r); }
static int check(struct avl *n) { if (!n) return 1; int b = ht(n->l) - ht(n->r); return b >= -1 && b <= 1 && check(n->l) && check(n->r); }

int main(void)
{
    struct node *h = NULL;
    unsigned s = 99;
    for (int i = 0; i < 20000; i++) { s = s * 1103515245 + 12345; h = push(h, (int)(s >> 16) % 10000); }
    h = reverse(h);
    printf("first after reverse %d\n", h->v);
    h = msort(h);
    long sum = 0; int n = 0, sorted = 1;
    for (struct node *p = h; p; p = p->next) { sum += p->v * (n % 7); n++; if (p->next && p->v > p->next->v) sorted = 0; }
    printf("list n=%d sorted=%d sum=%ld min=%d\n", n, sorted, sum, h->v);
    while (h) { struct node *nx = h->next; free(h); h = nx; }

    struct avl *root = NULL;
    for (int i = 0; i < 30000; i++) { s = s * 1103515245 + 12345; root = ins(root, (int)(s >> 12) % 50000); }
    inorder(root);
    printf("avl height %d balanced %d nodes %ld ordered %d sum %ld\n", ht(root), check(root), visited, ordered, inorder_sum);
    for (int k = 0; k < 50000; k += 2) root = del(root, k);
    visited = 0; inorder_sum = 0; prev_key = -1; ordered = 1;
    inorder(root);
    printf("after delete height %d balanced %d nodes %ld ordered %d sum %ld\n", ht(root), check(root), visited, ordered, inorder_sum);
    return 0;
}
