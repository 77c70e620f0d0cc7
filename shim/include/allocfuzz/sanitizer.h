/*
 * allocfuzz/sanitizer.h: which sanitizer the build has, and the calls that
 * mark memory for it, in one place for the shim and the harness.  Without
 * the sanitizer each call does nothing.
 *   san_poison / san_unpoison: AddressSanitizer reports any access between;
 *   san_uninit: MemorySanitizer treats the bytes as never written;
 *   san_written: ... as written (only for copies made to be read).
 */
#ifndef _ALLOCFUZZ_SANITIZER_H
#define _ALLOCFUZZ_SANITIZER_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SAN_ASAN 1
#endif
#if __has_feature(memory_sanitizer)
#define SAN_MSAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SAN_ASAN 1
#endif

#ifdef SAN_ASAN
#include <sanitizer/asan_interface.h>
#define san_poison(addr, size)		__asan_poison_memory_region((addr), (size))
#define san_unpoison(addr, size)	__asan_unpoison_memory_region((addr), (size))
#else
#define san_poison(addr, size)		((void)(addr), (void)(size))
#define san_unpoison(addr, size)	((void)(addr), (void)(size))
#endif

#ifdef SAN_MSAN
#include <sanitizer/msan_interface.h>
#define san_uninit(addr, size)		__msan_allocated_memory((addr), (size))
#define san_written(addr, size)		__msan_unpoison((addr), (size))
#else
#define san_uninit(addr, size)		((void)(addr), (void)(size))
#define san_written(addr, size)		((void)(addr), (void)(size))
#endif

#endif
