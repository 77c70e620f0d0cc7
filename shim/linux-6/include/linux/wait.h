/* linux/wait.h: included for wait_on_page_locked, which linux/pagemap.h has. */
#ifndef _SHIM6_LINUX_WAIT_H
#define _SHIM6_LINUX_WAIT_H

#endif
