/*
 * LD_PRELOAD shim: refuses a process the permission to use the processor's AMX tiles
 * (arch_prctl ARCH_REQ_XCOMP_PERM for XTILEDATA), so that ONNX Runtime's MLAS falls back to its
 * AVX-512 VNNI kernels. Built and used by bench/ort-fusions.sh to measure what AMX does.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>

#define ARCH_REQ_XCOMP_PERM 0x1023

long syscall(long number, ...) {
  va_list args;
  va_start(args, number);
  long a = va_arg(args, long), b = va_arg(args, long), c = va_arg(args, long);
  long d = va_arg(args, long), e = va_arg(args, long), f = va_arg(args, long);
  va_end(args);
  if (number == SYS_arch_prctl && a == ARCH_REQ_XCOMP_PERM) {
    errno = EPERM;
    return -1;
  }
  static long (*real)(long, ...);
  if (real == 0) {
    real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
  }
  return real(number, a, b, c, d, e, f);
}
