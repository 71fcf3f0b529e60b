// Policy::bundled and Policy::with_pack: every pack loaded, validated and hashed once; the
// summaries and rule lists callers show; and `applies_to`, the test of where a pack applies
// (frameworks.md §1–2), read as data from each pack's `applies`.
#include <algorithm>

#include "ident/identifiers.hpp"
#include "ident/law.hpp"
#include "policy/compiled.hpp"
#include "report/diagnostic_finding.hpp"
#include "rules/rule.hpp"

namespace reqcheck {
namespace {

template <class T>
bool has(const std::vector<T>& list, const T& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

/// Why `c` holds for `q`, or nullopt.
std::optional<std::string> matches(const policy::Condition& c, const model::Request& q) {
  std::string why;
  const auto add = [&](const std::string& part) { why += (why.empty() ? "" : ", ") + part; };
  if (!c.instrument_types.empty()) {
    const auto* type = q.instrument && q.instrument->type ? &*q.instrument->type : nullptr;
    if (!type || !has(c.instrument_types, *type)) return std::nullopt;
    add("instrument type `" + *type + "`");
  }
  if (!c.issuer_countries.empty()) {
    const auto country = q.issuing_authority ? ident::country(q.issuing_authority->country) : std::nullopt;
    if (!country || !has(c.issuer_countries, *country)) return std::nullopt;
    add("issuing authority in `" + *country + "`");
  }
  const auto& bases = q.instrument && q.instrument->legal_basis ? *q.instrument->legal_basis : std::vector<model::LegalBasis>{};
  if (!c.jurisdictions.empty()) {
    std::optional<std::string> found;
    for (const auto& b : bases) {
      if (found || !b.jurisdiction) continue;
      // a country (§2.1), or `EU`, which is no ISO 3166-1 code
      auto j = ident::country(b.jurisdiction);
      if (!j) j = ident::ascii_upper(*b.jurisdiction);
      if (has(c.jurisdictions, *j)) found = j;
    }
    if (!found) return std::nullopt;
    add("a legal basis in jurisdiction `" + *found + "`");
  }
  if (!c.frameworks.empty()) {
    std::optional<std::string> cited;
    for (const auto& b : bases) {
      auto f = ident::cited_framework(b, c.frameworks);
      if (!cited && f && c.frameworks.count(*f)) cited = f;
    }
    if (!cited) return std::nullopt;
    add("a legal basis cites `" + *cited + "`");
  }
  if (c.emergency_only) {
    const bool emergency = q.emergency.has_value() || (q.instrument && q.instrument->type && *q.instrument->type == "emergency_request");
    if (!emergency) return std::nullopt;
    add("an emergency");
  }
  return why.empty() ? std::string("every request") : why;
}

PackInfo info_of(const policy::Pack& p, bool bundled) {
  PackInfo i;
  i.id = p.id;
  i.version = p.version;
  i.kind = p.kind == policy::PackKind::platform ? "platform" : "profile";
  i.title = p.title;
  i.source = p.source;
  i.sha256 = p.sha256;
  i.in_force_from = p.applies.in_force_from.text;
  i.in_force_until = p.applies.in_force_until ? p.applies.in_force_until->text : "";
  i.services = p.applies.services;
  i.bundled = bundled;
  return i;
}

report::Finding pack_finding(const parse::Diagnostic& d) { return report::diagnostic_finding(d, "PACK"); }

/// Profiles may leave parameters to the platform pack (frameworks.md §5). A platform pack that
/// does not give one — a user's pack written before the profile existed, or converted from
/// `reqcheck.pack/1` — takes the value of a bundled platform pack that does, and the report says
/// so in a note; only when no platform pack gives it is the policy unusable.
void check_platform_params(Policy::Impl& impl) {
  for (const auto& profile : impl.profiles)
    for (const auto& r : profile.rules)
      for (const auto& spec : r.rule->params) {
        const std::string name(spec.name);
        if (profile.params.count(name)) continue;
        for (auto& platform : impl.platforms) {
          if (platform.params.count(name)) continue;
          const auto donor = std::find_if(impl.platforms.begin(), impl.platforms.end(),
                                          [&](const policy::Pack& p) { return p.params.count(name) > 0; });
          if (donor != impl.platforms.end()) {
            platform.params[name] = donor->params.at(name);
            impl.notes.push_back("the pack `" + platform.id + "` does not give `" + name + "`, which profile `" + profile.id +
                                 "` reads from the platform pack: the value of the bundled `" + donor->id + "` is used");
            continue;
          }
          impl.errors.push_back(pack_finding({"/parameters", 0, 0,
                                              "profile `" + profile.id + "` leaves parameter `" + name + "` to the platform pack, but `" +
                                                  platform.id + "` does not give it",
                                              "give it in the platform pack or in the profile", false, "PACK.missing_parameter"}));
        }
      }
}

void add_pack(Policy::Impl& impl, policy::Pack pack, bool bundled) {
  impl.infos.push_back(info_of(pack, bundled));
  (pack.kind == policy::PackKind::platform ? impl.platforms : impl.profiles).push_back(std::move(pack));
}

std::shared_ptr<Policy::Impl> compile(std::string_view user_text) {
  auto impl = std::make_shared<Policy::Impl>();
  if (!user_text.empty()) {
    auto loaded = policy::load_pack(user_text);
    for (const auto& d : loaded.errors) impl->errors.push_back(pack_finding(d));
    if (!loaded.pack) return impl;
    impl->user_pack_id = loaded.pack->id;
    impl->user_platform = loaded.pack->kind == policy::PackKind::platform;
    if (loaded.pack->converted_from_v1)
      impl->notes.push_back("the pack `" + loaded.pack->id + "` is `reqcheck.pack/1`: it was converted on load, each rule citing its "
                            "general source; save it as `reqcheck.pack/2` with `applies` and a `legal_ref` per rule");
    add_pack(*impl, std::move(*loaded.pack), false);
  }
  const auto first_bundled = static_cast<std::ptrdiff_t>(impl->infos.size());
  for (const auto& b : policy::bundled_packs()) {
    auto loaded = policy::load_pack(b.text);
    for (const auto& d : loaded.errors) impl->errors.push_back(pack_finding(d));
    if (!loaded.pack) continue;
    if (loaded.pack->id == impl->user_pack_id) {
      // the user's version of a bundled pack replaces it; a pack of another kind under its id
      // would silently remove it (a profile named like the platform pack left no platform pack)
      const bool user_platform = impl->user_platform;
      if (user_platform != (loaded.pack->kind == policy::PackKind::platform))
        impl->errors.push_back(pack_finding({"/id", 0, 0,
                                             "the pack's id `" + impl->user_pack_id + "` is the id of a bundled " +
                                                 (user_platform ? "profile" : "platform pack") + ", which a pack of another kind cannot replace",
                                             "give the pack an id of its own", false, "PACK.id_clash"}));
      continue;
    }
    add_pack(*impl, std::move(*loaded.pack), true);
  }
  // listed platform packs first (`reqcheck packs`, the page), then profiles, each newest id first
  std::stable_partition(impl->infos.begin() + first_bundled, impl->infos.end(), [](const PackInfo& i) { return i.kind == "platform"; });
  check_platform_params(*impl);
  return impl;
}

}  // namespace

namespace policy {

std::optional<std::string> applies_to(const Pack& pack, const model::Request& q, const TimeValue& received) {
  if (!pack.applies.services.empty()) {
    const std::string service = ident::ascii_lower(q.service.value_or(""));
    if (std::none_of(pack.applies.services.begin(), pack.applies.services.end(),
                     [&](const std::string& s) { return ident::ascii_lower(s) == service; }))
      return std::nullopt;
  }
  if (received.instant < pack.applies.in_force_from.instant) return std::nullopt;
  if (pack.applies.in_force_until && !(received.instant < pack.applies.in_force_until->instant)) return std::nullopt;
  std::string period = "in force at `received_at` (since " + pack.applies.in_force_from.text + ")";
  if (pack.applies.any_of.empty()) return pack.applies.services.empty() ? period : "service `" + pack.service + "`, " + period;
  for (const auto& c : pack.applies.any_of)
    if (auto why = matches(c, q)) return *why + "; " + period;
  return std::nullopt;
}

}  // namespace policy

const Policy& Policy::bundled() {
  static const Policy policy(compile({}));
  return policy;
}

Policy Policy::with_pack(std::string_view pack_text) {
  if (pack_text.empty()) return bundled();
  return Policy(compile(pack_text));
}

bool Policy::ok() const {
  return std::none_of(impl_->errors.begin(), impl_->errors.end(), [](const report::Finding& f) { return f.status == report::Status::fail; });
}
const std::vector<report::Finding>& Policy::errors() const { return impl_->errors; }
const std::vector<PackInfo>& Policy::packs() const { return impl_->infos; }
const std::string& Policy::user_pack_id() const { return impl_->user_pack_id; }

std::vector<std::string> Policy::accepted_languages(std::string_view pack_id, std::string_view instrument_type) const {
  for (const auto* list : {&impl_->platforms, &impl_->profiles}) {
    for (const auto& p : *list) {
      if (p.id != pack_id) continue;
      const auto by = p.params.find("accepted_languages_by_instrument");
      if (by != p.params.end()) {
        if (const auto* map = std::get_if<std::map<std::string, std::vector<std::string>>>(&by->second)) {
          if (auto it = map->find(std::string(instrument_type)); it != map->end()) return it->second;
        }
      }
      const auto all = p.params.find("accepted_languages");
      if (all != p.params.end()) {
        if (const auto* langs = std::get_if<std::vector<std::string>>(&all->second)) return *langs;
      }
      return {};
    }
  }
  return {};
}

std::optional<std::vector<RuleInfo>> Policy::rules(std::string_view pack_id) const {
  const policy::Pack* pack = nullptr;
  const std::string_view want = !pack_id.empty() ? pack_id : !impl_->user_pack_id.empty() ? std::string_view(impl_->user_pack_id) : "";
  for (const auto* list : {&impl_->platforms, &impl_->profiles})
    for (const auto& p : *list)
      if (!pack && (want.empty() ? p.kind == policy::PackKind::platform : p.id == want)) pack = &p;
  if (!pack) return std::nullopt;
  std::vector<RuleInfo> out;
  for (const auto& r : pack->rules)
    out.push_back({std::string(r.rule->id), std::string(r.rule->title), r.legal_ref, std::string(r.rule->family),
                   std::string(rules::to_string(r.rule->kind)), rule_doc(r.rule->id)});
  return out;
}

}  // namespace reqcheck
