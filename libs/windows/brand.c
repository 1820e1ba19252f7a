/* Windows programs: PE executables (MZ header), run by libs/windows/. */
#include "core/brand.h"
#include "libs/windows/windows.h"

const struct xeno_brand windows_brand = {
    .name = "windows",
    .title = "Windows",
    .format = XENO_FORMAT_PE,
    .personality = &windows_personality,
};
