# Generates a shim library from its spec, libs/<os>/<lib>.spec.
#
#   awk -v os=freebsd -v lib=libc -v out=build/gen -f tools/kinds.awk -f tools/genlibs.awk \
#       libs/freebsd/libc.spec
#
# writes, under $out:
#   $os_$lib_lib.c     its functions' thunks, call table and descriptions (as
#                      for system calls), their entry stubs, its exports and
#                      its struct xeno_library ($os_$lib_library)
#   $os_$lib_proto.h   the handlers' prototypes (a handler that disagrees with
#                      its line does not compile)
#   $os_$lib_link.S    a link-only stub of the library for building samples:
#   $os_$lib_link.map  every export with its version, nothing inside
#   $os_$lib_link.def  the same for a PE library: a module-definition file
#                      that llvm-dlltool makes an import library of
#
# The spec's lines:
#   library SONAME ID            its file name and its number in traces
#   versions V1 V2 ...           its version definitions, each inheriting the one before
#   convention sysv|ms           how the guest calls its functions: System V
#                                (the default; core/libgate.S) or Microsoft x64
#                                (core/libgate_ms.S)
#   NAME VERSION STATUS HANDLER RETURN [%class...] [ARGUMENTS]
# VERSION is "-" for an unversioned export, "@N" for one that is also
# exported by ordinal N (a PE library's).  RETURN is an argument kind, or
# void (returns nothing) or noreturn (never returns: traced when called).
# A name listed twice is exported
# in both versions; the later line is the default one (name@@VERSION).
# STATUS:
#   STD[|NOTLS][|ERRNO|PTR|RET|ZERO]  a handler: HANDLER "-" is $os_$lib_NAME,
#                      "=bsd_sys_read" forwards to a system call's handler;
#                      NOTLS: it may run on the guest's FS base; how a
#                      negative host errno reaches the guest: ERRNO -1 and
#                      errno, PTR NULL and errno, RET the foreign errno as
#                      the result (pthreads); ZERO 0 and the error where
#                      the personality keeps it (Windows' BOOL functions:
#                      LastError); none: the value as it is
#   STUB[|ERRNO|PTR|RET|ZERO]  not implemented: named once when called, ENOSYS
#   HOST               bound straight to the host function HANDLER (pure
#                      functions only: no thread state, no system call); in
#                      the Microsoft convention through an ms_abi wrapper;
#                      when calls are traced, bound to an entry that traces
#                      it (not one with a double or float: those come in xmm
#                      registers, which the traced entry does not pass on)
#   DATA               the object HANDLER; RETURN is its size in bytes

function c_ident(s) {
	gsub(/[^A-Za-z0-9_]/, "_", s)
	return s
}

BEGIN {
	init_kinds()
	if (os == "" || lib == "" || out == "")
		die("usage: awk -v os=NAME -v lib=NAME -v out=DIR -f kinds.awk -f genlibs.awk SPEC")
	P = os "_" c_ident(lib)
	thunk_table = P
	nfn = 0
	nexp = 0
	nver = 0
	convention = "sysv"
}

