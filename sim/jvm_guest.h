/* jvm_guest.h -- a Java run's image, for cms-sim and cms-bootimg: the command line's class path,
 * main class and arguments handed to the host linker (jvm/link.h), the image it makes. */
#ifndef JVM_GUEST_H
#define JVM_GUEST_H
#include "cms_opts.h"
#include "link.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Link o's Java program (o->java) for a window of window_bytes. 0, or an exit status
 * (CMS_EXIT_LOAD_ERROR: the linker's message, or the tool's, is on stderr; CMS_EXIT_FAULT: out
 * of memory). Free the image with jvm_image_free. */
int jvm_guest_link(const cms_opts_t *o, const char *tool, uint32_t window_bytes, jvm_image_buf *img);

/* The class library's directory without --jvm-lib. */
const char *jvm_guest_default_lib(void);

#ifdef __cplusplus
}
#endif
#endif
