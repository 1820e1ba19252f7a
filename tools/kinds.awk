# Shared by the table generators (gensyscalls.awk, genlibs.awk): the
# argument kinds of syscalls.master and .spec lines, with the C type a
# handler receives and the tracer's kind, and the helpers that read them.
#   awk -f tools/kinds.awk -f tools/gensyscalls.awk ...

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

function init_kinds() {
	# kind -> C type handed to the handler, and tracer kind
	ctype["int"] = "int";           akind["int"] = "XA_INT"
	ctype["uint"] = "unsigned int"; akind["uint"] = "XA_UINT"
	ctype["long"] = "long";         akind["long"] = "XA_LONG"
	ctype["ulong"] = "unsigned long"; akind["ulong"] = "XA_ULONG"
	ctype["size"] = "size_t";       akind["size"] = "XA_ULONG"
	ctype["ssize"] = "long";        akind["ssize"] = "XA_LONG"
	ctype["off"] = "int64_t";       akind["off"] = "XA_LONG"
	ctype["hex"] = "uint64_t";      akind["hex"] = "XA_HEX"
	ctype["hex32"] = "unsigned int"; akind["hex32"] = "XA_HEX32"
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
	# floating point: in xmm registers, which only a directly bound
	# function (a spec's HOST line) receives; not decoded
	ctype["double"] = "double";     akind["double"] = "XA_NONE"
	ctype["float"] = "float";       akind["float"] = "XA_NONE"
	ctype["noreturn"] = "long";     akind["noreturn"] = "XA_NORETURN"
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
}

# Reads what follows the first SKIP fields of LINE: optional %class words,
# then the argument list "kind name, kind name...".  Sets NARGS, CLASSES
# (XENO_TC_* bits), DESC (the tracer's argument descriptions), PARAMS (the
# handler's C parameters after the thread) and CALLARGS (how a thunk passes
# its uint64_t a[] on), and argname[], argspec[].
function read_signature(line, skip,    rest, i, n, parts, a, kv, lenarg, count, decoder, sp) {
	rest = line
	for (i = 0; i < skip; i++)
		sub(/^[ \t]*[^ \t]+/, "", rest)
	rest = trim(rest)
	CLASSES = "0"
	while (match(rest, /^%[a-z]+/)) {
		CLASSES = CLASSES "|XENO_TC_" toupper(substr(rest, 2, RLENGTH - 1))
		rest = trim(substr(rest, RLENGTH + 1))
	}
	NARGS = 0
	if (rest != "") {
		n = split_args(rest, parts)
		for (i = 1; i <= n; i++) {
			a = trim(parts[i])
			if (split(a, kv, /[ \t]+/) != 2)
				die("argument '" a "' is not 'kind name'")
			argspec[NARGS] = kv[1]
			argname[NARGS] = kv[2]
			NARGS++
		}
	}
	if (NARGS > 8)
		die("more than eight arguments")
	DESC = ""
	PARAMS = "struct xeno_thread *t"
	CALLARGS = "t"
	for (i = 0; i < NARGS; i++) {
		parse_kind(argspec[i])
		lenarg = "XENO_NOARG"
		count = 0
		decoder = "\"\""
		if (KIND == "ibuf") {
			lenarg = arg_index(PARAM, NARGS)
		} else if (KIND == "in" || KIND == "out" || KIND == "inout") {
			# S, or S,LEN: an array of S whose length is the argument
			# LEN (or the number LEN)
			if (split(PARAM, sp, ",") == 2) {
				PARAM = sp[1]
				if (sp[2] ~ /^[0-9]+$/)
					count = sp[2] + 0
				else
					lenarg = arg_index(sp[2], NARGS)
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
		DESC = DESC sprintf("{%s, %s, %d, \"%s\", %s}, ", akind[KIND], lenarg, count, argname[i], decoder)
		PARAMS = PARAMS ", " ctype[KIND] " " argname[i]
		CALLARGS = CALLARGS sprintf(", (%s)a[%d]", ctype[KIND], i)
	}
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

# A table flag word as syscalls.master and the specs spell it
# ("0|XENO_SYF_NOTLS") as its number, for write_call_table's assembly.
function syf_value(flags,    parts, n, i, v) {
	n = split(flags, parts, "|")
	v = 0
	for (i = 1; i <= n; i++) {
		if (parts[i] == "XENO_SYF_NOTLS")
			v += 1
		else if (parts[i] == "XENO_SYF_NOFPU")
			v += 2
		else if (parts[i] != "0")
			die("unknown table flag '" parts[i] "'")
	}
	return v
}

# The thunk of entry i: named after its table (thunk_table, set by the
# generator: "freebsd_sysent", "darwin_libSystem"...) so that every thunk
# of xeno has a name of its own, which the linker's symbol ordering file
# (tools/xeno.order) can place.
function thunk_name(i) {
	return "thunk_" thunk_table "_" i
}

# The dispatch table sym of n entries (struct xeno_syscall, core/syscall.h),
# written as assembly: entry i with a thunk (i in has) holds its thunk's
# distance from itself, `.quad THUNK - .`, which the linker resolves; a C
# initializer could only hold a pointer, which the static PIE relocates —
# writes, a page fault a page — at every start.  flags[i]: its XENO_SYF_*.
# The thunks are static functions marked used.
function write_call_table(c, sym, n, has, flags,    i) {
	printf("extern const struct xeno_syscall %s[%d];\n", sym, n) > c
	printf("_Static_assert(sizeof(struct xeno_syscall) == 16 && ") > c
	printf("__builtin_offsetof(struct xeno_syscall, flags) == 8 && XENO_SYF_NOTLS == 1 && XENO_SYF_NOFPU == 2,\n") > c
	printf("\t       \"write_call_table (tools/kinds.awk) writes this layout\");\n") > c
	printf("__asm__(\"\\t.section .rodata\\n\\t.balign 16\\n\\t.globl %s\\n\\t.hidden %s\\n\"\n", sym, sym) > c
	printf("\t\"\\t.type %s, @object\\n\\t.size %s, %d\\n%s:\\n\"\n", sym, sym, 16 * n, sym) > c
	for (i = 0; i < n; i++)
		if (i in has)
			printf("\t\"\\t.quad %s - ., %d\\n\"\n", thunk_name(i), syf_value(flags[i])) > c
		else
			printf("\t\"\\t.zero 16\\n\"\n") > c
	print "\t\"\\t.previous\\n\");\n" > c
}
