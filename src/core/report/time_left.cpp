// How long until a deadline, from the checking time: the page shows it beside each deadline.
#include <cstdlib>

#include "ident/rfc3339.hpp"
#include "reqcheck/report.hpp"

namespace reqcheck::report {
namespace {

/// `n unit` with a plural `s`.
std::string count(long long n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); }

/// A duration in minutes as its two largest units: `9 days 14 hours`, `3 hours 5 minutes`.
std::string span(long long minutes) {
  const long long days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
  if (days > 0) return count(days, "day") + (hours ? " " + count(hours, "hour") : "");
  if (hours > 0) return count(hours, "hour") + (mins ? " " + count(mins, "minute") : "");
  return count(mins, "minute");
}

}  // namespace

std::string time_left(std::string_view due, std::string_view from) {
  const auto d = ident::parse_rfc3339_datetime(due);
  const auto f = ident::parse_rfc3339_datetime(from);
  if (!d || !f) return {};
  const long long minutes = std::chrono::duration_cast<std::chrono::minutes>(d->instant - f->instant).count();
  if (minutes == 0) return "due now";
  return minutes > 0 ? span(minutes) + " left" : "passed " + span(-minutes) + " ago";
}

}  // namespace reqcheck::report
