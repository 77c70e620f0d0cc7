/* asm/system.h: memory barriers (2.6.3x kept them here). */
#ifndef _SHIM_ASM_SYSTEM_H
#define _SHIM_ASM_SYSTEM_H

#define mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()	__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()	__atomic_thread_fence(__ATOMIC_RELEASE)
#define barrier()	__asm__ __volatile__("" : : : "memory")

#endif
