/* linux/errno.h: the kernel's error numbers (asm-generic values); not <errno.h>, which includes this. */
#ifndef _SHIM6_LINUX_ERRNO_H
#define _SHIM6_LINUX_ERRNO_H

#define ENOENT		2
#define EAGAIN		11
#define ENOMEM		12
#define EBUSY		16
#define EINVAL		22
#define ENOSPC		28

#endif
