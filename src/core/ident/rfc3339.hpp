// RFC 3339 dates and date-times as the request model holds them. A date without a time stays a
// calendar date (never shifted through UTC); a date-time is an instant plus the offset it was
// written in. Calendar arithmetic comes from Howard Hinnant's `date`; only the RFC 3339 grammar
// is checked here. Does not handle time zones by name (RFC 3339 has none).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "reqcheck/time.hpp"

namespace reqcheck::ident {

/// The value type lives in the public header; the engine's code names it `ident::TimeValue`.
using reqcheck::TimeValue;

/// Why a text is not RFC 3339, in lowercase, e.g. "day 30 does not exist in 2026-02".
struct TimeError {
  std::string message;
};

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)` (`t`, `z` and a space for `T`
/// accepted as RFC 3339 §5.6 allows). Rejects impossible dates (`2026-02-30`), hours > 23,
/// minutes > 59, seconds > 60 (60 is a leap second, read as :59.999) and offsets beyond ±23:59.
/// Returns the value or a TimeError; never throws.
std::optional<TimeValue> parse_rfc3339(std::string_view text, TimeError* error = nullptr);

/// Same as parse_rfc3339 but accepts only date-times (a date alone is an error).
std::optional<TimeValue> parse_rfc3339_datetime(std::string_view text, TimeError* error = nullptr);

/// The first instant of a value: itself for a date-time; local midnight at `offset_minutes` for
/// a date-only value.
std::chrono::sys_time<std::chrono::milliseconds> start_in(const TimeValue& v, int offset_minutes);

/// The end of a value, exclusive: itself for a date-time; the next local midnight for a
/// date-only value (a date-only `to` or `valid_until` covers its whole day).
std::chrono::sys_time<std::chrono::milliseconds> end_in(const TimeValue& v, int offset_minutes);

/// The local calendar date of an instant at an offset (minutes east of UTC).
date::sys_days local_day(std::chrono::sys_time<std::chrono::milliseconds> t, int offset_minutes);

/// Formats an instant as RFC 3339 UTC with seconds, e.g. `2026-11-20T08:30:00Z`.
std::string format_utc(std::chrono::sys_time<std::chrono::milliseconds> t);

/// Formats a calendar date as `YYYY-MM-DD`.
std::string format_day(date::sys_days d);

}  // namespace reqcheck::ident
