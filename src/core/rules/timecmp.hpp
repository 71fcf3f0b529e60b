// Date comparisons the rules share, following criteria.md's conventions: a date-only value is a
// calendar date compared with the calendar date of `received_at` in `received_at`'s own offset;
// a date-time is an instant; a date-only `to` or `valid_until` covers its whole day.
#pragma once

#include <chrono>

#include "ident/rfc3339.hpp"

namespace reqcheck::rules {

using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

/// True if `v` lies after the moment of receipt (a date-only `v`: after receipt's local date).
inline bool after_receipt(const ident::TimeValue& v, const ident::TimeValue& received) {
  if (v.date_only) return v.day > ident::local_day(received.instant, received.offset_minutes);
  return v.instant > received.instant;
}

/// True if `v` ended before the moment of receipt (a date-only `v` lasts its whole day).
inline bool ended_before_receipt(const ident::TimeValue& v, const ident::TimeValue& received) {
  if (v.date_only) return v.day < ident::local_day(received.instant, received.offset_minutes);
  return v.instant < received.instant;
}

/// Whole days from `v` to receipt: calendar days for a date-only `v`, elapsed time for a
/// date-time, as a duration in milliseconds.
inline std::chrono::milliseconds age_at_receipt(const ident::TimeValue& v, const ident::TimeValue& received) {
  if (v.date_only) return ident::local_day(received.instant, received.offset_minutes) - v.day;
  return received.instant - v.instant;
}

/// Start and end (exclusive for date-only values) of a range bound, placing calendar dates in
/// `received`'s offset.
inline Millis range_start(const ident::TimeValue& v, const ident::TimeValue& received) {
  return ident::start_in(v, received.offset_minutes);
}
inline Millis range_end(const ident::TimeValue& v, const ident::TimeValue& received) {
  return ident::end_in(v, received.offset_minutes);
}

/// Days as a duration (pack parameters are whole days).
inline std::chrono::milliseconds days(std::int64_t n) { return std::chrono::hours{24 * n}; }

}  // namespace reqcheck::rules
