#ifndef DLTUTOR_CNCURSESW_SHIM_H
#define DLTUTOR_CNCURSESW_SHIM_H
/*
 * The C surface of ncursesw that Swift needs, and nothing else.
 *
 * Why a shim: SwiftPM drops pkg-config's -D flags, so without NCURSES_WIDECHAR the wide-character
 * API (get_wch, cchar_t, waddnwstr) is invisible; Swift 6 rejects reading C mutable globals
 * (stdscr, curscr, LINES, COLS, COLORS); and macros built from casts (A_BOLD, COLOR_PAIR, KEY_F)
 * do not import at all. Each accessor below is a one-line static inline function.
 * Only the CursesTerminal target imports this module.
 */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1      /* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600 */
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* term.h's set-up functions, declared here: term.h itself defines macros (lines, columns) that
 * would clash with ordinary names. */
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

/* Whether $TERM names a terminal terminfo knows (else -1) that can move its cursor (1; else 0),
 * read without opening a screen or changing the terminal, and leaving nothing set up. */
static inline int cn_term_can_address(void) {
    struct term *saved = set_curterm((struct term *)0);
    int err = 0, result = -1;
    if (setupterm((const char *)0, 1, &err) == 0) {
        char *cup = tigetstr("cup");
        result = (cup != (char *)0 && cup != (char *)-1) ? 1 : 0;
        del_curterm(set_curterm(saved));
    } else {
        set_curterm(saved);
    }
    return result;
}

/* Globals, read through functions (Swift 6 concurrency-safe). */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

/* Attribute constants (cast macros do not import). */
static inline attr_t cn_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t cn_A_BOLD(void) { return A_BOLD; }
static inline attr_t cn_A_DIM(void) { return A_DIM; }
static inline attr_t cn_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t cn_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t cn_A_STANDOUT(void) { return A_STANDOUT; }
static inline attr_t cn_A_ITALIC(void) { return A_ITALIC; }

static inline int cn_key_f(int n) { return KEY_F(n); }
static inline void cn_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }

/* The locale's character set name, e.g. "UTF-8" (CODESET imports as Int, nl_item is int). */
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

/* A terminfo string capability, or NULL when absent or not a string ((char *)-1). */
static inline const char *cn_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == (char *)-1) ? (const char *)0 : s;
}

#endif
