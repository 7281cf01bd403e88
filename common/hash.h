/* FNV-1a, the one hash of the toolkit's word tables. */
#ifndef LEDE_HASH_H
#define LEDE_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HASH_INIT 2166136261u	/* FNV-1a offset basis, 32 bits */
#define HASH_INIT64 14695981039346656037ULL

/* One byte more into h. */
static inline uint32_t
hash_byte(uint32_t h, unsigned char c)
{
	return (h ^ c) * 16777619u;
}

/* h carried on over s[0..n). */
static inline uint32_t
hash_more(uint32_t h, const char *s, size_t n)
{
	while (n--)
		h = hash_byte(h, (unsigned char)*s++);
	return h;
}

/* The hash of s[0..n). */
static inline uint32_t
hash_bytes(const char *s, size_t n)
{
	return hash_more(HASH_INIT, s, n);
}

/* The hash of s[0..n) with ASCII A-Z taken as a-z. */
static inline uint32_t
hash_lower(const char *s, size_t n)
{
	uint32_t h = HASH_INIT;

	while (n--) {
		unsigned char c = (unsigned char)*s++;
		h = hash_byte(h, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	return h;
}

/* 64 bits, for keys that must rarely collide (record fingerprints). */
static inline uint64_t
hash64_more(uint64_t h, const char *s, size_t n)
{
	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}
#endif
