// The C side of boundbook's arithmetic: GMP and MPFR headers, plus static inline
// wrappers for the few entry points that are macros Swift cannot import.
// This is an implementation detail of Bounds/Numbers; nothing else imports it.
#ifndef BOUNDBOOK_CMPFR_SHIM_H
#define BOUNDBOOK_CMPFR_SHIM_H

#include <stdio.h>
// gmp.h must come before mpfr.h, or MPFR's mpz/mpq prototypes are not declared.
#include <gmp.h>
#include <mpfr.h>

// mpz_sgn is a macro only.
static inline int bb_mpz_sgn(const mpz_t z) { return mpz_sgn(z); }
// mpq_sgn is a macro only.
static inline int bb_mpq_sgn(const mpq_t q) { return mpq_sgn(q); }
// mpq_numref/mpq_denref are macros only.
static inline mpz_ptr bb_mpq_num(mpq_ptr q) { return mpq_numref(q); }
static inline mpz_ptr bb_mpq_den(mpq_ptr q) { return mpq_denref(q); }
static inline mpz_srcptr bb_mpq_num_c(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr bb_mpq_den_c(mpq_srcptr q) { return mpq_denref(q); }
// mpz_odd_p / mpz_even_p are macros only.
static inline int bb_mpz_odd_p(const mpz_t z) { return mpz_odd_p(z); }
// MPFR_PREC_MAX is not imported (it is an expression macro).
static inline long bb_mpfr_prec_max(void) { return (long)MPFR_PREC_MAX; }

#endif
