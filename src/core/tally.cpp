// Tallies (tally.hpp): buckets by quarter of `received_at` in UTC and issuing country, counted
// from results rows, and their text, JSON and CSV. Counts only: the verdicts come from the
// reports.
#include "reqcheck/tally.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "ident/identifiers.hpp"
#include "ident/rfc3339.hpp"
#include "report/csv.hpp"

namespace reqcheck {
namespace {

using report::Verdict;

constexpr std::array<Verdict, report::kVerdictCount> kVerdicts = {Verdict::meets_criteria, Verdict::needs_review, Verdict::does_not_meet,
                                                                 Verdict::invalid_input};

void count(TallyCounts& c, const ResultRow& row) {
  ++c.requests;
  ++c.verdicts[static_cast<std::size_t>(row.verdict)];
  for (const auto& t : row.target_ids) c.targets.insert(t);
  for (const auto& rule : row.failed_rules) ++c.failed_rules[rule];
}

/// `a` before `b`, with `unknown` after every other value.
bool known_first(const std::string& a, const std::string& b) {
  const bool ua = a == kUnknown, ub = b == kUnknown;
  if (ua != ub) return ub;
  return a < b;
}

std::vector<std::pair<std::string, int>> by_count(const std::map<std::string, int>& rules, std::size_t n) {
  std::vector<std::pair<std::string, int>> out(rules.begin(), rules.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > n) out.resize(n);
  return out;
}

std::string top_list(const TallyCounts& c) {
  std::string out;
  for (const auto& [rule, n] : c.top_failed_rules()) out += (out.empty() ? "" : "; ") + rule + " (" + std::to_string(n) + ")";
  return out;
}

/// Adds the members of `c` to the object `j`.
void counts_json(const TallyCounts& c, nlohmann::ordered_json& j) {
  j["requests"] = c.requests;
  j["target_accounts"] = c.target_accounts();
  auto& v = j["verdicts"] = nlohmann::ordered_json::object();
  for (const auto verdict : kVerdicts) v[std::string(report::to_string(verdict))] = c.verdicts[static_cast<std::size_t>(verdict)];
  auto& top = j["top_failed_rules"] = nlohmann::ordered_json::array();
  for (const auto& [rule, n] : c.top_failed_rules()) top.push_back({{"rule", rule}, {"requests", n}});
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

constexpr std::string_view kBasis =
    "quarters: of received_at, in UTC; a request without received_at or a valid issuing country is counted as unknown\n"
    "targets: distinct target identifiers, normalised (usernames and account links as lower-case @username, phone numbers as E.164)\n";

}  // namespace

std::vector<std::pair<std::string, int>> TallyCounts::top_failed_rules(std::size_t n) const { return by_count(failed_rules, n); }

bool Tally::KeyOrder::operator()(const Key& a, const Key& b) const {
  if (a.first != b.first) return known_first(a.first, b.first);
  return known_first(a.second, b.second);
}

std::string quarter_utc(std::string_view received_at) {
  if (received_at.empty()) return std::string(kUnknown);
  const auto t = ident::parse_rfc3339_datetime(received_at);
  if (!t) return std::string(kUnknown);
  const date::year_month_day ymd{date::floor<date::days>(t->instant)};
  const unsigned q = (static_cast<unsigned>(ymd.month()) - 1) / 3 + 1;
  return std::to_string(static_cast<int>(ymd.year())) + "-Q" + std::to_string(q);
}

std::string country_key(std::string_view country) {
  std::string c;
  for (const char ch : country)
    if (ch != ' ' && ch != '\t') c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (ident::iso3166_alpha2(c)) return c;
  if (const auto alias = ident::iso3166_alias(c)) return std::string(*alias);
  return std::string(kUnknown);
}

void Tally::add(const ResultRow& row) {
  count(buckets_[{quarter_utc(row.received_at), country_key(row.issuing_country)}], row);
  count(total_, row);
}

std::string to_text(const Tally& t) {
  std::string out = "tally of " + std::to_string(t.total().requests) + (t.total().requests == 1 ? " request\n" : " requests\n") + std::string(kBasis) + "\n";
  out += pad("quarter", 9) + pad("country", 9) + pad("requests", 10) + pad("targets", 9) + pad("meets", 7) + pad("review", 8) +
         pad("fails", 7) + pad("invalid", 9) + "most failed rules\n";
  const auto line = [&](const std::string& q, const std::string& c, const TallyCounts& n) {
    const auto v = [&](Verdict x) { return std::to_string(n.verdicts[static_cast<std::size_t>(x)]); };
    out += pad(q, 9) + pad(c, 9) + pad(std::to_string(n.requests), 10) + pad(std::to_string(n.target_accounts()), 9) +
           pad(v(Verdict::meets_criteria), 7) + pad(v(Verdict::needs_review), 8) + pad(v(Verdict::does_not_meet), 7) +
           pad(v(Verdict::invalid_input), 9) + top_list(n) + "\n";
  };
  for (const auto& [key, n] : t.buckets()) line(key.first, key.second, n);
  line("all", "all", t.total());
  out += "\nrequests failed, per rule:\n";
  for (const auto& [rule, n] : by_count(t.total().failed_rules, t.total().failed_rules.size()))
    out += "  " + pad(rule, 32) + std::to_string(n) + "\n";
  if (t.total().failed_rules.empty()) out += "  (none)\n";
  return out;
}

std::string to_json(const Tally& t) {
  nlohmann::ordered_json j;
  j["schema"] = "reqcheck.tally/1";
  j["quarter_basis"] = "received_at in UTC";
  j["requests"] = t.total().requests;
  auto& buckets = j["buckets"] = nlohmann::ordered_json::array();
  for (const auto& [key, n] : t.buckets()) {
    nlohmann::ordered_json b;
    b["quarter"] = key.first;
    b["country"] = key.second;
    counts_json(n, b);
    buckets.push_back(std::move(b));
  }
  counts_json(t.total(), j["total"]);
  auto& rules = j["rules"] = nlohmann::ordered_json::array();
  for (const auto& [rule, n] : by_count(t.total().failed_rules, t.total().failed_rules.size()))
    rules.push_back({{"rule", rule}, {"requests_failed", n}});
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_csv(const Tally& t) {
  std::string out = report::csv_record({"table", "quarter_utc", "country", "rule", "requests", "target_accounts", "meets_criteria",
                                        "needs_review", "does_not_meet", "invalid_input", "top_failed_rules"});
  const auto row = [&](std::string_view table, const std::string& q, const std::string& c, const TallyCounts& n) {
    const auto v = [&](Verdict x) { return std::to_string(n.verdicts[static_cast<std::size_t>(x)]); };
    out += report::csv_record({table, q, c, "", std::to_string(n.requests), std::to_string(n.target_accounts()), v(Verdict::meets_criteria),
                               v(Verdict::needs_review), v(Verdict::does_not_meet), v(Verdict::invalid_input), top_list(n)});
  };
  for (const auto& [key, n] : t.buckets()) row("bucket", key.first, key.second, n);
  row("total", "all", "all", t.total());
  for (const auto& [rule, n] : by_count(t.total().failed_rules, t.total().failed_rules.size()))
    out += report::csv_record({"rule", "all", "all", rule, std::to_string(n), "", "", "", "", "", ""});
  return out;
}

}  // namespace reqcheck
