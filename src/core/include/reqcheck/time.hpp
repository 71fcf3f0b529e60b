// A point or day in time as a request or pack states it (RFC 3339 `full-date` or `date-time`),
// shared by the request model, the packs and the report. Parsing and arithmetic live in the
// engine (ident/rfc3339.hpp); this header only holds the value.
#pragma once

#include <chrono>
#include <string>

#include <date/date.h>

namespace reqcheck {

/// A parsed RFC 3339 `full-date` or `date-time`.
struct TimeValue {
  bool date_only = false;
  /// Calendar date as written (date-only values), or the local calendar date of a date-time in
  /// its own offset.
  date::sys_days day{};
  /// The instant, UTC, millisecond precision. For a date-only value: its local midnight read in
  /// UTC (offset 0).
  std::chrono::sys_time<std::chrono::milliseconds> instant{};
  /// Offset east of UTC in minutes (date-times; 0 for date-only values and `Z`).
  int offset_minutes = 0;
  /// The text as written.
  std::string text;
};

}  // namespace reqcheck
