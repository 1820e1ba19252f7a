/* macOS programs: Mach-O executables, thin or universal, run by libs/darwin/. */
#include "core/brand.h"
#include "libs/darwin/darwin.h"

const struct xeno_brand darwin_brand = {
    .name = "darwin",
    .title = "macOS",
    .format = XENO_FORMAT_MACHO,
    .personality = &darwin_personality,
};
