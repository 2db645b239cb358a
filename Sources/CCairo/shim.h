// cairo (Debian: libcairo2-dev), found through pkg-config "cairo" (which adds -I/usr/include/cairo).
#include <cairo.h>
#include <cairo-pdf.h>