/^[ \t]*(#|$)/ { next }

$1 == "library" {
	if (NF != 3 || $3 !~ /^[0-9]+$/ || $3 + 0 < 1 || $3 + 0 > 65535)
		die("expected: library SONAME ID (1 to 65535)")
	soname = $2
	libid = $3 + 0
	next
}

$1 == "convention" {
	if (NF != 2 || ($2 != "sysv" && $2 != "ms"))
		die("expected: convention sysv|ms")
	convention = $2
	next
}

$1 == "versions" {
	for (i = 2; i <= NF; i++) {
		if ($i in is_version)
			die("version " $i " defined twice")
		is_version[$i] = 1
		versions[++nver] = $i
		version_index[$i] = nver
	}
	next
}

{
	if (soname == "")
		die("the spec must begin with: library SONAME ID")
	if (NF < 5)
		die("expected: name version status handler return [arguments]")
	name = $1; version = $2; status = $3; handler = $4; ret = $5
	ordinal = 0
	if (version ~ /^@[0-9]+$/) {
		ordinal = substr(version, 2) + 0
		if (ordinal < 1 || ordinal > 65535)
			die("ordinal " ordinal " is not 1 to 65535")
		if (ordinal in ordinal_used)
			die("ordinal " ordinal " used twice")
		ordinal_used[ordinal] = 1
		version = "-"
	}
	if (version != "-" && !(version in is_version))
		die("version " version " is not in the versions line")
	conv = "XENO_CONV_VALUE"
	flags = "0"
	nflags = split(status, sf, "|")
	status = sf[1]
	for (i = 2; i <= nflags; i++) {
		if (sf[i] == "NOTLS")
			flags = flags "|XENO_SYF_NOTLS"
		else if (sf[i] == "ERRNO")
			conv = "XENO_CONV_ERRNO"
		else if (sf[i] == "PTR")
			conv = "XENO_CONV_PTR"
		else if (sf[i] == "RET")
			conv = "XENO_CONV_RET"
		else if (sf[i] == "ZERO")
			conv = "XENO_CONV_ZERO"
		else
			die("unknown status flag '" sf[i] "'")
	}
	if (status != "STD" && status != "STUB" && status != "HOST" && status != "DATA")
		die("bad status '" status "'")
	if (nflags > 1 && status != "STD" && status != "STUB")
		die(status " takes no flags")
	if (flags != "0" && status != "STD")
		die("only STD functions take NOTLS")
	if (length(name) >= SYSNAME_SIZE)
		die("name " name " is longer than " SYSNAME_SIZE - 1)

	key = name
	if (key in default_of)
		hidden_exp[default_of[key]] = 1
	default_of[key] = nexp
	exp_name[nexp] = name
	exp_version[nexp] = version
	exp_ordinal[nexp] = ordinal

	if (status == "DATA") {
		if (ret !~ /^[0-9]+$/ || ret + 0 == 0)
			die("DATA: the fifth field is the object's size in bytes")
		if (handler == "-")
			die("DATA: the fourth field names the object")
		exp_kind[nexp] = "DATA"
		exp_size[nexp] = ret + 0
		exp_obj[nexp] = handler
		nexp++
		next
	}

	parse_kind(ret)
	if (PARAM != "")
		die("a return kind takes no parameter")
	retkind = akind[KIND]
	KIND_OF_RET = KIND
	retptr = KIND == "ptr" || KIND == "str"
	read_signature($0, 5)
	fn_fp[nfn] = KIND_OF_RET == "double" || KIND_OF_RET == "float"
	for (i = 0; i < NARGS; i++)
		if (argspec[i] == "double" || argspec[i] == "float")
			fn_fp[nfn] = 1
	if (status != "HOST") {
		if (KIND_OF_RET == "double" || KIND_OF_RET == "float")
			die("a " KIND_OF_RET " result comes in xmm0: only a HOST function returns one")
		for (i = 0; i < NARGS; i++)
			if (argspec[i] == "double" || argspec[i] == "float")
				die("a " argspec[i] " argument comes in an xmm register: only HOST functions take one")
	}
	if (conv == "XENO_CONV_ERRNO" && retptr)
		die("a function returning a pointer fails with PTR, not ERRNO")

	exp_kind[nexp] = status == "HOST" ? "HOST" : "FUNC"
	exp_fn[nexp] = nfn
	if (status == "HOST") {
		if (handler == "-")
			die("HOST: the fourth field names the host function")
		if (KIND_OF_RET == "void" || KIND_OF_RET == "noreturn")
			die("HOST: a host function returning nothing is not bound directly")
		exp_obj[nexp] = handler
		fn_host_call[nfn] = host_call(handler)
	}
	nexp++

	fn_name[nfn] = name
	fn_nargs[nfn] = NARGS
	fn_ret[nfn] = retkind
	fn_classes[nfn] = CLASSES
	fn_desc[nfn] = DESC
	fn_conv[nfn] = conv
	fn_flags[nfn] = flags
	fn_status[nfn] = status
	if (status == "STD") {
		if (handler == "-")
			handler = P "_" name
		sub(/^=/, "", handler)
		fn_handler[nfn] = handler
		fn_call[nfn] = CALLARGS
		if (handler in proto_of && proto_of[handler] != PARAMS)
			die("handler " handler " used with two different signatures")
		proto_of[handler] = PARAMS
	}
	nfn++
}

END {
	if (failed)
		exit 1
	if (soname == "")
		die("no library line")
	hdr = "/* DO NOT EDIT: generated by tools/genlibs.awk from libs/" os "/" lib ".spec */"
	write_proto()
	write_lib()
	write_link_stub()
	write_link_def()
}

# How the traced entry of a HOST function calls it with its uint64_t a[]:
# through a pointer of the type the kinds give (each argument and the
# result in its kind's C type; a guest address as a uint64_t, passed in the
# same register as a pointer), so that the host function's own prototype
# does not matter.
function host_call(handler,    i, types, args) {
	types = ""; args = ""
	for (i = 0; i < NARGS; i++) {
		parse_kind(argspec[i])
		types = types (i ? ", " : "") ctype[KIND]
		args = args sprintf("%s(%s)a[%d]", i ? ", " : "", ctype[KIND], i)
	}
	if (NARGS == 0)
		types = "void"
	# (the empty asm hides where the pointer came from: the compiler would
	# otherwise see a call through another type than the function's)
	fn_host_fn[nfn] = sprintf("void (*raw)(void) = (void (*)(void))%s;\n\t__asm__(\"\" : \"+r\"(raw));\n\t%s (*const fn)(%s) = (%s(*)(%s))raw;", handler, ctype[KIND_OF_RET], types, ctype[KIND_OF_RET], types)
	return sprintf("(long)fn(%s)", args)
}

function write_proto(    h, n, i, sorted, order, fn) {
	h = out "/" P "_proto.h"
	print hdr > h
	print "#ifndef XENO_GEN_" toupper(P) "_PROTO_H" > h
	print "#define XENO_GEN_" toupper(P) "_PROTO_H" > h
	print "#include <stddef.h>\n#include <stdint.h>\n" > h
	print "struct xeno_thread;\n" > h
	for (fn in proto_of)
		sorted[fn] = fn
	n = asort_names(sorted, order)
	for (i = 1; i <= n; i++)
		printf("long %s(%s);\n", order[i], proto_of[order[i]]) > h
	for (i = 0; i < nexp; i++)
		if (exp_kind[i] == "DATA")
			printf("extern void *%s_at; /* where %s finally is */\n", exp_obj[i], exp_obj[i]) > h
	print "\n#endif" > h
	close(h)
}

function write_lib(    c, i, n, has, flags) {
	c = out "/" P "_lib.c"
	print hdr > c
	print "#include \"core/library.h\"" > c
	print "#include \"core/syscall.h\"" > c
	print "#include \"libs/" os "/" os ".h\"" > c
	print "#include \"" P "_proto.h\"\n" > c
	print "_Static_assert(sizeof(struct xeno_libfn) == 16, \"entry stubs index by 16\");\n" > c
	for (i = 0; i < nfn; i++) {
		if (fn_status[i] == "HOST" && fn_fp[i])
			continue # not traced: see HOST above
		if (fn_status[i] == "HOST") {
			# its traced entry: the host function behind the crossing
			printf("__attribute__((used)) static long %s(struct xeno_thread *t, const uint64_t *a)\n{\n", thunk_name(i)) > c
			printf("\t(void)t;\n") > c
			if (fn_nargs[i] == 0)
				printf("\t(void)a;\n") > c
			printf("\t%s\n\treturn %s;\n}\n\n", fn_host_fn[i], fn_host_call[i]) > c
			continue
		}
		if (fn_status[i] != "STD")
			continue
		printf("__attribute__((used)) static long %s(struct xeno_thread *t, const uint64_t *a)\n{\n", thunk_name(i)) > c
		if (fn_nargs[i] == 0)
			printf("\t(void)a;\n") > c
		printf("\treturn %s(%s);\n}\n\n", fn_handler[i], fn_call[i]) > c
	}
	n = nfn ? nfn : 1
	split("", has)
	split("", flags)
	for (i = 0; i < nfn; i++)
		if (fn_status[i] == "STD") {
			has[i] = 1
			flags[i] = fn_flags[i]
		} else if (fn_status[i] == "HOST" && !fn_fp[i]) {
			has[i] = 1
			flags[i] = "XENO_SYF_NOTLS"
		}
	write_call_table(c, P "_call_table", n, has, flags)
	printf("static const struct xeno_sysent sysent[%d] = {\n", n) > c
	for (i = 0; i < nfn; i++)
		printf("\t[%d] = {\"%s\", %d, %s, %s, {%s}, %s},\n", i, fn_name[i], fn_nargs[i], fn_ret[i], fn_classes[i], fn_desc[i], fn_conv[i]) > c
	print "};\n" > c
	printf("const struct xeno_calltable %s_calls = {\"%s\", %d, %s_call_table, sysent, %d};\n\n", P, soname, libid, P, nfn) > c
	write_entries(c)
	write_exports(c)
	close(c)
}

# enum xeno_libconv (core/library.h) by name, for the descriptors' assembly;
# write_entries asserts that the C enum agrees.
function conv_value(conv) {
	if (!(conv in conv_values))
		die("unknown convention '" conv "'")
	return conv_values[conv]
}

# Each function's descriptor (struct xeno_libfn: its table as a distance,
# `.quad P_calls - .`, which needs no relocation at start-up), and its entry:
# the descriptor into r11, then the common entry.
function write_entries(c,    i, k) {
	split("XENO_CONV_VALUE XENO_CONV_ERRNO XENO_CONV_RET XENO_CONV_PTR XENO_CONV_ZERO", k, " ")
	for (i = 1; i in k; i++) {
		conv_values[k[i]] = i - 1
		printf("_Static_assert(%s == %d, \"conv_value (tools/genlibs.awk)\");\n", k[i], i - 1) > c
	}
	print "_Static_assert(__builtin_offsetof(struct xeno_libfn, nr) == 8 &&" > c
	print "\t       __builtin_offsetof(struct xeno_libfn, conv) == 12 &&" > c
	print "\t       __builtin_offsetof(struct xeno_libfn, nargs) == 13, \"write_entries' layout\");\n" > c
	print "__asm__(\"\\t.section .rodata\\n\\t.balign 16\\nfns:\\n\"" > c
	for (i = 0; i < nfn; i++)
		printf("\t\"\\t.quad %s_calls - .\\n\\t.long %d\\n\\t.byte %d, %d, 0, 0\\n\"\n", P, i, conv_value(fn_conv[i]), fn_nargs[i]) > c
	if (!nfn)
		print "\t\"\\t.zero 16\\n\"" > c
	print "\t\"\\t.previous\\n\");\n" > c
	entry = convention == "ms" ? "xeno_lib_entry_ms" : "xeno_lib_entry"
	print "__asm__(\"\\t.text\\n\"" > c
	for (i = 0; i < nfn; i++) {
		printf("\t\"\\t.globl %s_fn%d\\n\\t.hidden %s_fn%d\\n\\t.type %s_fn%d, @function\\n\"\n", P, i, P, i, P, i) > c
		printf("\t\"%s_fn%d:\\n\\tleaq fns+%d(%%rip), %%r11\\n\\tjmp %s\\n\"\n", P, i, 16 * i, entry) > c
	}
	print ");\n" > c
	for (i = 0; i < nfn; i++)
		printf("void %s_fn%d(void);\n", P, i) > c
	print "" > c
}

# A host function called in the Microsoft convention: an ms_abi wrapper
# that calls it in the host's (every argument a 64-bit register: the kinds
# are integers and pointers).
function write_ms_host(c, i,    n, k, params, args, types) {
	n = fn_nargs[exp_fn[i]]
	params = ""; args = ""; types = ""
	for (k = 0; k < n; k++) {
		params = params (k ? ", " : "") "uint64_t a" k
		args = args (k ? ", " : "") "a" k
		types = types (k ? ", " : "") "uint64_t"
	}
	if (n == 0) {
		params = "void"; types = "void"
	}
	printf("static __attribute__((used, ms_abi)) uint64_t ms_host_%d(%s)\n{\n", i, params) > c
	printf("\treturn ((uint64_t(*)(%s))(void (*)(void))%s)(%s);\n}\n\n", types, exp_obj[i], args) > c
}

# The exports (struct xeno_export, core/library.h) in assembly: each pointer
# as its 32-bit distance from its field (`.long sym - .`, 0 for none), which
# the linker resolves, and the names and versions as strings beside them; in
# C they would be ~2,000 pointers for the static PIE to relocate at every
# start.  A host function (a HOST line) is named `sym@PLT`, its distance
# through a PLT entry where the program has one: the unit tests link with the
# host's shared libraries, where a plain distance would need a dynamic
# relocation of read-only data.
function write_exports(c,    i, addr, size, at, kind, traced, ver) {
	for (i = 0; i < nexp; i++)
		if (exp_kind[i] == "DATA")
			printf("void *%s_at = &%s;\n", exp_obj[i], exp_obj[i]) > c
		else if (exp_kind[i] == "HOST" && convention == "ms")
			write_ms_host(c, i)
	print "" > c
	print "_Static_assert(XENO_EXPORT_FUNC == 1 && XENO_EXPORT_DATA == 2 &&" > c
	print "\t       __builtin_offsetof(struct xeno_export, kind) == 8 &&" > c
	print "\t       __builtin_offsetof(struct xeno_export, addr_at) == 16 &&" > c
	print "\t       sizeof(struct xeno_export) == 28, \"write_exports' layout\");" > c
	printf("extern const struct xeno_export %s_exports[%d];\n", P, nexp ? nexp : 1) > c
	printf("__asm__(\"\\t.section .rodata\\n\\t.balign 4\\n\\t.globl %s_exports\\n\\t.hidden %s_exports\\n\"\n", P, P) > c
	printf("\t\"\\t.type %s_exports, @object\\n\\t.size %s_exports, %d\\n%s_exports:\\n\"\n", P, P, 28 * (nexp ? nexp : 1), P) > c
	for (i = 0; i < nexp; i++) {
		size = 0
		at = "0"
		traced = "0"
		kind = 1
		if (exp_kind[i] == "DATA") {
			kind = 2
			addr = exp_obj[i] " - ."
			size = exp_size[i]
			at = exp_obj[i] "_at - ."
		} else if (exp_kind[i] == "HOST") {
			addr = convention == "ms" ? "ms_host_" i " - ." : exp_obj[i] "@PLT"
			if (!fn_fp[exp_fn[i]])
				traced = P "_fn" exp_fn[i] " - ."
		} else {
			addr = P "_fn" exp_fn[i] " - ."
		}
		if (exp_version[i] != "-" && !(exp_version[i] in version_index))
			die("export " exp_name[i] " has version " exp_version[i] ", which no versions line defines")
		ver = exp_version[i] == "-" ? "0" : ".Lversion_" version_index[exp_version[i]] " - ."
		printf("\t\"\\t.long .Lexport_%d - ., %s\\n\\t.byte %d, %d\\n\\t.short %d\\n\\t.long %d\\n\"\n",
		       i, ver, kind, (i in hidden_exp) ? 1 : 0, exp_ordinal[i], size) > c
		printf("\t\"\\t.long %s\\n\\t.long %s\\n\\t.long %s\\n\"\n", addr, at, traced) > c
	}
	if (!nexp)
		print "\t\"\\t.zero 28\\n\"" > c
	for (i = 0; i < nexp; i++)
		printf("\t\".Lexport_%d: .asciz \\\"%s\\\"\\n\"\n", i, exp_name[i]) > c
	for (i = 1; i <= nver; i++)
		printf("\t\".Lversion_%d: .asciz \\\"%s\\\"\\n\"\n", i, versions[i]) > c
	print "\t\"\\t.previous\\n\");\n" > c
	printf("static const char *const versions[] = {") > c
	for (i = 1; i <= nver; i++)
		printf("\"%s\", ", versions[i]) > c
	print "NULL};\n" > c
	printf("const struct xeno_library %s_library = {\n", P) > c
	printf("    \"%s\", %d, versions, %s_exports, %d, &%s_calls,\n};\n", soname, libid, P, nexp, P) > c
}

# The link-only stub: a symbol per export (a `ret` or zeroed bytes), bound to
# its version with .symver, and the version nodes in the map.
function write_link_stub(    s, m, i, at) {
	s = out "/" P "_link.S"
	m = out "/" P "_link.map"
	print hdr > s
	for (i = 0; i < nexp; i++) {
		if (exp_version[i] == "-") {
			printf("\t.globl %s\n", exp_name[i]) > s
			label = exp_name[i]
		} else {
			label = "xeno_stub_" i
			at = (i in hidden_exp) ? "@" : "@@"
			printf("\t.symver %s, %s%s%s\n", label, exp_name[i], at, exp_version[i]) > s
			printf("\t.globl %s\n", label) > s
		}
		if (exp_kind[i] == "DATA") {
			printf("\t.data\n\t.type %s, @object\n\t.size %s, %d\n%s:\n\t.zero %d\n", label, label, exp_size[i], label, exp_size[i]) > s
		} else {
			printf("\t.text\n\t.type %s, @function\n%s:\n\tret\n", label, label) > s
		}
	}
	print "\t.section .note.GNU-stack, \"\", @progbits" > s
	close(s)
	print "/* DO NOT EDIT: generated by tools/genlibs.awk */" > m
	if (nver == 0) {
		print "{ local: xeno_stub_*; };" > m
	} else {
		for (i = 1; i <= nver; i++) {
			if (i == 1)
				printf("%s { local: xeno_stub_*; };\n", versions[i]) > m
			else
				printf("%s {} %s;\n", versions[i], versions[i - 1]) > m
		}
	}
	close(m)
}

# The module-definition file of a PE library (llvm-dlltool -d): its exports,
# with their ordinals.
function write_link_def(    d, i) {
	d = out "/" P "_link.def"
	print "; DO NOT EDIT: generated by tools/genlibs.awk from libs/" os "/" lib ".spec" > d
	print "LIBRARY " soname > d
	print "EXPORTS" > d
	for (i = 0; i < nexp; i++)
		if (exp_ordinal[i])
			printf("%s @%d\n", exp_name[i], exp_ordinal[i]) > d
		else
			print exp_name[i] > d
	close(d)
}
