#ifndef DLTUTOR_CNCURSESW_SHIM_H
#define DLTUTOR_CNCURSESW_SHIM_H
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1      /* SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600 */
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
#endif
