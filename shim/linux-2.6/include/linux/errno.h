/*
 * linux/errno.h: the kernel's error numbers the seeds use (asm-generic
 * values).  Not <errno.h>: glibc's errno.h itself includes <linux/errno.h>.
 */
#ifndef _SHIM_LINUX_ERRNO_H
#define _SHIM_LINUX_ERRNO_H

#define ENOMEM		12
#define EFAULT		14
#define EINVAL		22
#define ENOSPC		28

#endif
