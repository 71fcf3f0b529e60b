// The e-Evidence profile's clock (frameworks.md §4): EE-07 emits the Regulation's deadlines,
// counted in the addressee's legal time zone (calendar days on the zone's local dates, hours as
// exact instants), and EE-11 judges an EPOC-PR's preservation period against the checking time.
// Holidays and a roll to a working day are not applied (Reg. 1182/71's reach was not verified).
#include <cstdio>

#include "rules/eevidence_terms.hpp"

namespace reqcheck::rules::eevidence {
namespace {

const std::string kUnverified1182 = "Reg. (EEC, Euratom) No 1182/71 Art. 3(4) reach not verified";

std::string weekend_note(date::sys_days last) {
  const date::weekday w{last};
  if (w == date::Saturday) return "; the last day is a Saturday, not moved to a working day (" + kUnverified1182 + ")";
  if (w == date::Sunday) return "; the last day is a Sunday, not moved to a working day (" + kUnverified1182 + ")";
  return "";
}

/// A number of hours as the request wrote it (`12`, `7.5`), without casting a huge value to an
/// integer.
std::string hours_text(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", h);
  return buf;
}

/// Emits deadlines of the current rule on one clock, each explained in its basis.
struct Emitter {
  Context& c;
  const LegalClock& clock;

  ident::TimeValue days(const std::string& name, int n, const std::string& article) {
    const auto due = clock.after_days(c.received, n);
    const auto start = clock.local_date(c.received.instant);
    const auto last = start + date::days(n);
    c.deadline(name, due.text,
               std::to_string(n) + " calendar days from receipt (`received_at` " + c.received.text + ", local date " + ident::format_day(start) +
                   " " + clock.where() + "), ending with " + ident::format_day(last) + weekend_note(last) + "; " + article,
               clock.zone);
    return due;
  }

  void hours(const std::string& name, int n, const std::string& article) {
    const auto due = clock.after_hours(c.received, n);
    c.deadline(name, due.text,
               std::to_string(n) + " hours from receipt (`received_at` " + c.received.text + "), exact, shown " + clock.where() + "; " +
                   article + "; whether Reg. 1182/71 counts these hours otherwise was not verified",
               clock.zone);
  }
};

}  // namespace

void ee07(Context& c) {
  const auto clock = legal_clock(c);
  Emitter emit{c, clock};
  const bool epoc = instrument_is(c, "epoc");
  const bool notify = notification_applies(c, classify_all(c));
  const auto n = [&](const char* name) { return static_cast<int>(c.integer(name)); };
  if (epoc && c.emergency()) {
    emit.hours("epoc_emergency_transmit", n("eevidence_emergency_hours"), "Art. 10(4)");
    if (notify) emit.hours("enforcing_emergency_objection", n("eevidence_enforcing_emergency_hours"), "Art. 10(4), 12(1)");
  } else if (epoc) {
    emit.days("epoc_transmit", n("eevidence_transmit_days"), "Art. 10(2)–(3)");
    if (notify) emit.days("enforcing_grounds", n("eevidence_enforcing_days"), "Art. 10(2), 12(1)");
  }
  if (epoc) emit.days("reasoned_objection", n("eevidence_objection_days"), "Art. 17(2)");
  if (instrument_is(c, "epoc_pr")) {
    emit.days("epoc_pr_lapse", n("eevidence_preservation_days"), "Art. 11(1)");
    emit.days("epoc_pr_lapse_extended", n("eevidence_preservation_days") + n("eevidence_extension_days"), "Art. 11(1)");
  }
  if (clock.zone.empty()) {
    c.review("/addressee/time_zone",
             "the addressee's legal time zone is " + (clock.unknown_name.empty() ? std::string("not known") : quote(clock.unknown_name) + ", which is not known") +
                 ": the deadlines are counted at `received_at`'s own offset",
             "give `addressee.time_zone` as an IANA zone name (e.g. `Europe/Dublin`); the platform has named no e-Evidence addressee");
    return;
  }
  const auto& em = c.request.emergency;
  const auto hours = c.integer("eevidence_emergency_hours");
  if (epoc && em && em->deadline_hours && *em->deadline_hours != static_cast<double>(hours)) {
    c.review("/emergency/deadline_hours",
             "the emergency asks for the data within " + quote(hours_text(*em->deadline_hours)) +
                 " hours; an emergency EPOC is answered within " + std::to_string(hours) + " hours (Art. 10(4))",
             "set `emergency.deadline_hours` to " + std::to_string(hours) + ", or explain the different need in the emergency");
    return;
  }
  c.pass("/received_at", "the deadlines are counted from receipt in the legal zone " + quote(clock.zone));
}

void ee11(Context& c) {
  if (!instrument_is(c, "epoc_pr")) {
    c.not_applicable("/instrument/type", "not an EPOC-PR");
    return;
  }
  const auto clock = legal_clock(c);
  const int n = static_cast<int>(c.integer("eevidence_preservation_days"));
  const int m = static_cast<int>(c.integer("eevidence_extension_days"));
  const auto start = clock.local_date(c.received.instant);
  const auto lapse = clock.after_days(c.received, n);
  const auto lapse_extended = clock.after_days(c.received, n + m);
  // a date-only value counts on its calendar date; a date-time must come before the due instant
  const auto within = [&](const ident::TimeValue& v, int length, const ident::TimeValue& due) {
    return v.date_only ? v.day <= start + date::days(length) : v.instant < due.instant;
  };
  const auto& p = c.request.preservation;
  const bool extended = p && p->extended_on && within(*p->extended_on, n, lapse);
  if (p && p->confirmed_on && within(*p->confirmed_on, extended ? n + m : n, extended ? lapse_extended : lapse)) {
    c.pass("/preservation/confirmed_on", "the preservation was confirmed by a production request on " + quote(p->confirmed_on->text) +
                                             ", within the period (Art. 11(1))");
    return;
  }
  if (c.now.instant < lapse.instant) {
    c.pass("/received_at", "the preservation runs until " + lapse.text + " (" + std::to_string(n) + " days, Art. 11(1))");
    return;
  }
  if (extended && c.now.instant < lapse_extended.instant) {
    c.pass("/preservation/extended_on", "extended on " + quote(p->extended_on->text) + ": the preservation runs until " + lapse_extended.text);
    return;
  }
  c.review(p && p->extended_on ? "/preservation/extended_on" : "/received_at",
           "the preservation period ended at " + (extended ? lapse_extended.text : lapse.text) + " (checked at " + c.now.text +
               ") with no production request confirmed: the data may no longer be preserved",
           "give `preservation.confirmed_on` if a production request followed in time, or `extended_on` if the period was extended "
           "within " + std::to_string(n) + " days (Art. 11(1)); else issue a new order");
}

}  // namespace reqcheck::rules::eevidence
