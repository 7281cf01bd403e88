/*
 * pick-walk: the arrays and objects inside a record that jobj_parse has
 * checked, walked without checking them again.
 */
#ifndef LEDE_PICK_WALK_H
#define LEDE_PICK_WALK_H
#include <stddef.h>

#include "buf.h"

/*
 * The end of the checked value at s[i], before len: after its closing
 * quote or bracket, or after a number or word and any white space and
 * ',' that follow it at the top.
 */
size_t walk_skip(const char *s, size_t len, size_t i);
/*
 * The next element of the checked array or the next member of the
 * checked object that *i is in (start it just after the bracket; len is
 * the container's end): 1 with the value in [*vb, *ve) and, when kb is
 * not NULL, the member's key literal in [*kb, *ke); or 0 at the end.
 */
int walk_next(const char *s, size_t len, size_t *i, size_t *kb, size_t *ke, size_t *vb,
    size_t *ve);
/* Is the checked JSON string s[b..e) (quotes included), decoded, w[0..wn)? */
int walk_str_is(const char *s, size_t b, size_t e, const char *w, size_t wn, struct buf *tmp);
#endif
