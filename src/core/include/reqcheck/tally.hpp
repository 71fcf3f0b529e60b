// Tallies of a set of checked requests, as a quarterly transparency report counts them: per
// quarter of `received_at` (UTC) and issuing country — requests, distinct target accounts,
// verdicts, the most frequent failing rules — and per rule, how many requests it failed. Built
// from results rows (results.hpp), so 100,000 requests are tallied without keeping a report.
// A request without a readable `received_at` or issuing country is counted in an explicit
// `unknown` bucket, never dropped.
#pragma once

#include <array>
#include <map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reqcheck/report.hpp"
#include "reqcheck/results.hpp"

namespace reqcheck {

/// The word for a request's missing quarter or country in a tally.
inline constexpr std::string_view kUnknown = "unknown";

/// The calendar quarter, in UTC, of an RFC 3339 date-time: `2026-Q4` for
/// `2026-12-31T23:30:00-02:00` (2027-01-01T01:30Z is `2027-Q1`: the instant counts, not the local
/// date). `unknown` when `received_at` is empty or not a date-time.
std::string quarter_utc(std::string_view received_at);

/// The issuing country as a tally counts it: an ISO 3166-1 alpha-2 code, upper-cased and
/// trimmed (`de` → `DE`), the aliases `UK` and `EL` read as `GB` and `GR`; `unknown` for an
/// absent value or one that is not a code (AUTH-02 reports it in the request's own report).
std::string country_key(std::string_view country);

/// The counts of one quarter and country (or of all requests). `requests`: requests counted;
/// `target_accounts`: distinct `target_key`s among their targets; `verdicts`: requests per
/// verdict, indexed by `report::Verdict`; `failed_rules`: per rule (or INPUT/PACK/ENGINE
/// code), the requests it failed.
struct TallyCounts {
  int requests = 0;
  std::unordered_set<std::string> targets;
  std::array<int, report::kVerdictCount> verdicts{};
  std::map<std::string, int> failed_rules;

  /// Number of distinct target accounts.
  std::size_t target_accounts() const { return targets.size(); }
  /// The `n` rules that failed the most requests, most first (ties by rule id), with counts.
  std::vector<std::pair<std::string, int>> top_failed_rules(std::size_t n = 3) const;
};

/// A tally under way: add every row, then render it.
class Tally {
 public:
  /// Quarter (`2026-Q4` or `unknown`) and country (`DE` or `unknown`) of a bucket.
  using Key = std::pair<std::string, std::string>;
  /// Orders keys by quarter then country, each with `unknown` last.
  struct KeyOrder {
    bool operator()(const Key& a, const Key& b) const;
  };

  /// Counts one request under its quarter and country, and in the total.
  void add(const ResultRow& row);

  /// The buckets, by quarter then country (`unknown` last in each).
  const std::map<Key, TallyCounts, KeyOrder>& buckets() const { return buckets_; }
  /// All requests together (`failed_rules` is the per-rule table).
  const TallyCounts& total() const { return total_; }

 private:
  std::map<Key, TallyCounts, KeyOrder> buckets_;
  TallyCounts total_;
};

/// Renders for a terminal: the basis (quarters of `received_at` in UTC; how target accounts are
/// counted), a table per quarter and country, the total, and the requests each rule failed.
std::string to_text(const Tally& tally);

/// Renders as JSON (2-space indent, no trailing newline): `{schema: "reqcheck.tally/1",
/// quarter_basis: "received_at in UTC", requests, buckets: [{quarter, country, requests,
/// target_accounts, verdicts: {meets_criteria, needs_review, does_not_meet, invalid_input},
/// top_failed_rules: [{rule, requests}]}], total: {...same without quarter and country},
/// rules: [{rule, requests_failed}]}` (rules by count, most first, then id).
std::string to_json(const Tally& tally);

/// Renders as one CSV table (the one writer: RFC 4180, UTF-8, CRLF, formula-guarded) with header
/// `table,quarter_utc,country,rule,requests,target_accounts,meets_criteria,needs_review,
/// does_not_meet,invalid_input,top_failed_rules`: rows `bucket` (a quarter and country), one row
/// `total`, then rows `rule` (`requests`: the requests that rule failed; other counts empty).
/// `top_failed_rules` is `RULE (n); RULE (n)`.
std::string to_csv(const Tally& tally);

}  // namespace reqcheck
