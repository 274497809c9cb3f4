#ifndef IOTLAB_CNCURSES_SHIM_H
#define IOTLAB_CNCURSES_SHIM_H
// The wide-character ncurses API (get_wch, cchar_t) is only declared with these set.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift imports neither function-like macros nor C globals it can prove safe, so the few the
// terminal needs are wrapped here as inline functions.
static inline WINDOW *iotlab_stdscr(void) { return stdscr; }
static inline WINDOW *iotlab_curscr(void) { return curscr; }
static inline int iotlab_lines(void) { return LINES; }
static inline int iotlab_cols(void) { return COLS; }
static inline int iotlab_colors(void) { return COLORS; }
static inline int iotlab_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t iotlab_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t iotlab_a_normal(void) { return A_NORMAL; }
static inline attr_t iotlab_a_bold(void) { return A_BOLD; }
static inline attr_t iotlab_a_dim(void) { return A_DIM; }
static inline attr_t iotlab_a_italic(void) { return A_ITALIC; }
static inline attr_t iotlab_a_underline(void) { return A_UNDERLINE; }
static inline attr_t iotlab_a_reverse(void) { return A_REVERSE; }
static inline int iotlab_key_f(int n) { return KEY_F(n); }
static inline mmask_t iotlab_mouse_all(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t iotlab_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t iotlab_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t iotlab_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED; }
static inline mmask_t iotlab_button3_clicked(void) { return BUTTON3_CLICKED | BUTTON3_PRESSED; }
static inline mmask_t iotlab_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t iotlab_wheel_down(void) {
#ifdef BUTTON5_PRESSED
    return BUTTON5_PRESSED;
#else
    return 0;
#endif
}
#endif
