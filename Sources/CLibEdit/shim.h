// A thin shim over libedit's native API (histedit.h). el_set, el_get and history are C
// variadic functions, which Swift does not import, so each operation nelm needs gets one
// non-variadic wrapper here. Keep this file free of state: no globals, no statics with data.
#ifndef NELM_CLIBEDIT_SHIM_H
#define NELM_CLIBEDIT_SHIM_H

#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef char *(*nelm_prompt_fn)(EditLine *);
typedef unsigned char (*nelm_command_fn)(EditLine *, int);
typedef int (*nelm_read_fn)(EditLine *, wchar_t *);

static inline EditLine *nelm_el_init(const char *program) {
  return el_init(program, stdin, stdout, stderr);
}
static inline int nelm_el_set_prompt(EditLine *el, nelm_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}
static inline int nelm_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}
static inline int nelm_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}
static inline int nelm_el_set_read_function(EditLine *el, nelm_read_fn fn) {
  return el_set(el, EL_GETCFN, fn);
}
static inline int nelm_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}
static inline void *nelm_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}
static inline int nelm_el_add_function(EditLine *el, const char *name, const char *help,
                                       nelm_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int nelm_el_bind(EditLine *el, const char *key, const char *function) {
  return el_set(el, EL_BIND, key, function, NULL);
}
/// One `setty` change to libedit's terminal modes, e.g. ("-x", "-icanon").
static inline int nelm_el_setty(EditLine *el, const char *mode, const char *flag) {
  return el_set(el, EL_SETTY, mode, flag, NULL);
}
static inline int nelm_el_get_terminal_width(EditLine *el) {
  int cols = 0;
  if (el_get(el, EL_GETTC, "co", &cols) != 0) return 0;
  return cols;
}
static inline const char *nelm_el_line_buffer(EditLine *el, int *cursor, int *length) {
  const LineInfo *info = el_line(el);
  *cursor = (int)(info->cursor - info->buffer);
  *length = (int)(info->lastchar - info->buffer);
  return info->buffer;
}

static inline History *nelm_history_init(int size) {
  History *h = history_init();
  HistEvent ev;
  if (h != NULL) {
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
  }
  return h;
}
static inline int nelm_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}
static inline int nelm_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}
/// The history in libedit's file format, in memory (so nelm writes the file itself, never
/// through a link); *length gets the byte count. NULL on failure; free() the result.
/// libedit's H_SAVE_FP needs a stream with a descriptor (it calls fchmod on it), so the
/// history goes to an anonymous memory file (memfd) and is read back from there.
static inline char *nelm_history_text(History *h, size_t *length) {
  // memfd_create through syscall(2): its declaration needs _GNU_SOURCE, and defining that in
  // this module's header changes glibc's types (fd_set) under Dispatch's module, which a
  // clean build refuses. 1 is MFD_CLOEXEC.
  int fd = (int)syscall(SYS_memfd_create, "nelm-history", 1U);
  if (fd < 0) return NULL;
  FILE *stream = fdopen(fd, "w+");
  if (stream == NULL) {
    close(fd);
    return NULL;
  }
  HistEvent ev;
  char *buffer = NULL;
  long size = -1;
  if (history(h, &ev, H_SAVE_FP, stream) >= 0 && fflush(stream) == 0) size = ftell(stream);
  if (size >= 0 && fseek(stream, 0, SEEK_SET) == 0) {
    buffer = malloc((size_t)size + 1);
    if (buffer != NULL && fread(buffer, 1, (size_t)size, stream) != (size_t)size) {
      free(buffer);
      buffer = NULL;
    }
  }
  fclose(stream);
  if (buffer != NULL) *length = (size_t)size;
  return buffer;
}

/// The width of the terminal on `fd` in columns, or 0 when it is not a terminal.
/// (ioctl is variadic in C, so Swift cannot call it directly.)
static inline int nelm_terminal_columns(int fd) {
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

#endif
