// Explicit limits on what the engine reads, so that hostile input is refused quickly and
// with a clear message instead of exhausting memory or time. Documented in README.md.
#pragma once

#include <cstddef>

namespace reqcheck::parse {

/// Largest request or pack text read, in bytes (a real request is a few KiB).
inline constexpr std::size_t kMaxInputBytes = 4u << 20;
/// Largest batch text split into requests (JSON array or NDJSON), in bytes: each request in
/// it is still held to kMaxInputBytes. The CLI reads files of this size (a batch of
/// kMaxBatchRequests generated requests of 1-4 KB is about 250 MB); the page, 256 MB (src/app max_file_bytes).
inline constexpr std::size_t kMaxBatchBytes = std::size_t{1} << 30;
/// Most requests in one batch (elements of its JSON array, or lines of NDJSON): a quarter of a
/// busy intake desk. Past it, the batch's last item is an `invalid_input` report with code
/// `INPUT.too_many_requests` at the line and column of the first request not checked.
inline constexpr std::size_t kMaxBatchRequests = 100000;
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
