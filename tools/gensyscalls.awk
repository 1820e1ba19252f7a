# Generates a personality's system call table from its syscalls.master.
#
#   awk -v os=freebsd -v out=build/gen -f tools/gensyscalls.awk syscalls/freebsd/syscalls.master
#
# writes $out/$os_sysent.c (the thunks, the dispatch table and the call
# descriptions the tracer reads),
# $out/$os_sysproto.h (handler prototypes) and $out/$os_sysnums.h (numbers).
# The line format is described at the top of each syscalls.master.

function die(msg) {
	printf("%s:%d: %s\n", FILENAME, FNR, msg) > "/dev/stderr"
	failed = 1
	exit 1
}

function trim(s) {
	sub(/^[ \t]+/, "", s)
	sub(/[ \t]+$/, "", s)
	return s
}

# Splits "kind(param)" into KIND and PARAM globals.
function parse_kind(spec) {
	PARAM = ""
	if (match(spec, /\(.*\)$/)) {
		PARAM = substr(spec, RSTART + 1, RLENGTH - 2)
		spec = substr(spec, 1, RSTART - 1)
	}
	KIND = spec
	if (!(KIND in ctype))
		die("unknown argument kind '" KIND "'")
}

BEGIN {
	# kind -> C type handed to the handler, and tracer kind
	ctype["int"] = "int";           akind["int"] = "XA_INT"
	ctype["uint"] = "unsigned int"; akind["uint"] = "XA_UINT"
	ctype["long"] = "long";         akind["long"] = "XA_LONG"
	ctype["ulong"] = "unsigned long"; akind["ulong"] = "XA_ULONG"
	ctype["size"] = "size_t";       akind["size"] = "XA_ULONG"
	ctype["ssize"] = "long";        akind["ssize"] = "XA_LONG"
	ctype["off"] = "int64_t";       akind["off"] = "XA_LONG"
	ctype["hex"] = "uint64_t";      akind["hex"] = "XA_HEX"
	ctype["ptr"] = "uint64_t";      akind["ptr"] = "XA_PTR"
	ctype["fd"] = "int";            akind["fd"] = "XA_FD"
	ctype["atfd"] = "int";          akind["atfd"] = "XA_ATFD"
	ctype["mode"] = "unsigned int"; akind["mode"] = "XA_OCTAL"
	ctype["sig"] = "int";           akind["sig"] = "XA_SIG"
	ctype["str"] = "uint64_t";      akind["str"] = "XA_STR"
	ctype["ibuf"] = "uint64_t";     akind["ibuf"] = "XA_IBUF"
	ctype["obuf"] = "uint64_t";     akind["obuf"] = "XA_OBUF"
	ctype["flags"] = "int";         akind["flags"] = "XA_FLAGS"
	ctype["lflags"] = "uint64_t";   akind["lflags"] = "XA_LFLAGS"
	ctype["pid"] = "int";           akind["pid"] = "XA_PID"
	ctype["tid"] = "long";          akind["tid"] = "XA_TID"
	ctype["in"] = "uint64_t";       akind["in"] = "XA_IN"
	ctype["out"] = "uint64_t";      akind["out"] = "XA_OUT"
	ctype["inout"] = "uint64_t";    akind["inout"] = "XA_INOUT"
	ctype["void"] = "long";         akind["void"] = "XA_NONE"
	if (os == "" || out == "")
		die("usage: awk -v os=NAME -v out=DIR -f gensyscalls.awk syscalls.master")
	# the room core/syscall.h gives the names an entry holds in place
	header = "core/syscall.h"
	while ((getline hl < header) > 0)
		if (hl ~ /^#define XENO_[A-Z]+_SIZE [0-9]+$/) {
			split(hl, hw, " ")
			size_of[hw[2]] = hw[3] + 0
		}
	close(header)
	SYSNAME_SIZE = size_of["XENO_SYSNAME_SIZE"]
	ARGNAME_SIZE = size_of["XENO_ARGNAME_SIZE"]
	DECODER_SIZE = size_of["XENO_DECODER_SIZE"]
	if (!SYSNAME_SIZE || !ARGNAME_SIZE || !DECODER_SIZE)
		die("no XENO_*_SIZE definitions in " header)
	OS = toupper(os)
	maxnr = -1
}

