/* linux/sprintf.h: kasprintf(), a kmalloc'd formatted string (NULL when refused). */
#ifndef _SHIM6_LINUX_SPRINTF_H
#define _SHIM6_LINUX_SPRINTF_H

#include <stdarg.h>
#include <linux/gfp.h>

static inline __printf(3, 4) char *shim6_kasprintf(const char *site, gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = shim_kvasprintf(shim_gfp(gfp), site, fmt, ap);
	va_end(ap);
	return s;
}
#define kasprintf(gfp, fmt, ...)	shim6_kasprintf(SHIM_SITE, (gfp), fmt, ##__VA_ARGS__)

#endif
