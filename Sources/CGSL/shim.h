// Shim over GNU GSL for Swift. No stable API: only the engine module uses it.
#ifndef FRONTDOOR_CGSL_SHIM_H
#define FRONTDOOR_CGSL_SHIM_H

// GSL's own inline versions of its small functions (gsl_rng_uniform and the like), so that a
// draw calls the generator directly rather than through the library's exported wrapper.
#define HAVE_INLINE 1

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

// Swift 6 rejects reading GSL's generator-type globals (mutable C globals); these accessors
// return them as non-null pointers instead.
static inline const gsl_rng_type *_Nonnull cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

// GSL's default error handler aborts the process; callers check return values instead.
static inline void cgsl_disable_error_handler(void) { gsl_set_error_handler_off(); }

#endif
