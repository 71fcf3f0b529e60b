// The Context rules read from and write to: parameter access by declared name, the emergency
// convention, and finding assembly with the rule's title and source.
#include <algorithm>
#include <stdexcept>

#include "rules/rule.hpp"

namespace reqcheck::rules {

bool Context::emergency() const {
  return request.emergency.has_value() ||
         (request.instrument && request.instrument->type && *request.instrument->type == "emergency_request");
}

void Context::begin(const Rule& rule) { rule_ = &rule; }

const policy::ParamValue& Context::param(std::string_view name) const {
  const bool declared = std::any_of(rule_->params.begin(), rule_->params.end(), [&](const ParamSpec& p) { return p.name == name; });
  auto it = pack_.params.find(std::string(name));
  if (!declared || it == pack_.params.end())
    throw std::logic_error("rule " + std::string(rule_->id) + " reads undeclared parameter " + std::string(name));
  return it->second;
}

std::int64_t Context::integer(std::string_view name) const { return std::get<std::int64_t>(param(name)); }
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
  f.rule = std::string(rule_->id);
  f.status = status;
  f.title = std::string(rule_->title);
  f.legal_ref = std::string(rule_->legal_ref);
  f.pointer = std::move(pointer);
  f.message = std::move(message);
  f.help = std::move(help);
  out_.push_back(std::move(f));
}

std::string quote(std::string_view value) {
  std::string v(value.substr(0, 80));
  if (value.size() > 80) {
    while (!v.empty() && (static_cast<unsigned char>(v.back()) & 0xC0) == 0x80) v.pop_back();  // keep UTF-8 whole
    if (!v.empty() && static_cast<unsigned char>(v.back()) >= 0xC0) v.pop_back();
    v += "…";
  }
  for (auto& c : v)
    if (c == '`') c = '\'';
  return "`" + v + "`";
}

std::string backticked(const std::vector<std::string>& values) {
  std::string s;
  for (const auto& v : values) s += (s.empty() ? "`" : ", `") + v + "`";
  return s;
}

}  // namespace reqcheck::rules
