/*
 * What an illumos process starts with: the auxiliary vector's types
 * (usr/src/uts/common/sys/auxv.h: the System V ones, then AT_SUN_*), and
 * what uname(2) says about the system (usr/src/uts/common/sys/utsname.h;
 * illumos keeps SunOS 5.11 as its name and release).
 */
#ifndef XENO_ABI_ILLUMOS_EXEC_H
#define XENO_ABI_ILLUMOS_EXEC_H

#define ILLUMOS_AT_NULL		0
#define ILLUMOS_AT_PHDR		3
#define ILLUMOS_AT_PHENT	4
#define ILLUMOS_AT_PHNUM	5
#define ILLUMOS_AT_PAGESZ	6
#define ILLUMOS_AT_BASE		7
#define ILLUMOS_AT_FLAGS	8
#define ILLUMOS_AT_ENTRY	9
#define ILLUMOS_AT_SUN_UID	2000
#define ILLUMOS_AT_SUN_RUID	2001
#define ILLUMOS_AT_SUN_GID	2002
#define ILLUMOS_AT_SUN_RGID	2003
#define ILLUMOS_AT_SUN_PLATFORM 2008
#define ILLUMOS_AT_SUN_EXECNAME 2014
#define ILLUMOS_AT_SUN_AUXFLAGS 2017

#define ILLUMOS_SYSNAME	 "SunOS"
#define ILLUMOS_RELEASE	 "5.11"
#define ILLUMOS_VERSION	 "illumos-xeno"
#define ILLUMOS_MACHINE	 "i86pc" /* sysinfo(SI_MACHINE), as uname -m prints it */
#define ILLUMOS_PLATFORM "i86pc"

#endif
