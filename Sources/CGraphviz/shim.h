#ifndef ZONELAB_CGRAPHVIZ_SHIM_H
#define ZONELAB_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
