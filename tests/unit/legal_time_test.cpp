// Legal time: embedded zones only, the deadline examples of frameworks.md §7, DST gaps and
// overlaps, the month clamp and the `±hh:mm` format. Runs natively and as wasm; the hour-by-hour
// comparison with the system's zoneinfo is native-only (tests/tz_system).
#include <doctest/doctest.h>

#include <string>

#include "ident/legal_time.hpp"
#include "ident/rfc3339.hpp"
#include "policy/pack.hpp"
#include "reqcheck/policy.hpp"

using namespace reqcheck::ident;

namespace {

Instant at(const char* text) {
  const auto v = parse_rfc3339_datetime(text);
  REQUIRE(v);
  return v->instant;
}

date::sys_days day(const char* text) {
  const auto v = parse_rfc3339(text);
  REQUIRE(v);
  REQUIRE(v->date_only);
  return v->day;
}

std::string due_days(const char* receipt, const char* zone, int n) {
  const auto due = due_after_days(at(receipt), zone, n);
  REQUIRE(due);
  const auto text = format_in_zone(*due, zone);
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("only the embedded zones are known, and none is read from the file system") {
  CHECK(zone_known("Europe/Dublin"));
  CHECK(zone_known("Europe/Busingen"));
  CHECK(zone_known("Atlantic/Reykjavik"));
  CHECK(zone_known("America/Indiana/Indianapolis"));
  CHECK(zone_known("America/Tortola"));
  CHECK(zone_known("UTC"));
  CHECK(zone_known("Etc/UTC"));
  CHECK_FALSE(zone_known("europe/dublin"));
  CHECK_FALSE(zone_known("Europe/Atlantis"));
  CHECK_FALSE(zone_known(""));
  // real zones with files in /usr/share/zoneinfo (which both builds can see) but not embedded
  for (const char* z : {"Asia/Tokyo", "Australia/Sydney", "posixrules", "localtime", "Fixed/UTC+01:00", "libc:Europe/Dublin"}) {
    CAPTURE(z);
    CHECK_FALSE(zone_known(z));
    CHECK_FALSE(format_in_zone(at("2026-09-15T10:00:00Z"), z));
    CHECK_FALSE(due_after_days(at("2026-09-15T10:00:00Z"), z, 10));
    CHECK_FALSE(local_date(at("2026-09-15T10:00:00Z"), z));
    CHECK_FALSE(day_start(day("2026-09-15"), z));
    CHECK_FALSE(zone_state(at("2026-09-15T10:00:00Z"), z));
  }
  const auto& zones = embedded_zones();
  CHECK(zones.size() >= 80);
  for (std::size_t i = 1; i < zones.size(); ++i) CHECK(zones[i - 1] < zones[i]);
  for (auto z : zones) {
    CAPTURE(z);
    CHECK(zone_known(z));
    CHECK(reqcheck::policy::known_zone(z));
    CHECK(zone_state(at("2026-01-01T00:00:00Z"), z));  // every embedded file loads
  }
  CHECK(reqcheck::tz_version() != "unknown");
}

TEST_CASE("zone state: offset, DST flag and abbreviation") {
  const auto s = zone_state(at("2026-07-01T12:00:00Z"), "Europe/Berlin");
  REQUIRE(s);
  CHECK(s->offset_seconds == 7200);
  CHECK(s->dst);
  CHECK(s->abbreviation == "CEST");
  const auto w = zone_state(at("2026-01-01T12:00:00Z"), "America/New_York");
  REQUIRE(w);
  CHECK(w->offset_seconds == -5 * 3600);
  CHECK_FALSE(w->dst);
  CHECK(w->abbreviation == "EST");
  const auto d = zone_state(at("2026-07-01T12:00:00Z"), "Europe/Dublin");
  REQUIRE(d);
  CHECK(d->offset_seconds == 3600);
  CHECK(d->abbreviation == "IST");
  const auto u = zone_state(at("2026-07-01T12:00:00Z"), "UTC");
  REQUIRE(u);
  CHECK(u->offset_seconds == 0);
  CHECK(u->abbreviation == "UTC");
}

TEST_CASE("calendar-day deadlines of frameworks.md section 7") {
  // B: 10 days from receipt, Dublin and Berlin
  CHECK(due_days("2026-09-15T10:00:00+01:00", "Europe/Dublin", 10) == "2026-09-26T00:00:00+01:00");
  CHECK(due_days("2026-09-15T10:00:00+01:00", "Europe/Berlin", 10) == "2026-09-26T00:00:00+02:00");
  // 9: receipt on the eve of the end of summer time; 10 days end in winter time
  CHECK(due_days("2026-10-24T22:40:00+01:00", "Europe/Dublin", 10) == "2026-11-04T00:00:00+00:00");
  // 12: preservation lapses after 60 and 60 + 30 days
  CHECK(due_days("2026-09-01T10:00:00+01:00", "Europe/Dublin", 60) == "2026-11-01T00:00:00+00:00");
  CHECK(due_days("2026-09-01T10:00:00+01:00", "Europe/Dublin", 90) == "2026-12-01T00:00:00+00:00");
  // the local date counts, not received_at's offset: 22:30 UTC on 15 Sep is 16 Sep in Berlin
  CHECK(due_days("2026-09-15T22:30:00Z", "Europe/Berlin", 10) == "2026-09-27T00:00:00+02:00");
  CHECK(due_days("2026-09-15T22:30:00Z", "Europe/Dublin", 10) == "2026-09-26T00:00:00+01:00");
  CHECK(due_days("2026-09-15T18:30:00-05:00", "Europe/Dublin", 10) == "2026-09-27T00:00:00+01:00");
  // 0 days: the end of the day of receipt
  CHECK(due_days("2026-09-15T10:00:00+01:00", "Europe/Dublin", 0) == "2026-09-16T00:00:00+01:00");
  // never N × 24 h: across the spring change, 10 days are 239 hours
  const auto r = at("2026-03-20T12:00:00Z");
  const auto due = due_after_days(r, "Europe/Berlin", 10);
  REQUIRE(due);
  CHECK(*format_in_zone(*due, "Europe/Berlin") == "2026-03-31T00:00:00+02:00");
  CHECK(format_utc(*due) == "2026-03-30T22:00:00Z");
}

TEST_CASE("hour deadlines are exact, whatever the zone") {
  const auto due = due_after_hours(at("2026-10-24T22:40:00+01:00"), 8);
  CHECK(*format_in_zone(due, "Europe/Dublin") == "2026-10-25T05:40:00+00:00");  // 9: summer time ended at 02:00
  CHECK(format_utc(due_after_hours(at("2026-10-24T22:40:00+01:00"), 96)) == "2026-10-28T21:40:00Z");
  CHECK(due_after_hours(at("2026-10-24T22:40:00.250+01:00"), 0) == at("2026-10-24T22:40:00.250+01:00"));
}

TEST_CASE("months: calendar months, the day clamped to the month's end") {
  CHECK(format_day(add_months_clamped(day("2026-09-01"), 3)) == "2026-12-01");  // 30: COPO service
  CHECK(format_day(add_months_clamped(day("2026-11-30"), 3)) == "2027-02-28");
  CHECK(format_day(add_months_clamped(day("2027-11-30"), 3)) == "2028-02-29");  // leap year
  CHECK(format_day(add_months_clamped(day("2026-01-31"), 1)) == "2026-02-28");
  CHECK(format_day(add_months_clamped(day("2026-03-31"), -1)) == "2026-02-28");
  CHECK(format_day(add_months_clamped(day("2026-08-14"), 3)) == "2026-11-14");
  CHECK(format_day(add_months_clamped(day("2026-12-15"), 13)) == "2028-01-15");
  CHECK(format_day(add_months_clamped(day("2026-05-31"), 0)) == "2026-05-31");
  // and its first instant in Europe/London
  const auto s = day_start(add_months_clamped(day("2026-09-01"), 3), "Europe/London");
  REQUIRE(s);
  CHECK(*format_in_zone(*s, "Europe/London") == "2026-12-01T00:00:00+00:00");
  const auto summer = day_start(day("2026-07-01"), "Europe/London");
  REQUIRE(summer);
  CHECK(*format_in_zone(*summer, "Europe/London") == "2026-07-01T00:00:00+01:00");
  CHECK(format_utc(*summer) == "2026-06-30T23:00:00Z");
}

TEST_CASE("a day's first instant across DST changes") {
  // Europe and the US change at 01:00 UTC / 02:00 local: midnight always exists
  CHECK(*format_in_zone(*day_start(day("2026-03-29"), "Europe/Berlin"), "Europe/Berlin") == "2026-03-29T00:00:00+01:00");
  CHECK(*format_in_zone(*day_start(day("2026-03-30"), "Europe/Berlin"), "Europe/Berlin") == "2026-03-30T00:00:00+02:00");
  CHECK(*format_in_zone(*day_start(day("2026-03-08"), "America/New_York"), "America/New_York") == "2026-03-08T00:00:00-05:00");
  CHECK(*format_in_zone(*day_start(day("2026-11-02"), "America/New_York"), "America/New_York") == "2026-11-02T00:00:00-05:00");
  // no embedded zone skips a midnight in 2026-2030 (zones that do, e.g. America/Havana or
  // Asia/Beirut, are not embedded); America/Puerto_Rico did on 1942-05-03 (00:00 AST became
  // 01:00 AWT): the gap's end is the first instant of the day
  const auto pr = day_start(day("1942-05-03"), "America/Puerto_Rico");
  REQUIRE(pr);
  CHECK(*format_in_zone(*pr, "America/Puerto_Rico") == "1942-05-03T01:00:00-03:00");
  CHECK(format_utc(*pr) == "1942-05-03T04:00:00Z");
  CHECK(*local_date(*pr, "America/Puerto_Rico") == day("1942-05-03"));
  CHECK(*local_date(*pr - std::chrono::milliseconds(1), "America/Puerto_Rico") == day("1942-05-02"));
  // a deadline landing on that day ends at the gap's end
  const auto due = due_after_days(at("1942-04-30T12:00:00-04:00"), "America/Puerto_Rico", 2);
  REQUIRE(due);
  CHECK(*due == *pr);
}

TEST_CASE("local dates in a zone") {
  CHECK(*local_date(at("2026-10-24T23:30:00Z"), "Europe/Dublin") == day("2026-10-25"));
  CHECK(*local_date(at("2026-10-25T00:30:00Z"), "Europe/Dublin") == day("2026-10-25"));
  CHECK(*local_date(at("2026-12-31T23:30:00Z"), "Europe/Dublin") == day("2026-12-31"));
  CHECK(*local_date(at("2027-01-01T04:30:00Z"), "America/New_York") == day("2026-12-31"));
  CHECK(*local_date(at("2026-09-15T21:30:00Z"), "Asia/Dubai") == day("2026-09-16"));
}

TEST_CASE("formatting: +00:00 never Z, milliseconds only when non-zero, fixed offsets") {
  CHECK(*format_in_zone(at("2026-11-04T00:00:00Z"), "Europe/Dublin") == "2026-11-04T00:00:00+00:00");
  CHECK(*format_in_zone(at("2026-11-04T00:00:00Z"), "UTC") == "2026-11-04T00:00:00+00:00");
  CHECK(*format_in_zone(at("2026-11-04T00:00:00.5Z"), "UTC") == "2026-11-04T00:00:00.500+00:00");
  CHECK(*format_in_zone(at("2026-11-04T00:00:00.007Z"), "Europe/Berlin") == "2026-11-04T01:00:00.007+01:00");
  CHECK(*format_in_zone(at("2026-07-04T12:00:00Z"), "America/Los_Angeles") == "2026-07-04T05:00:00-07:00");
  CHECK(*format_in_zone(at("2026-07-04T12:00:00Z"), "America/Phoenix") == "2026-07-04T05:00:00-07:00");
  CHECK(*format_in_zone(at("2026-07-04T12:00:00Z"), "Asia/Dubai") == "2026-07-04T16:00:00+04:00");
  CHECK(*format_in_zone(at("1969-12-31T23:59:59.999Z"), "UTC") == "1969-12-31T23:59:59.999+00:00");
  CHECK(format_at_offset(at("2026-09-25T23:00:00Z"), 60) == "2026-09-26T00:00:00+01:00");
  CHECK(format_at_offset(at("2026-09-25T23:00:00Z"), 0) == "2026-09-25T23:00:00+00:00");
  CHECK(format_at_offset(at("2026-09-26T05:30:00Z"), -330) == "2026-09-26T00:00:00-05:30");
  CHECK(format_at_offset(at("2026-09-26T05:30:00.010Z"), 345) == "2026-09-26T11:15:00.010+05:45");
  // an offset with seconds (Dublin Mean Time, -0:25:21) is shown at whole minutes
  CHECK(*format_in_zone(at("1900-01-01T12:00:00Z"), "Europe/Dublin") == "1900-01-01T11:35:00-00:25");
}

TEST_CASE("the zone-unknown fallback counts days in received_at's fixed offset") {
  // 15: no addressee zone, received 2026-09-15T10:00:00+01:00
  const auto r = parse_rfc3339_datetime("2026-09-15T10:00:00+01:00");
  REQUIRE(r);
  const auto due = due_after_days_at_offset(r->instant, r->offset_minutes, 10);
  CHECK(format_at_offset(due, r->offset_minutes) == "2026-09-26T00:00:00+01:00");
  // the local date at that offset counts: 23:30 at -05:00 is already the next day in UTC
  const auto late = parse_rfc3339_datetime("2026-09-15T23:30:00-05:00");
  REQUIRE(late);
  CHECK(format_at_offset(due_after_days_at_offset(late->instant, late->offset_minutes, 1), -300) == "2026-09-17T00:00:00-05:00");
  CHECK(format_at_offset(day_start_at_offset(day("2026-09-26"), 120), 120) == "2026-09-26T00:00:00+02:00");
}
