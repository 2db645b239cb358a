// libxlsxwriter (Debian: libxlsxwriter-dev), found through pkg-config "xlsxwriter".
#include <xlsxwriter.h>
