// Legal time: IANA time zones and the deadlines counted in them (frameworks.md §2.6, §4). Zones
// come from Google's cctz over the TZif files compiled into the engine (ident/embedded_zones.txt,
// embedded by embed.cmake), never from the file system, so the CLI and the page agree byte for
// byte. No offset or DST rule is written here. Does not parse RFC 3339 (ident/rfc3339.hpp) nor
// decide which zone is the legal one (the rules do).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace reqcheck::ident {

/// An instant: UTC, millisecond precision (the type of TimeValue::instant).
using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

/// True when `name` is one of the IANA zone (or link) names whose TZif data is compiled into the
/// engine, exactly as written (case-sensitive: `Europe/Dublin`, not `europe/dublin`). A real
/// zone outside the embedded set (e.g. `Asia/Tokyo`) is unknown (frameworks.md §2.6).
bool zone_known(std::string_view name);

/// The embedded zone names, sorted by byte value; each is zone_known.
const std::vector<std::string_view>& embedded_zones();

/// What a zone's rules say at an instant.
struct ZoneState {
  /// Offset east of UTC in seconds (e.g. 3600 for Irish Standard Time).
  int offset_seconds = 0;
  /// True when the zone's rules flag the period as daylight-saving time (the TZif `isdst` flag;
  /// Europe/Dublin flags winter time, since its standard time is summer time).
  bool dst = false;
  /// The zone's abbreviation for the period, e.g. `IST`, `GMT`, `CEST`, `+04`.
  std::string abbreviation;
};

/// The offset, DST flag and abbreviation of `zone` at instant `t` (UTC), or nullopt when the zone
/// is not zone_known.
std::optional<ZoneState> zone_state(Instant t, std::string_view zone);

/// The local calendar date in `zone` of instant `t` (UTC), or nullopt when the zone is unknown.
std::optional<date::sys_days> local_date(Instant t, std::string_view zone);

/// The first instant (UTC) whose local date in `zone` is `day`: its local midnight, or, when the
/// zone's rules skip that midnight (a DST gap starting at or before 00:00), the instant at which
/// the gap ends. Should a whole day be skipped (e.g. Pacific/Apia on 2011-12-30, not embedded),
/// that is the first instant of the following day. Nullopt when the zone is unknown.
std::optional<Instant> day_start(date::sys_days day, std::string_view zone);

/// The first instant (UTC) of local date `day` at a fixed offset of `offset_minutes` east of UTC:
/// `day` 00:00 minus the offset.
Instant day_start_at_offset(date::sys_days day, int offset_minutes);

/// A deadline of `days` calendar days (weekends and holidays count) counted in `zone`: with D the
/// local date of `receipt` in the zone, the first instant of local date D + days + 1 (the end of
/// day D + days) by the zone's rules (day_start: a skipped midnight gives the end of its gap),
/// never receipt + days × 24 h. E.g. receipt 2026-10-24T22:40:00+01:00, Europe/Dublin, 10 days →
/// 2026-11-04T00:00:00+00:00. No roll to a working day. `days` ≥ 0. Nullopt when the zone is
/// unknown.
std::optional<Instant> due_after_days(Instant receipt, std::string_view zone, int days);

/// due_after_days counted at a fixed offset (minutes east of UTC) instead of a zone: the
/// "zone unknown" fallback, which counts in received_at's own offset.
Instant due_after_days_at_offset(Instant receipt, int offset_minutes, int days);

/// A deadline of `hours` hours: receipt + hours × 3600 s, exact, whatever the zone.
Instant due_after_hours(Instant receipt, int hours);

/// Calendar date `day` plus `months` months (negative goes back), the day of the month clamped to
/// the last day of the resulting month: 2026-09-01 + 3 → 2026-12-01; 2026-11-30 + 3 →
/// 2027-02-28; 2027-11-30 + 3 → 2028-02-29.
date::sys_days add_months_clamped(date::sys_days day, int months);

/// Formats instant `t` as `YYYY-MM-DDThh:mm:ss±hh:mm` in `zone`'s local time and offset at that
/// instant, e.g. `2026-11-04T00:00:00+00:00` (`+00:00`, never `Z`); `.sss` follows the seconds
/// only when the milliseconds are non-zero. An offset with seconds (local mean time before
/// standard time, 19th century) is truncated to whole minutes and the local time shown at that
/// offset, so the text still denotes `t` exactly. Nullopt when the zone is unknown.
std::optional<std::string> format_in_zone(Instant t, std::string_view zone);

/// Formats instant `t` as format_in_zone does, at a fixed offset of `offset_minutes` east of UTC
/// (|offset| < 24 h), e.g. `2026-09-26T00:00:00+01:00`.
std::string format_at_offset(Instant t, int offset_minutes);

}  // namespace reqcheck::ident
