/* linux/kmsan.h: KMSAN's hooks; MemorySanitizer builds track a copy's bytes by themselves. */
#ifndef _SHIM6_LINUX_KMSAN_H
#define _SHIM6_LINUX_KMSAN_H

struct page;

static inline void kmsan_copy_page_meta(struct page *dst, struct page *src)
{
	(void)dst, (void)src;
}

#endif
