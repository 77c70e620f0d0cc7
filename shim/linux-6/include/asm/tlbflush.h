/* asm/tlbflush.h: zsmalloc still includes it (its old page-table mapping); nothing here is used. */
#ifndef _SHIM6_ASM_TLBFLUSH_H
#define _SHIM6_ASM_TLBFLUSH_H

#endif
