// Sixteen bytes at a time, the bytes that end an unquoted CSV field: SSE2 on x86-64 (every
// such CPU has it), a word-at-a-time loop elsewhere. Header-only and static inline, so the
// Swift callers inline it.
#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit i set where p[i] (0 <= i < 16) is `delimiter`, a line feed or a carriage return. Reads
/// exactly 16 bytes at p, which the caller guarantees are readable.
static inline uint32_t cbytescan_field_ends16(const uint8_t *p, uint8_t delimiter) {
#if defined(__SSE2__)
  __m128i bytes = _mm_loadu_si128((const __m128i *)p);
  __m128i ends = _mm_or_si128(
      _mm_cmpeq_epi8(bytes, _mm_set1_epi8((char)delimiter)),
      _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r'))));
  return (uint32_t)_mm_movemask_epi8(ends);
#else
  uint32_t mask = 0;
  for (int i = 0; i < 16; i++) {
    uint8_t byte = p[i];
    mask |= (uint32_t)(byte == delimiter || byte == '\n' || byte == '\r') << i;
  }
  return mask;
#endif
}

#endif