/^[ \t]*(#|$)/ { next }

{
	line = $0
	nr = $1; status = $2; name = $3; handler = $4; ret = $5
	if (nr !~ /^[0-9]+$/)
		die("bad syscall number '" nr "'")
	nr += 0
	if (nr <= maxnr)
		die("syscall numbers must increase")
	maxnr = nr
	flags = "0"
	if (status ~ /\|/) {
		nflags = split(status, sf, "|")
		status = sf[1]
		for (i = 2; i <= nflags; i++) {
			if (sf[i] != "NOTLS")
				die("unknown status flag '" sf[i] "'")
			flags = flags "|XENO_SYF_NOTLS"
		}
	}
	if (status != "STD" && status != "UNIMPL" && status != "OBSOL")
		die("bad status '" status "'")
	if (flags != "0" && status != "STD")
		die("only STD calls take flags")
	if (NF < 5)
		die("expected: number status name handler return [arguments]")
	if (handler == "-")
		handler = os "_sys_" name
	parse_kind(ret)
	if (PARAM != "")
		die("a return kind takes no parameter")

	# after the fifth field: optional %class words, then the argument list
	rest = line
	for (i = 0; i < 5; i++) {
		sub(/^[ \t]*[^ \t]+/, "", rest)
	}
	rest = trim(rest)
	classes = "0"
	while (match(rest, /^%[a-z]+/)) {
		classes = classes "|XENO_TC_" toupper(substr(rest, 2, RLENGTH - 1))
		rest = trim(substr(rest, RLENGTH + 1))
	}
	nargs = 0
	if (rest != "") {
		n = split_args(rest, parts)
		for (i = 1; i <= n; i++) {
			a = trim(parts[i])
			if (split(a, kv, /[ \t]+/) != 2)
				die("argument '" a "' is not 'kind name'")
			argspec[nargs] = kv[1]
			argname[nargs] = kv[2]
			nargs++
		}
	}
	if (nargs > 8)
		die("more than eight arguments")

	if (length(name) >= SYSNAME_SIZE)
		die("name " name " is longer than " SYSNAME_SIZE - 1)
	names[nr] = name
	stat_[nr] = status
	nargs_[nr] = nargs
	retk[nr] = akind[ret]
	flags_[nr] = flags
	classes_[nr] = classes

	desc = ""
	params = "struct xeno_thread *t"
	callargs = "t"
	for (i = 0; i < nargs; i++) {
		parse_kind(argspec[i])
		lenarg = "XENO_NOARG"
		count = 0
		decoder = "\"\""
		if (KIND == "ibuf") {
			lenarg = arg_index(PARAM, nargs)
		} else if (KIND == "in" || KIND == "out" || KIND == "inout") {
			# S, or S,LEN: an array of S whose length is the argument
			# LEN (or the number LEN)
			if (split(PARAM, sp, ",") == 2) {
				PARAM = sp[1]
				if (sp[2] ~ /^[0-9]+$/)
					count = sp[2] + 0
				else
					lenarg = arg_index(sp[2], nargs)
			}
			if (PARAM == "")
				die(KIND " needs a decoder name: " KIND "(name)")
			decoder = "\"" PARAM "\""
		} else if (KIND == "flags" || KIND == "lflags") {
			if (PARAM == "")
				die(KIND " needs a decoder name: " KIND "(name)")
			decoder = "\"" PARAM "\""
		} else if (PARAM != "") {
			die("kind " KIND " takes no parameter")
		}
		if (length(argname[i]) >= ARGNAME_SIZE)
			die("argument name " argname[i] " is longer than " ARGNAME_SIZE - 1)
		if (length(decoder) - 2 >= DECODER_SIZE)
			die("decoder name " decoder " is longer than " DECODER_SIZE - 1)
		desc = desc sprintf("{%s, %s, %d, \"%s\", %s}, ", akind[KIND], lenarg, count, argname[i], decoder)
		params = params ", " ctype[KIND] " " argname[i]
		callargs = callargs sprintf(", (%s)a[%d]", ctype[KIND], i)
	}
	descs[nr] = desc
	if (status == "STD") {
		handlers[nr] = handler
		if (handler in proto_of && proto_of[handler] != params)
			die("handler " handler " used with two different signatures")
		proto_of[handler] = params
		callof[nr] = callargs
	}
}

END {
	if (failed)
		exit 1
	c = out "/" os "_sysent.c"
	h = out "/" os "_sysproto.h"
	nums = out "/" os "_sysnums.h"
	hdr = "/* DO NOT EDIT: generated by tools/gensyscalls.awk from syscalls/" os "/syscalls.master */"

	print hdr > nums
	print "#ifndef XENO_GEN_" OS "_SYSNUMS_H" > nums
	print "#define XENO_GEN_" OS "_SYSNUMS_H" > nums
	for (nr = 0; nr <= maxnr; nr++)
		if (nr in names)
			printf("#define %s_SYS_%s %d\n", OS, names[nr], nr) > nums
	printf("#define %s_SYS_MAXSYSCALL %d\n", OS, maxnr + 1) > nums
	print "#endif" > nums

	print hdr > h
	print "#ifndef XENO_GEN_" OS "_SYSPROTO_H" > h
	print "#define XENO_GEN_" OS "_SYSPROTO_H" > h
	print "#include <stddef.h>\n#include <stdint.h>\n" > h
	print "struct xeno_thread;\n" > h
	for (fn in proto_of)
		sorted[fn] = fn
	n = asort_names(sorted, order)
	for (i = 1; i <= n; i++)
		printf("long %s(%s);\n", order[i], proto_of[order[i]]) > h
	print "\n#endif" > h

	print hdr > c
	print "#include \"core/syscall.h\"" > c
	print "#include \"syscalls/" os "/" os ".h\"" > c
	print "#include \"" os "_sysproto.h\"\n" > c
	for (nr = 0; nr <= maxnr; nr++) {
		if (!(nr in handlers))
			continue
		printf("static long thunk_%d(struct xeno_thread *t, const uint64_t *a)\n{\n", nr) > c
		if (nargs_[nr] == 0)
			printf("\t(void)a;\n") > c
		printf("\treturn %s(%s);\n}\n\n", handlers[nr], callof[nr]) > c
	}
	printf("const struct xeno_syscall %s_syscalls[%d] = {\n", os, maxnr + 1) > c
	for (nr = 0; nr <= maxnr; nr++)
		if (nr in handlers)
			printf("\t[%d] = {thunk_%d, %s},\n", nr, nr, flags_[nr]) > c
	print "};\n" > c
	printf("const struct xeno_sysent %s_sysent[%d] = {\n", os, maxnr + 1) > c
	for (nr = 0; nr <= maxnr; nr++) {
		if (!(nr in names))
			continue
		printf("\t[%d] = {\"%s\", %d, %s, %s, {%s}},\n", nr, names[nr], nargs_[nr], retk[nr], classes_[nr], descs[nr]) > c
	}
	print "};\n" > c
	printf("const struct xeno_calltable %s_systable = {NULL, %s_syscalls, %s_sysent, %d};\n", os, os, os, maxnr + 1) > c
}

# Splits an argument list at the commas outside parentheses.
function split_args(s, parts,    n, depth, i, ch, cur) {
	n = 0
	depth = 0
	cur = ""
	for (i = 1; i <= length(s); i++) {
		ch = substr(s, i, 1)
		if (ch == "(")
			depth++
		else if (ch == ")")
			depth--
		if (ch == "," && depth == 0) {
			parts[++n] = cur
			cur = ""
		} else {
			cur = cur ch
		}
	}
	parts[++n] = cur
	return n
}

# The index of the argument named NAME among the first N (argname[]).
function arg_index(name, n,    j) {
	for (j = 0; j < n; j++)
		if (argname[j] == name)
			return j
	die(KIND "(" PARAM "): no argument named " name)
}

# A plain insertion sort: POSIX awk has no asort, and the output must be stable.
function asort_names(src, dst,    k, n, i, j, tmp) {
	n = 0
	for (k in src)
		dst[++n] = k
	for (i = 2; i <= n; i++) {
		tmp = dst[i]
		for (j = i - 1; j >= 1 && dst[j] > tmp; j--)
			dst[j + 1] = dst[j]
		dst[j + 1] = tmp
	}
	return n
}
