/* macOS programs: Mach-O executables, thin or universal. */
#include "core/brand.h"

const struct xeno_brand darwin_brand = {
    .name = "darwin",
    .title = "macOS",
    .format = XENO_FORMAT_MACHO,
};
