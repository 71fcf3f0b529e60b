// Explicit limits on what the engine reads, so that hostile input is refused quickly and
// with a clear message instead of exhausting memory or time. Documented in README.md.
#pragma once

#include <cstddef>

namespace reqcheck::parse {

/// Largest request or pack text read, in bytes (a real request is a few KiB).
inline constexpr std::size_t kMaxInputBytes = 4u << 20;
/// Largest batch text split into requests (JSON array or NDJSON), in bytes: each request in
/// it is still held to kMaxInputBytes. The CLI reads files of this size; the page, 16 MB.
inline constexpr std::size_t kMaxBatchBytes = 64u << 20;
/// Deepest nesting of objects and arrays (the format itself needs 4).
inline constexpr std::size_t kMaxDepth = 32;
/// Most elements of one array (targets, data items, offences, legal bases).
inline constexpr std::size_t kMaxArrayItems = 1000;
/// Longest string value or member name, in bytes.
inline constexpr std::size_t kMaxStringBytes = 64u << 10;
/// Most problems listed for one input; one more finding says that the rest are not listed
/// (without a cap, 4 MiB of unknown fields gave a report of 100 MB after 18 s).
inline constexpr std::size_t kMaxDiagnostics = 100;

}  // namespace reqcheck::parse
