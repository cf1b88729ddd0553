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

// The binomial CDF's term recurrences, the one hot loop of the library (measured: in Swift the
// call overhead around each MPFR operation tripled the cost of a term). Each step is four
// correctly rounded MPFR operations in the caller's direction r; the caller owns the proof
// (where to start, when the dropped or bounded rest is valid).
//
// Lower tail: t ← t·i/(n−i+1)·ratio, sum ← sum + t, i ← i−1, while i > 0 and t ≥ sum·2^(−stop).
// Returns the index i of the last term added.
static inline long bb_binomial_lower_steps(mpfr_ptr t, mpfr_ptr sum, mpfr_srcptr ratio,
                                           long i, long n, long stop, mpfr_rnd_t r) {
    while (i > 0) {
        if (mpfr_zero_p(t) || (!mpfr_zero_p(sum) && mpfr_get_exp(t) < mpfr_get_exp(sum) - stop)) break;
        mpfr_mul_ui(t, t, (unsigned long)i, r);
        mpfr_div_ui(t, t, (unsigned long)(n - i + 1), r);
        mpfr_mul(t, t, ratio, r);
        mpfr_add(sum, sum, t, r);
        i--;
    }
    return i;
}

// Upper tail: t ← t·(n−i)/(i+1)·ratio, sum ← sum + t, i ← i+1, while i < n and (i = first or
// t ≥ sum·2^(−stop)). Returns the index i of the last term added.
static inline long bb_binomial_upper_steps(mpfr_ptr t, mpfr_ptr sum, mpfr_srcptr ratio,
                                           long i, long n, long first, long stop, mpfr_rnd_t r) {
    while (i < n) {
        if (i > first && (mpfr_zero_p(t) || (!mpfr_zero_p(sum) && mpfr_get_exp(t) < mpfr_get_exp(sum) - stop))) break;
        mpfr_mul_ui(t, t, (unsigned long)(n - i), r);
        mpfr_div_ui(t, t, (unsigned long)(i + 1), r);
        mpfr_mul(t, t, ratio, r);
        mpfr_add(sum, sum, t, r);
        i++;
    }
    return i;
}

#endif
