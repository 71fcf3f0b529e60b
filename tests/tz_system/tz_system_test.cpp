// The embedded zones against the system's: for each zone the engine embeds, each hour from
// 2026-01-01T00:00Z to 2031-01-01T00:00Z, the UTC offset, DST flag, abbreviation and local civil
// time (through format_in_zone) must equal what glibc derives from /usr/share/zoneinfo
// (TZ=":Zone/Name", tzset, localtime_r). Also the first instant of every local day in that range.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "ident/legal_time.hpp"

using namespace reqcheck::ident;

namespace {

/// Restores TZ when the test ends.
struct TzGuard {
  std::string saved;
  bool had = false;
  TzGuard() {
    if (const char* v = std::getenv("TZ")) {
      saved = v;
      had = true;
    }
  }
  ~TzGuard() {
    if (had)
      setenv("TZ", saved.c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
};

/// glibc's local time as `YYYY-MM-DDThh:mm:ss±hh:mm` (offsets of whole minutes only).
std::string glibc_format(const std::tm& tm) {
  const long off = tm.tm_gmtoff / 60;
  const long a = off < 0 ? -off : off;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

}  // namespace

TEST_CASE("every hour of 2026-2030 of every embedded zone matches the system's zoneinfo") {
  TzGuard guard;
  const std::time_t from = 1767225600;  // 2026-01-01T00:00:00Z
  const std::time_t to = 1924992000;    // 2031-01-01T00:00:00Z
  long compared = 0;
  for (auto zone : embedded_zones()) {
    CAPTURE(zone);
    const std::string tz = ":" + std::string(zone);
    REQUIRE(setenv("TZ", tz.c_str(), 1) == 0);
    tzset();
    int mismatches = 0;
    for (std::time_t t = from; t < to && mismatches < 5; t += 3600) {
      std::tm tm{};
      REQUIRE(localtime_r(&t, &tm) != nullptr);
      const Instant i{std::chrono::seconds(t)};
      const auto st = zone_state(i, zone);
      REQUIRE(st);
      const auto text = format_in_zone(i, zone);
      REQUIRE(text);
      const bool same = st->offset_seconds == tm.tm_gmtoff && st->dst == (tm.tm_isdst > 0) && st->abbreviation == tm.tm_zone &&
                        *text == glibc_format(tm);
      if (!same) {
        ++mismatches;
        CAPTURE(t);
        CHECK(st->offset_seconds == tm.tm_gmtoff);
        CHECK(st->dst == (tm.tm_isdst > 0));
        CHECK(st->abbreviation == std::string(tm.tm_zone));
        CHECK(*text == glibc_format(tm));
      }
      ++compared;
    }
    CHECK(mismatches == 0);
    // the first instant of each local day: glibc's mktime of local midnight (tm_isdst = -1)
    for (std::time_t t = from; t < to; t += 86400) {
      const auto d = std::chrono::floor<date::days>(std::chrono::sys_seconds{std::chrono::seconds(t)});
      const date::year_month_day ymd{d};
      std::tm tm{};
      tm.tm_year = static_cast<int>(ymd.year()) - 1900;
      tm.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
      tm.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
      tm.tm_isdst = -1;
      const std::time_t midnight = mktime(&tm);
      const auto start = day_start(d, zone);
      REQUIRE(start);
      // no embedded zone skips or repeats a midnight in these years, so mktime agrees exactly
      if (std::chrono::floor<std::chrono::seconds>(*start).time_since_epoch().count() != midnight) {
        CAPTURE(t);
        CHECK(std::chrono::floor<std::chrono::seconds>(*start).time_since_epoch().count() == midnight);
        break;
      }
    }
  }
  CHECK(compared == static_cast<long>(embedded_zones().size()) * ((to - from) / 3600));
}
