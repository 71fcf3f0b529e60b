// RFC 3339 dates and date-times: the grammar, impossible dates, offsets, leap seconds, and
// that a date alone stays a calendar date.
#include <doctest/doctest.h>

#include "ident/rfc3339.hpp"

using namespace reqcheck::ident;

TEST_CASE("valid dates and date-times") {
  auto d = parse_rfc3339("2026-11-18");
  REQUIRE(d);
  CHECK(d->date_only);
  CHECK(format_day(d->day) == "2026-11-18");

  auto t = parse_rfc3339("2026-11-20T09:30:00+01:00");
  REQUIRE(t);
  CHECK_FALSE(t->date_only);
  CHECK(t->offset_minutes == 60);
  CHECK(format_utc(t->instant) == "2026-11-20T08:30:00Z");
  CHECK(format_day(t->day) == "2026-11-20");

  CHECK(parse_rfc3339("2026-11-20t09:30:00.123456z"));
  CHECK(parse_rfc3339("2024-02-29T00:00:00Z"));
  CHECK(parse_rfc3339("2026-12-31T23:59:60Z"));  // leap second
  CHECK(format_utc(parse_rfc3339("2026-11-20T00:30:00-05:30")->instant) == "2026-11-20T06:00:00Z");
}

TEST_CASE("invalid dates and date-times are refused with a reason") {
  TimeError e;
  CHECK_FALSE(parse_rfc3339("2026-02-30", &e));
  CHECK(e.message.find("day 30") != std::string::npos);
  CHECK_FALSE(parse_rfc3339("2025-02-29"));
  CHECK_FALSE(parse_rfc3339("2025-09-024T09:00:01Z"));
  CHECK_FALSE(parse_rfc3339("2026-13-01"));
  CHECK_FALSE(parse_rfc3339("2026-11-20T24:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2026-11-20T10:60:00Z"));
  CHECK_FALSE(parse_rfc3339("2026-11-20T10:00:61Z"));
  CHECK_FALSE(parse_rfc3339("2026-11-20T10:00:00+25:00", &e));
  CHECK(e.message.find("23:59") != std::string::npos);
  CHECK_FALSE(parse_rfc3339("2026-11-20T10:00:00"));  // no offset
  CHECK_FALSE(parse_rfc3339("2026-11-20T10:00Z"));
  CHECK_FALSE(parse_rfc3339("20.11.2026"));
  CHECK_FALSE(parse_rfc3339("2026-11-20T10:00:00Z trailing"));
  CHECK_FALSE(parse_rfc3339(""));
  CHECK_FALSE(parse_rfc3339_datetime("2026-11-20"));
}

TEST_CASE("a calendar date is placed in the offset of receipt, never shifted through UTC") {
  const auto received = *parse_rfc3339("2026-11-20T00:30:00+01:00");  // 2026-11-19T23:30Z
  CHECK(format_day(local_day(received.instant, received.offset_minutes)) == "2026-11-20");
  const auto day = *parse_rfc3339("2026-11-20");
  CHECK(format_utc(start_in(day, 60)) == "2026-11-19T23:00:00Z");
  CHECK(format_utc(end_in(day, 60)) == "2026-11-20T23:00:00Z");
  CHECK(start_in(received, 0) == received.instant);
}
