#include "cicu.h"
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

struct mk_breaker { UBreakIterator *it; };

mk_breaker *mk_breaker_open(int kind, const char *locale, const uint16_t *text, int32_t length, const char **error) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIteratorType type = kind == MK_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, locale, (const UChar *)text, length, &st);
    if (U_FAILURE(st)) {
        if (error) *error = u_errorName(st);
        if (it) ubrk_close(it);
        return NULL;
    }
    mk_breaker *b = malloc(sizeof *b);
    if (!b) { ubrk_close(it); if (error) *error = "out of memory"; return NULL; }
    b->it = it;
    return b;
}

int mk_breaker_set_text(mk_breaker *b, const uint16_t *text, int32_t length) {
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(b->it, (const UChar *)text, length, &st);
    return U_FAILURE(st) ? 1 : 0;
}

void mk_breaker_close(mk_breaker *b) {
    if (!b) return;
    ubrk_close(b->it);
    free(b);
}

int32_t mk_breaker_all(mk_breaker *b, int32_t *boundaries, int32_t capacity) {
    int32_t n = 0;
    for (int32_t end = ubrk_next(b->it); end != UBRK_DONE && n < capacity; end = ubrk_next(b->it)) {
        boundaries[n++] = end;
    }
    return n;
}

int32_t mk_breaker_first(mk_breaker *b) { return ubrk_first(b->it); }

int mk_utf8_to_utf16(const char *src, int32_t src_length, uint16_t *dest, int32_t capacity, int32_t *dest_length) {
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8((UChar *)dest, capacity, dest_length, src, src_length, &st);
    if (st == U_INVALID_CHAR_FOUND || st == U_ILLEGAL_CHAR_FOUND) return 1;
    if (U_FAILURE(st) && st != U_BUFFER_OVERFLOW_ERROR) return 2;
    return st == U_BUFFER_OVERFLOW_ERROR ? 3 : 0;
}

void mk_icu_version(char out[32]) {
    UVersionInfo v;
    u_getVersion(v);
    u_versionToString(v, out);
}
