// The shared definitions of the e-Evidence profile (frameworks.md §2.1–2.4, §4), read alike by
// every EE rule: the EU class of a data item, who validated an order, whether the enforcing
// State must be notified, and the legal clock that counts the Regulation's periods. No rule
// outcome is decided here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ident/rfc3339.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules::eevidence {

/// Categories of data of Regulation (EU) 2023/1543 Art. 3(9)–(12), from least to most
/// protected; `unclassified` is treated like traffic and content data.
enum class EuClass { subscriber, user_identification, traffic, content, unclassified };

/// The wire word of a class (`subscriber` ... `unclassified`).
std::string_view to_string(EuClass c);

/// How an item's class was found (§2.3): `stated` (`eevidence_class`), `named` (its category is
/// `subscriber_data`, `traffic_data` or `content_data`), `assumed` (`eevidence_assumed_classes`)
/// or `unclassified`. Stated and named are firm.
struct ItemClass {
  EuClass cls = EuClass::unclassified;
  std::string origin;
  bool firm = false;
  /// Stated and named classes disagree; `cls` is then the more protected of the two (the
  /// traffic or content one, as §2.3 says).
  bool disagrees = false;
};

/// The class of data item `item` (§2.3); reads `eevidence_assumed_classes`.
ItemClass classify(const Context& c, const model::DataItem& item);

/// The classes of every requested item, in the request's order (empty when none is requested).
std::vector<ItemClass> classify_all(const Context& c);

/// S/I: subscriber or user-identification data (Art. 4(1)); T/C: traffic, content or unclassified.
inline bool si(EuClass k) { return k == EuClass::subscriber || k == EuClass::user_identification; }
inline bool tc(EuClass k) { return !si(k); }

bool any_si(const std::vector<ItemClass>& items);
bool any_tc(const std::vector<ItemClass>& items);
/// True when some T/C item is firm (a fail about T/C data then stands; else it becomes a review).
bool firm_tc(const std::vector<ItemClass>& items);

/// `instrument.type` equals `type`.
bool instrument_is(const Context& c, std::string_view type);

/// The issuing authority's country (§2.1), or nullopt.
std::optional<std::string> issuer_country(const Context& c);

/// The addressee's country (§2.1): `addressee.country`, else the platform's
/// `eevidence_addressee.country`; nullopt when neither is an ISO 3166-1 code.
std::optional<std::string> addressee_country(const Context& c);

/// The addressee's kind (`designated_establishment`, `legal_representative`, `other`):
/// `addressee.kind`, else the platform's `eevidence_addressee.kind`; nullopt when neither says.
std::optional<std::string> addressee_kind(const Context& c);

/// Whether the validating authority validates the order for authority types `types` (§2.2):
/// `none` (no validating authority), `no_type`, `wrong_type`, `no_country` (its or the issuer's
/// country unknown), `other_country` (not the issuing State), or `valid`.
enum class Validation { none, no_type, wrong_type, no_country, other_country, valid };
Validation validation(const Context& c, const std::vector<std::string>& types);

/// `eevidence_judicial_types` (J) and J ∪ `eevidence_prosecutor_types` (JP).
std::vector<std::string> judicial(const Context& c);
std::vector<std::string> judicial_or_prosecutor(const Context& c);

/// Notification of the enforcing State applies (§2.4, Art. 8(1)–(2)): an `epoc` with a T/C item,
/// unless the offence was committed and the person resides in the issuing State.
bool notification_applies(const Context& c, const std::vector<ItemClass>& items);

/// The clock the Regulation's periods are counted on (frameworks.md §4): the legal zone
/// (`addressee.time_zone`, else the platform's `eevidence_addressee.time_zone`) when it is an
/// embedded IANA zone, else `received_at`'s own fixed offset.
struct LegalClock {
  /// The legal zone; empty when unknown (then `offset_minutes` is used).
  std::string zone;
  /// The zone name as given when it is not embedded (empty when none was given).
  std::string unknown_name;
  int offset_minutes = 0;

  /// The first instant after `days` calendar days counted from the local date of receipt (end of
  /// day D + days), weekends and holidays included, never days × 24 h.
  ident::TimeValue after_days(const ident::TimeValue& receipt, int days) const;
  /// Receipt + hours × 3600 s.
  ident::TimeValue after_hours(const ident::TimeValue& receipt, int hours) const;
  /// The local date of an instant on this clock.
  date::sys_days local_date(std::chrono::sys_time<std::chrono::milliseconds> t) const;
  /// How the clock counts, for a deadline's basis: "in Europe/Dublin" or "at `received_at`'s
  /// offset +01:00 (legal zone unknown)".
  std::string where() const;
};

LegalClock legal_clock(const Context& c);

}  // namespace reqcheck::rules::eevidence

namespace reqcheck::rules::eevidence {

/// EE-07 (the Regulation's deadlines) and EE-11 (the preservation period), in eevidence_time.cpp.
void ee07(Context& c);
void ee11(Context& c);

/// True if `value` is one of `list`.
inline bool in(const std::vector<std::string>& list, const std::string& value) {
  for (const auto& v : list)
    if (v == value) return true;
  return false;
}

}  // namespace reqcheck::rules::eevidence
