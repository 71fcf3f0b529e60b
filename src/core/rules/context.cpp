// The Context rules read from and write to: parameter access by declared name (a profile's rule
// may read what is the platform's from the platform pack), the emergency convention, and finding
// and deadline assembly with the rule's title and the pack's legal source.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "ident/identifiers.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {

std::string_view to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::judging: return "judging";
    case RuleKind::informational: return "informational";
    case RuleKind::review_only: return "review_only";
  }
  return "judging";
}

bool Context::emergency() const {
  return request.emergency.has_value() ||
         (request.instrument && request.instrument->type && *request.instrument->type == "emergency_request");
}

void Context::begin(const policy::PackRule& rule, const policy::Pack& pack) {
  rule_ = &rule;
  pack_ = &pack;
}

const policy::ParamValue& Context::param(std::string_view name) const {
  const auto& specs = rule_->rule->params;
  const bool declared = std::any_of(specs.begin(), specs.end(), [&](const ParamSpec& p) { return p.name == name; });
  if (declared) {
    if (auto it = pack_->params.find(std::string(name)); it != pack_->params.end()) return it->second;
    if (auto it = platform_.params.find(std::string(name)); it != platform_.params.end()) return it->second;
  }
  throw std::logic_error("rule " + std::string(rule_->rule->id) + " reads parameter " + std::string(name) +
                         (declared ? " that neither its pack nor the platform pack gives" : " that it does not declare"));
}

std::int64_t Context::integer(std::string_view name) const { return std::get<std::int64_t>(param(name)); }
bool Context::boolean(std::string_view name) const { return std::get<bool>(param(name)); }
const std::string& Context::string(std::string_view name) const { return std::get<std::string>(param(name)); }
const TimeValue& Context::date(std::string_view name) const { return std::get<TimeValue>(param(name)); }
const policy::Duration& Context::duration(std::string_view name) const { return std::get<policy::Duration>(param(name)); }
const std::string& Context::zone(std::string_view name) const { return std::get<policy::ZoneName>(param(name)).name; }
const std::vector<std::string>& Context::strings(std::string_view name) const { return std::get<std::vector<std::string>>(param(name)); }
const std::map<std::string, std::string>& Context::string_map(std::string_view name) const {
  return std::get<std::map<std::string, std::string>>(param(name));
}
const std::map<std::string, std::vector<std::string>>& Context::list_map(std::string_view name) const {
  return std::get<std::map<std::string, std::vector<std::string>>>(param(name));
}
const std::vector<policy::Route>& Context::routes(std::string_view name) const { return std::get<std::vector<policy::Route>>(param(name)); }

bool Context::listed(std::string_view name, std::string_view value) const {
  const auto& list = strings(name);
  return std::find(list.begin(), list.end(), value) != list.end();
}

void Context::add(report::Status status, std::string pointer, std::string message, std::string help) {
  report::Finding f;
  f.rule = std::string(rule_->rule->id);
  f.status = status;
  f.title = std::string(rule_->rule->title);
  f.legal_ref = rule_->legal_ref;
  if (pack_->kind == policy::PackKind::profile) f.profile = pack_->id;
  f.pointer = std::move(pointer);
  f.message = std::move(message);
  f.help = std::move(help);
  out_.push_back(std::move(f));
}

void Context::deadline(std::string name, std::string due, std::string basis, std::string zone) {
  deadlines_.push_back({std::move(name), std::move(due), std::move(basis), std::string(rule_->rule->id), std::move(zone)});
}

std::string quote(std::string_view value) {
  std::string v(value.substr(0, 80));
  if (value.size() > 80) {
    while (!v.empty() && (static_cast<unsigned char>(v.back()) & 0xC0) == 0x80) v.pop_back();  // keep UTF-8 whole
    if (!v.empty() && static_cast<unsigned char>(v.back()) >= 0xC0) v.pop_back();
    v += "…";
  }
  // a backtick would end the code span; a control character (a newline, ESC) would let the
  // request write lines or terminal commands into a report: both are shown, not obeyed
  std::string out = ident::escape_controls(v);
  std::replace(out.begin(), out.end(), '`', '\'');
  return "`" + out + "`";
}

std::string nth(std::size_t index) { return std::to_string(index + 1); }

std::string a_quoted(std::string_view value) {
  auto starts = [&](std::string_view p) {
    if (value.size() < p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(value[i])) != p[i]) return false;
    return true;
  };
  const bool vowel = starts("a") || starts("e") || starts("i") || starts("o") || starts("u");
  const bool you_sound = starts("us") || starts("uni") || starts("uk") || starts("eu");
  return (vowel && !you_sound ? "an " : "a ") + quote(value);
}

std::string backticked(const std::vector<std::string>& values) {
  std::string s;
  for (const auto& v : values) s += (s.empty() ? "`" : ", `") + v + "`";
  return s;
}

}  // namespace reqcheck::rules
