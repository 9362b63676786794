// zlib from the system (apt: zlib1g-dev), for reading gzipped result files.
#include <zlib.h>
