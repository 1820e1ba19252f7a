/*
 * The aligned image cache: a copy of an image whose segments cannot be
 * mapped from its own file (their file offsets disagree with their
 * addresses modulo the page: a PE section), laid out so that they can.
 */
#ifndef XENO_LOADER_IMAGE_CACHE_H
#define XENO_LOADER_IMAGE_CACHE_H

#include <stdint.h>

struct xeno_image;

/* Where the cache keeps its files: $XENO_CACHE_DIR, else
 * $XDG_CACHE_HOME/xeno, else $HOME/.cache/xeno; "" when there is none
 * (XENO_CACHE_DIR set to "" turns the cache off). */
const char *xeno_image_cache_dir(char *buf, size_t size);

/* A descriptor of the cache file for img (opened with img->fd), made now
 * if there is none or the one there describes another file: each copy
 * segment's file bytes are at xeno_image_cache_offset(img, segment).
 * -1 if there can be none (no cache directory, no room): the caller copies
 * the bytes as before. */
int xeno_image_cache_open(const struct xeno_image *img);

/* Where a segment's bytes are in the cache file (page-congruent with its
 * address). */
uint64_t xeno_image_cache_offset(const struct xeno_image *img, unsigned segment);

#endif
