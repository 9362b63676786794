// The bytes that end or complicate a CSV field, sixteen or sixty-four at a time: SSE2 on x86-64
// (every such CPU has it), a byte loop elsewhere. Header-only and static inline, so the Swift
// callers inline it.
#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// As `cbytescan_stops64` for the `count` (at most 64) bytes at p, one at a time: the end of the data.
static inline uint64_t cbytescan_stops(const uint8_t *p, size_t count, uint8_t delimiter) {
  uint64_t mask = 0;
  for (size_t i = 0; i < count && i < 64; i++) {
    uint8_t byte = p[i];
    mask |= (uint64_t)(byte == delimiter || byte == '\n' || byte == '\r' || byte == '"') << i;
  }
  return mask;
}

/// Bit i set where p[i] (0 <= i < 64) is `delimiter`, a line feed, a carriage return or a double
/// quote: every place a quote-free record's field can end, plus the quotes that make a record
/// need the full reader. Reads exactly 64 bytes at p, which the caller guarantees are readable.
static inline uint64_t cbytescan_stops64(const uint8_t *p, uint8_t delimiter) {
#if defined(__SSE2__)
  const __m128i delimiters = _mm_set1_epi8((char)delimiter);
  const __m128i lineFeeds = _mm_set1_epi8('\n');
  const __m128i returns = _mm_set1_epi8('\r');
  const __m128i quotes = _mm_set1_epi8('"');
  uint64_t mask = 0;
  for (int lane = 0; lane < 4; lane++) {
    __m128i bytes = _mm_loadu_si128((const __m128i *)(p + 16 * lane));
    __m128i stops = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, delimiters), _mm_cmpeq_epi8(bytes, lineFeeds)),
        _mm_or_si128(_mm_cmpeq_epi8(bytes, returns), _mm_cmpeq_epi8(bytes, quotes)));
    mask |= (uint64_t)(uint32_t)_mm_movemask_epi8(stops) << (16 * lane);
  }
  return mask;
#else
  return cbytescan_stops(p, 64, delimiter);
#endif
}

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
