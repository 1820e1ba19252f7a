/* illumos event-port values by name, for traces (abi/illumos/port.h). */
#include "abi/illumos/port.h"

static const struct xeno_flag sources[] = {
    XENO_ENUM_FOREIGN("PORT_SOURCE_AIO", ILLUMOS_PORT_SOURCE_AIO),
    XENO_ENUM_FOREIGN("PORT_SOURCE_TIMER", ILLUMOS_PORT_SOURCE_TIMER),
    XENO_ENUM_FOREIGN("PORT_SOURCE_USER", ILLUMOS_PORT_SOURCE_USER),
    XENO_ENUM_FOREIGN("PORT_SOURCE_FD", ILLUMOS_PORT_SOURCE_FD),
    XENO_ENUM_FOREIGN("PORT_SOURCE_ALERT", ILLUMOS_PORT_SOURCE_ALERT),
    XENO_ENUM_FOREIGN("PORT_SOURCE_MQ", ILLUMOS_PORT_SOURCE_MQ),
    XENO_ENUM_FOREIGN("PORT_SOURCE_FILE", ILLUMOS_PORT_SOURCE_FILE),
};
const struct xeno_flagset illumos_port_sources = XENO_FLAGSET("portsrc", sources, 1);

static const struct xeno_flag alert_flags[] = {
    XENO_FLAG_FOREIGN("PORT_ALERT_SET", ILLUMOS_PORT_ALERT_SET),
    XENO_FLAG_FOREIGN("PORT_ALERT_UPDATE", ILLUMOS_PORT_ALERT_UPDATE),
};
const struct xeno_flagset illumos_alert_flags = XENO_FLAGSET("portalert", alert_flags, 0);
