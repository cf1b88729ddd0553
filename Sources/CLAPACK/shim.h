// CBLAS and LAPACKE for Bounds/Linear. An implementation detail: only files under
// Sources/Bounds/Linear import this module, with `internal import`, so no C type reaches
// the public API. Debian's OpenBLAS puts cblas.h under the multiarch include directory,
// which is on the default search path; lapacke.h is in /usr/include.
#ifndef BOUNDBOOK_CLAPACK_SHIM_H
#define BOUNDBOOK_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
