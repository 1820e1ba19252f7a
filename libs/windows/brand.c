/* Windows programs: PE executables (MZ header). */
#include "core/brand.h"

const struct xeno_brand windows_brand = {
    .name = "windows",
    .title = "Windows",
    .format = XENO_FORMAT_PE,
};
