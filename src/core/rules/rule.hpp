// What a rule is: a row {id, title, legal_ref, family, parameters, check} and the Context a
// check reads (request, pack parameters, the time of receipt) and writes findings to. Rules
// never read a parameter that is not declared in their row, and never hard-code one.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "policy/pack.hpp"
#include "reqcheck/report.hpp"
#include "reqcheck/request.hpp"

namespace reqcheck::rules {

/// The kind of a pack parameter; the pack loader validates values against it.
enum class ParamKind { integer, boolean, string, date, duration, zone, string_list, string_map, list_map, routes };

/// What a rule may conclude (frameworks.md §1): a `judging` rule any status; an `informational`
/// one never fail, review or incomplete (it states a fact, e.g. how a disclosure is counted); a
/// `review_only` one, resting on text that was not verified, never pass or fail. The engine turns
/// a status outside the kind into an `ENGINE.status_outside_kind` finding.
enum class RuleKind { judging, informational, review_only };

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
  /// A profile pack may leave this parameter to the platform pack (what is the platform's, e.g.
  /// its addressee or languages; frameworks.md §1): the rule then reads the platform's value.
  bool from_platform = false;
};

class Context;

/// One rule. `legal_ref`: the source as criteria.md gives it in general terms; a pack gives the
/// wording in force for its own period with each rule it lists (a `reqcheck.pack/1` file, which
/// gave none, takes this one when converted).
struct Rule {
  std::string_view id;
  std::string_view title;
  std::string_view legal_ref;
  std::string_view family;
  std::vector<ParamSpec> params;
  void (*check)(Context&);
  RuleKind kind = RuleKind::judging;
};

/// The wire name of a rule kind: `judging`, `informational`, `review_only`.
std::string_view to_string(RuleKind kind);

/// What a check sees, and where its findings and deadlines go.
class Context {
 public:
  /// `platform`: the platform pack of this check, whose parameters a profile's rule reads when
  /// its own pack leaves them to the platform (`ParamSpec::from_platform`).
  Context(const model::Request& request, const policy::Pack& platform, const TimeValue& received, const TimeValue& now,
          std::vector<report::Finding>& out, std::vector<report::Deadline>& deadlines)
      : request(request), received(received), now(now), platform_(platform), out_(out), deadlines_(deadlines) {}

  const model::Request& request;
  /// When the platform received the request (`received_at`, or the checking time).
  const TimeValue& received;
  /// The checking time (`--now`, else the clock; UTC): what a rule judges "still running" against,
  /// e.g. whether an EPOC-PR's preservation period has lapsed (EE-11).
  const TimeValue& now;

  /// Emergency (criteria.md conventions): instrument type `emergency_request` or an
  /// `emergency` object present.
  bool emergency() const;

  /// The parameters of the rule being checked (validated by the pack loader). Reading one the
  /// rule does not declare is an engine bug (std::logic_error, reported as `ENGINE`).
  std::int64_t integer(std::string_view name) const;
  bool boolean(std::string_view name) const;
  const std::string& string(std::string_view name) const;
  const TimeValue& date(std::string_view name) const;
  const policy::Duration& duration(std::string_view name) const;
  const std::string& zone(std::string_view name) const;
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

  /// Adds a deadline that follows from the request under the current rule. `due`: RFC 3339 (an
  /// instant in the offset it is counted in, or a calendar date); `basis`: the field it counts
  /// from; `zone`: the IANA zone a calendar period was counted in (empty: none).
  void deadline(std::string name, std::string due, std::string basis, std::string zone = {});

  /// Selects the rule (as listed by `pack`) whose parameters, id and legal source the following
  /// calls use. `profile`: the id of the profile pack, empty for the platform pack.
  void begin(const policy::PackRule& rule, const policy::Pack& pack);

  /// Findings of the current rule so far (the engine's fail-closed check).
  std::size_t findings() const { return out_.size(); }

 private:
  const policy::ParamValue& param(std::string_view name) const;

  const policy::Pack& platform_;
  std::vector<report::Finding>& out_;
  std::vector<report::Deadline>& deadlines_;
  const policy::PackRule* rule_ = nullptr;
  const policy::Pack* pack_ = nullptr;
};

/// Wraps a user value in backticks for a message, cut to 80 characters.
std::string quote(std::string_view value);

/// `quote(value)` after the indefinite article that fits how the value is read aloud: "an
/// `epoc`", "an `overseas_production_order`", "a `user_id`", "a `court`". Values starting
/// with a, e, i, o or u take "an", except those read with a leading "you"/"y" sound (`us…`,
/// `uni…`, `uk`, `eu…`).
std::string a_quoted(std::string_view value);

/// The number a liaison reads for array element `index` (0-based): `index + 1`, as the form
/// numbers them ("Target 2" is `/targets/1`). Messages use it ("target 2 is a `witness`");
/// JSON Pointers stay 0-based (RFC 6901).
std::string nth(std::size_t index);

/// A list of values for a message: `a`, `b`, `c`.
std::string backticked(const std::vector<std::string>& values);

/// Every family's rules (one `<family>_rules()` per file of the rule folders, found at build
/// time by families.cmake), in file-name order.
const std::vector<const std::vector<Rule>*>& families();

/// All rules, family by family.
const std::vector<const Rule*>& all_rules();

/// The rule with this id, or nullptr.
const Rule* find_rule(std::string_view id);

}  // namespace reqcheck::rules
