#ifndef SDKGEN_CLIBYAML_SHIM_H
#define SDKGEN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
