// The shared definitions of the e-Evidence profile (frameworks.md §2.1–2.4, §4). Zones and their
// rules come from ident/legal_time (cctz over the embedded tz database); nothing here knows an
// offset or a DST rule.
#include "rules/eevidence_terms.hpp"

#include <algorithm>
#include <cstdio>

#include "ident/law.hpp"
#include "ident/legal_time.hpp"

namespace reqcheck::rules::eevidence {
namespace {

std::optional<EuClass> from_word(std::string_view w) {
  if (w == "subscriber") return EuClass::subscriber;
  if (w == "user_identification") return EuClass::user_identification;
  if (w == "traffic") return EuClass::traffic;
  if (w == "content") return EuClass::content;
  return std::nullopt;
}

/// The class a category names outright (§2.3 "named").
std::optional<EuClass> named(const std::optional<std::string>& category) {
  if (!category) return std::nullopt;
  if (*category == "subscriber_data") return EuClass::subscriber;
  if (*category == "traffic_data") return EuClass::traffic;
  if (*category == "content_data") return EuClass::content;
  return std::nullopt;
}

const std::string* platform_addressee(const Context& c, const std::string& key) {
  const auto& m = c.string_map("eevidence_addressee");
  const auto it = m.find(key);
  return it == m.end() || it->second.empty() ? nullptr : &it->second;
}

}  // namespace

std::string_view to_string(EuClass c) {
  switch (c) {
    case EuClass::subscriber: return "subscriber";
    case EuClass::user_identification: return "user_identification";
    case EuClass::traffic: return "traffic";
    case EuClass::content: return "content";
    case EuClass::unclassified: return "unclassified";
  }
  return "unclassified";
}

ItemClass classify(const Context& c, const model::DataItem& item) {
  const auto stated = item.eevidence_class ? from_word(*item.eevidence_class) : std::nullopt;
  const auto name = named(item.category);
  if (stated && name) {
    // where the order contradicts itself, the rules protect the data as the stricter class
    return {std::max(*stated, *name), *stated == *name ? "stated" : "stated and named", true, *stated != *name};
  }
  if (stated) return {*stated, "stated", true, false};
  if (name) return {*name, "named", true, false};
  if (item.category) {
    const auto& assumed = c.string_map("eevidence_assumed_classes");
    if (const auto it = assumed.find(*item.category); it != assumed.end())
      if (const auto k = from_word(it->second)) return {*k, "assumed", false, false};
  }
  return {EuClass::unclassified, "unclassified", false, false};
}

std::vector<ItemClass> classify_all(const Context& c) {
  std::vector<ItemClass> out;
  if (c.request.data_requested)
    for (const auto& item : *c.request.data_requested) out.push_back(classify(c, item));
  return out;
}

bool any_si(const std::vector<ItemClass>& items) {
  return std::any_of(items.begin(), items.end(), [](const ItemClass& i) { return si(i.cls); });
}
bool any_tc(const std::vector<ItemClass>& items) {
  return std::any_of(items.begin(), items.end(), [](const ItemClass& i) { return tc(i.cls); });
}
bool firm_tc(const std::vector<ItemClass>& items) {
  return std::any_of(items.begin(), items.end(), [](const ItemClass& i) { return tc(i.cls) && i.firm; });
}

bool instrument_is(const Context& c, std::string_view type) {
  return c.request.instrument && c.request.instrument->type && *c.request.instrument->type == type;
}

std::optional<std::string> issuer_country(const Context& c) {
  return c.request.issuing_authority ? ident::country(c.request.issuing_authority->country) : std::nullopt;
}

std::optional<std::string> addressee_country(const Context& c) {
  if (c.request.addressee && c.request.addressee->country) return ident::country(c.request.addressee->country);
  if (const auto* country = platform_addressee(c, "country")) return ident::country(*country);
  return std::nullopt;
}

std::optional<std::string> addressee_kind(const Context& c) {
  if (c.request.addressee && c.request.addressee->kind) return *c.request.addressee->kind;
  if (const auto* kind = platform_addressee(c, "kind")) return *kind;
  return std::nullopt;
}

Validation validation(const Context& c, const std::vector<std::string>& types) {
  const auto& v = c.request.validating_authority;
  if (!v) return Validation::none;
  if (!v->type) return Validation::no_type;
  if (std::find(types.begin(), types.end(), *v->type) == types.end()) return Validation::wrong_type;
  const auto mine = ident::country(v->country);
  const auto issuer = issuer_country(c);
  if (!mine || !issuer) return Validation::no_country;
  return *mine == *issuer ? Validation::valid : Validation::other_country;
}

std::vector<std::string> judicial(const Context& c) { return c.strings("eevidence_judicial_types"); }

std::vector<std::string> judicial_or_prosecutor(const Context& c) {
  auto out = judicial(c);
  for (const auto& t : c.strings("eevidence_prosecutor_types")) out.push_back(t);
  return out;
}

bool notification_applies(const Context& c, const std::vector<ItemClass>& items) {
  if (!instrument_is(c, "epoc") || !any_tc(items)) return false;
  const auto& n = c.request.notification;
  const bool both = n && n->offence_in_issuing_state.value_or(false) && n->person_resides_in_issuing_state.value_or(false);
  return !both;
}

LegalClock legal_clock(const Context& c) {
  LegalClock clock;
  clock.offset_minutes = c.received.offset_minutes;
  std::optional<std::string> name;
  if (c.request.addressee && c.request.addressee->time_zone) name = *c.request.addressee->time_zone;
  else if (const auto* z = platform_addressee(c, "time_zone")) name = *z;
  if (name && ident::zone_known(*name)) clock.zone = *name;
  else if (name) clock.unknown_name = *name;
  return clock;
}

ident::TimeValue LegalClock::after_days(const ident::TimeValue& receipt, int days) const {
  ident::TimeValue due;
  if (!zone.empty()) {
    due.instant = *ident::due_after_days(receipt.instant, zone, days);
    due.text = *ident::format_in_zone(due.instant, zone);
  } else {
    due.instant = ident::due_after_days_at_offset(receipt.instant, offset_minutes, days);
    due.text = ident::format_at_offset(due.instant, offset_minutes);
  }
  due.day = local_date(due.instant);
  return due;
}

ident::TimeValue LegalClock::after_hours(const ident::TimeValue& receipt, int hours) const {
  ident::TimeValue due;
  due.instant = ident::due_after_hours(receipt.instant, hours);
  due.text = zone.empty() ? ident::format_at_offset(due.instant, offset_minutes) : *ident::format_in_zone(due.instant, zone);
  due.day = local_date(due.instant);
  return due;
}

date::sys_days LegalClock::local_date(std::chrono::sys_time<std::chrono::milliseconds> t) const {
  if (!zone.empty()) return *ident::local_date(t, zone);
  return ident::local_day(t, offset_minutes);
}

std::string LegalClock::where() const {
  if (!zone.empty()) return "in the legal zone " + quote(zone);
  const int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char off[16];
  std::snprintf(off, sizeof off, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
  return std::string("at `received_at`'s fixed offset ") + off + " (legal zone " +
         (unknown_name.empty() ? std::string("not known") : quote(unknown_name) + " not known") + ")";
}

}  // namespace reqcheck::rules::eevidence
