/*
 * The reference for terminal benchmarks: the smallest honest C ncursesw program that does what
 * curses-smoke does (newterm, locale, cbreak/noecho/keypad, a title with Unicode math, a prompt
 * that echoes typed keys, a status line, q to quit). `make bench` compares time to first frame
 * and key-to-screen latency of the Swift stack against this.
 *
 * Build: cc -O2 -o prompt prompt.c -lncursesw
 */
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int main(void) {
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) setlocale(LC_ALL, "C.UTF-8");
    if (!isatty(0) || !isatty(1)) { fprintf(stderr, "prompt: not a terminal\n"); return 2; }
    SCREEN *s = newterm(NULL, stdout, stdin);
    if (!s) { fprintf(stderr, "prompt: unknown terminal type\n"); return 2; }
    set_term(s);
    cbreak(); noecho(); keypad(stdscr, TRUE); set_escdelay(25);
    wchar_t field[256]; int n = 0;
    for (;;) {
        erase();
        mvaddstr(0, 0, "c-prompt σ ∇ ŷ × 漢字");
        mvprintw(1, 0, "size %dx%d", COLS, LINES);
        mvaddstr(3, 0, "answer> ");
        addnwstr(field, n);
        mvaddstr(LINES - 1, 0, "q quits");
        mvaddstr(LINES - 1, COLS - 13, "Enter submits");
        move(3, 8 + wcswidth(field, (size_t)n));
        refresh();
        wint_t ch;
        int r = get_wch(&ch);
        if (r == OK && ch == 'q') break;
        if (r == OK && (ch == 127 || ch == 8)) { if (n > 0) n--; continue; }
        if (r == KEY_CODE_YES && ch == KEY_BACKSPACE) { if (n > 0) n--; continue; }
        if (r == OK && ch >= 32 && n < 255) field[n++] = (wchar_t)ch;
    }
    endwin();
    delscreen(s);
    return 0;
}
