/* linux/mm.h: the page's private word, as allocators keep their own state in it. */
#ifndef _SHIM6_LINUX_MM_H
#define _SHIM6_LINUX_MM_H

#include <linux/gfp.h>
#include <linux/mm_types.h>

#define page_private(page)		((page)->private)
#define set_page_private(page, v)	((page)->private = (v))

#endif
