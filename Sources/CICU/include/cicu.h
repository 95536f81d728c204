#ifndef MALKOLL_CICU_H
#define MALKOLL_CICU_H
#include <stdint.h>

/* A thin, un-renamed facade over ICU's break iterators and UTF-8 conversion.
 * ICU's own headers rename every function by macro with a version suffix,
 * which Swift cannot import; these wrappers have stable names. */

typedef struct mk_breaker mk_breaker;

enum { MK_BREAK_WORD = 1, MK_BREAK_SENTENCE = 2 };

/* Opens a break iterator of `kind` for `locale` over `text[0..<length]`
 * (UTF-16; the buffer must outlive the iterator). Returns NULL and writes an
 * ICU error name into `error` (if non-NULL) on failure. */
mk_breaker *mk_breaker_open(int kind, const char *locale, const uint16_t *text, int32_t length, const char **error);

/* Points an open iterator at other text (cheaper than reopening). */
int mk_breaker_set_text(mk_breaker *b, const uint16_t *text, int32_t length);

void mk_breaker_close(mk_breaker *b);

/* Fills `boundaries` with every boundary after the first (0).
 * Returns the number written; stops at `capacity` (call again with more room
 * if the result equals capacity and the last boundary < length). */
int32_t mk_breaker_all(mk_breaker *b, int32_t *boundaries, int32_t capacity);

/* Moves to the start of the text (before mk_breaker_all). */
int32_t mk_breaker_first(mk_breaker *b);

/* UTF-8 -> UTF-16. Writes at most `capacity` units into `dest` and the
 * number needed into `*dest_length`. Returns 0 on success, 1 if the input is
 * not valid UTF-8 (nothing useful written), 2 on other errors. */
int mk_utf8_to_utf16(const char *src, int32_t src_length, uint16_t *dest, int32_t capacity, int32_t *dest_length);

/* ICU's version, e.g. "72.1". */
void mk_icu_version(char out[32]);

#endif
