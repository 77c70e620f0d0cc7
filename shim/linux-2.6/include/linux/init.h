/* linux/init.h: section annotations mean nothing in user space. */
#ifndef _SHIM_LINUX_INIT_H
#define _SHIM_LINUX_INIT_H

#define __init
#define __exit
#define __initdata

#endif
