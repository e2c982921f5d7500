#include "textflag.h"

// func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL leaf+0(FP), AX
	MOVL subleaf+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func foldBlocks(seed uint64, b []byte, k *foldConstants) (lo, hi uint64)
//
// X0–X3 hold four blocks 64 bytes apart; each step replaces a block X by
// clmul(X.lo, k.H) ^ clmul(X.hi, k.L) ^ the block 64 bytes on (see crc.go).
TEXT ·foldBlocks(SB), NOSPLIT, $0-56
	MOVQ seed+0(FP), AX
	MOVQ b_base+8(FP), SI
	MOVQ b_len+16(FP), CX
	MOVQ k+32(FP), DX

	MOVOU 0(SI), X0
	MOVOU 16(SI), X1
	MOVOU 32(SI), X2
	MOVOU 48(SI), X3
	MOVQ  AX, X4
	PXOR  X4, X0
	ADDQ  $64, SI
	SUBQ  $64, CX

	MOVOU 0(DX), X5 // by4H, by4L

by4:
	CMPQ CX, $64
	JB   lanes

	MOVO      X0, X6
	PCLMULQDQ $0x00, X5, X0
	PCLMULQDQ $0x11, X5, X6
	MOVOU     0(SI), X7
	PXOR      X6, X0
	PXOR      X7, X0

	MOVO      X1, X6
	PCLMULQDQ $0x00, X5, X1
	PCLMULQDQ $0x11, X5, X6
	MOVOU     16(SI), X7
	PXOR      X6, X1
	PXOR      X7, X1

	MOVO      X2, X6
	PCLMULQDQ $0x00, X5, X2
	PCLMULQDQ $0x11, X5, X6
	MOVOU     32(SI), X7
	PXOR      X6, X2
	PXOR      X7, X2

	MOVO      X3, X6
	PCLMULQDQ $0x00, X5, X3
	PCLMULQDQ $0x11, X5, X6
	MOVOU     48(SI), X7
	PXOR      X6, X3
	PXOR      X7, X3

	ADDQ $64, SI
	SUBQ $64, CX
	JMP  by4

lanes:
	// The four blocks into one: X0 folded onto X1, that onto X2, onto X3.
	MOVOU 16(DX), X5 // by1H, by1L

	MOVO      X0, X6
	PCLMULQDQ $0x00, X5, X0
	PCLMULQDQ $0x11, X5, X6
	PXOR      X6, X0
	PXOR      X0, X1

	MOVO      X1, X6
	PCLMULQDQ $0x00, X5, X1
	PCLMULQDQ $0x11, X5, X6
	PXOR      X6, X1
	PXOR      X1, X2

	MOVO      X2, X6
	PCLMULQDQ $0x00, X5, X2
	PCLMULQDQ $0x11, X5, X6
	PXOR      X6, X2
	PXOR      X2, X3

by1:
	CMPQ CX, $16
	JB   done

	MOVO      X3, X6
	PCLMULQDQ $0x00, X5, X3
	PCLMULQDQ $0x11, X5, X6
	MOVOU     0(SI), X7
	PXOR      X6, X3
	PXOR      X7, X3

	ADDQ $16, SI
	SUBQ $16, CX
	JMP  by1

done:
	MOVQ   X3, lo+40(FP)
	PSHUFD $0x4e, X3, X4 // the high half down
	MOVQ   X4, hi+48(FP)
	RET
