// What a rule is: a row {id, title, legal_ref, family, parameters, check} and the Context a
// check reads (request, pack parameters, the time of receipt) and writes findings to. Rules
// never read a parameter that is not declared in their row, and never hard-code one.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "reqcheck/policy.hpp"
#include "reqcheck/report.hpp"
#include "reqcheck/request.hpp"

namespace reqcheck::rules {

/// The kind of a pack parameter; the pack loader validates values against it.
enum class ParamKind { integer, string_list, string_map, list_map, routes };

/// A parameter a rule reads from its pack entry. `values`: allowed values of list elements or
/// map values (empty: any string); `keys`: allowed map keys (empty: any). Integers lie in
/// [min, max].
struct ParamSpec {
  std::string_view name;
  ParamKind kind;
  std::vector<std::string_view> values;
  std::vector<std::string_view> keys;
  std::int64_t min = 0;
  std::int64_t max = 0;
};

class Context;

/// One rule. `legal_ref`: the source as criteria.md gives it.
struct Rule {
  std::string_view id;
  std::string_view title;
  std::string_view legal_ref;
  std::string_view family;
  std::vector<ParamSpec> params;
  void (*check)(Context&);
};

/// What a check sees, and where its findings go.
class Context {
 public:
  Context(const model::Request& request, const policy::Pack& pack, const ident::TimeValue& received,
          std::vector<report::Finding>& out)
      : request(request), received(received), pack_(pack), out_(out) {}

  const model::Request& request;
  /// When the platform received the request (`received_at`, or the checking time).
  const ident::TimeValue& received;

  /// Emergency (criteria.md conventions): instrument type `emergency_request` or an
  /// `emergency` object present.
  bool emergency() const;

  /// The parameters of the rule being checked (validated by the pack loader).
  std::int64_t integer(std::string_view name) const;
  const std::vector<std::string>& strings(std::string_view name) const;
  const std::map<std::string, std::string>& string_map(std::string_view name) const;
  const std::map<std::string, std::vector<std::string>>& list_map(std::string_view name) const;
  const std::vector<policy::Route>& routes(std::string_view name) const;
  /// True if `value` is in the list parameter `name`.
  bool listed(std::string_view name, std::string_view value) const;

  /// Adds a finding of the current rule. `pointer`: JSON Pointer into the request.
  void add(report::Status status, std::string pointer, std::string message, std::string help = {});
  void pass(std::string pointer, std::string message) { add(report::Status::pass, std::move(pointer), std::move(message)); }
  void fail(std::string pointer, std::string message, std::string help) { add(report::Status::fail, std::move(pointer), std::move(message), std::move(help)); }
  void review(std::string pointer, std::string message, std::string help) { add(report::Status::review, std::move(pointer), std::move(message), std::move(help)); }
  void incomplete(std::string pointer, std::string message, std::string help) { add(report::Status::incomplete, std::move(pointer), std::move(message), std::move(help)); }
  void not_applicable(std::string pointer, std::string message) { add(report::Status::not_applicable, std::move(pointer), std::move(message)); }

  /// Selects the rule whose parameters and id the following calls use.
  void begin(const Rule& rule);

 private:
  const policy::ParamValue& param(std::string_view name) const;

  const policy::Pack& pack_;
  std::vector<report::Finding>& out_;
  const Rule* rule_ = nullptr;
};

/// Wraps a user value in backticks for a message, cut to 80 characters.
std::string quote(std::string_view value);

/// A list of values for a message: `a`, `b`, `c`.
std::string backticked(const std::vector<std::string>& values);

/// The rules of each family (one file per family) and all of them in registry order.
const std::vector<Rule>& authority_rules();
const std::vector<Rule>& instrument_rules();
const std::vector<Rule>& subject_rules();
const std::vector<Rule>& offence_rules();
const std::vector<Rule>& data_rules();
const std::vector<Rule>& emergency_rules();
const std::vector<Rule>& process_rules();
const std::vector<const Rule*>& all_rules();

/// The rule with this id, or nullptr.
const Rule* find_rule(std::string_view id);

}  // namespace reqcheck::rules
