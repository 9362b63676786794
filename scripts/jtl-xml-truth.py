#!/usr/bin/env python3
"""Independent truth for a JMeter XML JTL cut off after BYTES bytes (expat, not libxml2):

    scripts/jtl-xml-truth.py FILE [BYTES]

Prints the complete top-level <httpSample>/<sample> elements (children of the root), the samples
nested in them (sub-results), the line where expat found the file cut off or broken, and the
line the incomplete top-level element starts on (the stop line when its start tag is cut).
"""
import sys
import xml.parsers.expat

data = open(sys.argv[1], "rb").read()
if len(sys.argv) > 2:
    data = data[: int(sys.argv[2])]
depth = 0
complete = 0
nested = 0
pending_nested = 0
parser = xml.parsers.expat.ParserCreate()


open_line = None


def start(name, attrs):
    global depth, pending_nested, open_line
    depth += 1
    if depth == 2:
        open_line = parser.CurrentLineNumber
    if depth > 2 and name in ("httpSample", "sample"):
        pending_nested += 1


def end(name):
    global depth, complete, nested, pending_nested, open_line
    depth -= 1
    if depth == 1:
        open_line = None
    if depth == 1 and name in ("httpSample", "sample"):
        complete += 1
        nested += pending_nested
        pending_nested = 0


parser.StartElementHandler = start
parser.EndElementHandler = end
stopped = None
try:
    parser.Parse(data, True)
except xml.parsers.expat.ExpatError as error:
    stopped = error.lineno
print(f"complete={complete} nested={nested} stopped_line={stopped} cut_element_line={open_line or stopped}")
