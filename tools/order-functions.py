# gdb script (tools/gen-order.sh): the order in which a run of xeno first
# enters each of its functions, for the linker's symbol ordering file.
# Run as  gdb -batch -x tools/order-functions.py --args build/xeno PROGRAM...
# with XENO_ORDER_SYMS naming a file of "ADDRESS NAME" lines (nm's defined
# text symbols, link-time addresses) and XENO_ORDER_OUT the file to append
# the names to, one per line, first entered first.
import os

import gdb

syms_path = os.environ["XENO_ORDER_SYMS"]
out_path = os.environ["XENO_ORDER_OUT"]
names = {}
with open(syms_path) as f:
    for line in f:
        addr, name = line.split()
        names.setdefault(int(addr, 16), name)

gdb.execute("set pagination off")
gdb.execute("set confirm off")
# xeno's own signals (SIGSYS from Syscall User Dispatch, SIGSEGV fixups,
# the guest's signals) pass through untouched.
gdb.execute("handle all nostop noprint pass")
gdb.execute("set follow-fork-mode parent")
gdb.execute("set detach-on-fork on")
gdb.execute("starti")

# The static PIE is loaded at a bias: its entry as run against its entry in
# the file.
entry = int(gdb.parse_and_eval("$pc"))
elf_entry = int(os.environ["XENO_ORDER_ENTRY"], 16)
bias = entry - elf_entry

seen = []
where = {}
for addr, name in names.items():
    bp = gdb.Breakpoint("*%#x" % (addr + bias), internal=True, temporary=True)
    bp.silent = True
    where[bp.number] = name


def on_stop(event):
    if isinstance(event, gdb.BreakpointEvent):
        for bp in event.breakpoints:
            name = where.get(bp.number)
            if name:
                seen.append(name)


gdb.events.stop.connect(on_stop)
while True:
    try:
        gdb.execute("continue", to_string=True)
    except gdb.error:
        break
    if not gdb.selected_inferior().pid:
        break

with open(out_path, "a") as f:
    for name in seen:
        f.write(name + "\n")
