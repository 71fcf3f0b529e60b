// RFC 3339 grammar check on top of Howard Hinnant's `date` (calendar validity and arithmetic).
// Grammar only: no time-zone names, no leniency beyond what RFC 3339 §5.6 allows.
#include "ident/rfc3339.hpp"

#include <cctype>

namespace reqcheck::ident {
namespace {

using ms = std::chrono::milliseconds;

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

std::optional<TimeValue> fail(TimeError* error, std::string message) {
  if (error) error->message = std::move(message);
  return std::nullopt;
}

}  // namespace

std::optional<TimeValue> parse_rfc3339(std::string_view s, TimeError* error) {
  int y = 0, mo = 0, d = 0;
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return fail(error, "expected an RFC 3339 date `YYYY-MM-DD` or date-time `YYYY-MM-DDTHH:MM:SSZ`");
  if (mo < 1 || mo > 12) return fail(error, "month " + std::to_string(mo) + " does not exist");
  const date::year_month_day ymd{date::year{y}, date::month{unsigned(mo)}, date::day{unsigned(d)}};
  if (!ymd.ok())
    return fail(error, "day " + std::to_string(d) + " does not exist in " + std::string(s.substr(0, 7)));
  TimeValue v;
  v.text = std::string(s);
  v.day = date::sys_days{ymd};
  if (s.size() == 10) {
    v.date_only = true;
    v.instant = std::chrono::time_point_cast<ms>(v.day);
    return v;
  }
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ')
    return fail(error, "expected `T` between date and time, or nothing after the date");
  int h = 0, mi = 0, sec = 0;
  if (!digits(s, 11, 2, h) || s.size() < 19 || s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' ||
      !digits(s, 17, 2, sec))
    return fail(error, "expected a time `HH:MM:SS` after the date");
  if (h > 23) return fail(error, "hour " + std::to_string(h) + " does not exist");
  if (mi > 59) return fail(error, "minute " + std::to_string(mi) + " does not exist");
  if (sec > 60) return fail(error, "second " + std::to_string(sec) + " does not exist");
  size_t pos = 19;
  int millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    size_t start = ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
      if (pos - start < 3) millis = millis * 10 + (s[pos] - '0');
      ++pos;
    }
    if (pos == start) return fail(error, "expected digits after the decimal point");
    for (size_t k = pos - start; k < 3; ++k) millis *= 10;
  }
  const bool leap = sec == 60;
  if (leap) {  // read as the last representable instant of that minute
    sec = 59;
    millis = 999;
  }
  int offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' || !digits(s, pos + 4, 2, om))
      return fail(error, "expected an offset `+HH:MM` or `-HH:MM`");
    if (oh > 23 || om > 59) return fail(error, "offset `" + std::string(s.substr(pos, 6)) + "` is beyond ±23:59");
    offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return fail(error, "a date-time needs an offset: `Z` or `+HH:MM`");
  }
  if (pos != s.size()) return fail(error, "unexpected text after the date-time");
  const auto local = v.day + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{sec} + ms{millis};
  v.instant = local - std::chrono::minutes{offset};
  v.offset_minutes = offset;
  if (leap) {  // leap seconds are inserted only after 23:59:59 UTC at the end of June or December
    const auto utc = date::year_month_day{date::floor<date::days>(v.instant)};
    const auto tod = v.instant - date::floor<date::days>(v.instant);
    const bool end_of_half = (utc.month() == date::June && utc.day() == date::day{30}) ||
                             (utc.month() == date::December && utc.day() == date::day{31});
    if (!end_of_half || tod < std::chrono::hours{23} + std::chrono::minutes{59})
      return fail(error, "second 60 (a leap second) exists only at 23:59:60 UTC on 30 June or 31 December");
  }
  return v;
}

std::optional<TimeValue> parse_rfc3339_datetime(std::string_view text, TimeError* error) {
  auto v = parse_rfc3339(text, error);
  if (v && v->date_only) return fail(error, "expected a date-time with a time and an offset, not a date alone");
  return v;
}

std::chrono::sys_time<ms> start_in(const TimeValue& v, int offset_minutes) {
  if (!v.date_only) return v.instant;
  return std::chrono::time_point_cast<ms>(v.day) - std::chrono::minutes{offset_minutes};
}

std::chrono::sys_time<ms> end_in(const TimeValue& v, int offset_minutes) {
  if (!v.date_only) return v.instant;
  return std::chrono::time_point_cast<ms>(v.day + date::days{1}) - std::chrono::minutes{offset_minutes};
}

date::sys_days local_day(std::chrono::sys_time<ms> t, int offset_minutes) {
  return date::floor<date::days>(t + std::chrono::minutes{offset_minutes});
}

std::string format_utc(std::chrono::sys_time<ms> t) {
  return date::format("%FT%TZ", date::floor<std::chrono::seconds>(t));
}

std::string format_day(date::sys_days d) { return date::format("%F", d); }

}  // namespace reqcheck::ident
