// Explicit limits on what the engine reads, so that hostile input is refused quickly and
// with a clear message instead of exhausting memory or time. Documented in README.md.
#pragma once

#include <cstddef>

namespace reqcheck::parse {

/// Largest request or pack text read, in bytes (a real request is a few KiB).
inline constexpr std::size_t kMaxInputBytes = 4u << 20;
/// Deepest nesting of objects and arrays (the format itself needs 4).
inline constexpr std::size_t kMaxDepth = 32;
/// Most elements of one array (targets, data items, offences, legal bases).
inline constexpr std::size_t kMaxArrayItems = 1000;
/// Longest string value, in bytes.
inline constexpr std::size_t kMaxStringBytes = 64u << 10;

}  // namespace reqcheck::parse
