"""Make plan.jmx from shop_plan.jmx: two thread groups (10 threads at once, then 140 more over
150 s: a ramp 10 -> 150) and the search / listing / cart samplers wrapped in a Transaction
Controller "TC Checkout flow" (generate parent sample = false: JMeter 2.13 writes one extra
sample after the children, responseMessage "Number of samples in transaction : ...")."""
import sys


def close_of(text, start):
    """The end of the <hashTree> opened at `start`, past its matching </hashTree>."""
    depth, i = 0, start
    while True:
        o = text.find("<hashTree>", i); c = text.find("</hashTree>", i)
        if o != -1 and o < c:
            depth += 1; i = o + 10
        else:
            depth -= 1; i = c + 11
            if depth == 0:
                return i


src = open("shop_plan.jmx").read()
# the thread group element and its hashTree
tg_start = src.index("<ThreadGroup ")
tg_end = src.index("</ThreadGroup>") + len("</ThreadGroup>")
tree_start = src.index("<hashTree>", tg_end)
tree_end = close_of(src, tree_start)
tg = src[tg_start:tg_end]; tree = src[tree_start:tree_end]
# wrap the samplers from "GET /search/" through POST /api/cart/ (with its hashTree) in a TC
s = tree.index('<HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="GET /search/')
cart = tree.index('testname="POST /api/cart/"')
j = close_of(tree, tree.index("<hashTree>", cart))
inner = tree[s:j]
tc = ('<TransactionController guiclass="TransactionControllerGui" testclass="TransactionController" '
      'testname="TC Checkout flow" enabled="true">\n'
      '          <boolProp name="TransactionController.parent">false</boolProp>\n'
      '          <boolProp name="TransactionController.includeTimers">false</boolProp>\n'
      '        </TransactionController>\n        <hashTree>\n        ' + inner + '\n        </hashTree>')
tree = tree[:s] + tc + tree[j:]
def group(name, threads, rampup):
    g = tg.replace('testname="Shoppers"', f'testname="{name}"')
    g = g.replace("${__P(threads,30)}", threads).replace("${__P(rampup,10)}", rampup)
    return g
groups = (group("Warm shoppers", "${__P(warm,10)}", "1") + "\n      " + tree + "\n      " +
          group("Ramp shoppers", "${__P(ramp,140)}", "${__P(rampup,150)}") + "\n      " + tree)
out = src[:tg_start] + groups + src[tree_end:]
out = out.replace("30 shoppers for 60 s", "10 shoppers, then 140 more over 150 s (ramp 10 -> 150), search/listing/cart in TC Checkout flow,")
open(sys.argv[1] if len(sys.argv) > 1 else "plan.jmx", "w").write(out)
