// The scanner is header-only (include/CByteScan.h); SwiftPM needs one source file.
