// Rules of the `uk_copo` profile (frameworks.md §3.4): an overseas production order under the
// Crime (Overseas Production Orders) Act 2019 is made by a UK judge (COPO-01) by reference to a
// designated arrangement (COPO-02) and served within 3 months (COPO-03, which emits the
// `copo_service_by` deadline); who serves it (COPO-04) and whether it reaches the platform
// (COPO-05) are stated, not judged. The requirements of s.4 and the contents of s.5 are not judged.
#include <algorithm>

#include "ident/law.hpp"
#include "ident/legal_time.hpp"
#include "ident/rfc3339.hpp"
#include "parse/enums.hpp"
#include "rules/rule.hpp"

namespace reqcheck::rules {
namespace {

using parse::kAuthorityTypes;

/// COPO-01: the order is made by a judge in the United Kingdom (s.1(1); "judge", s.1(7)).
void copo01(Context& c) {
  const auto& ia = c.request.issuing_authority;
  const auto country = ia ? ident::country(ia->country) : std::nullopt;
  if (!ia || !ia->type) {
    c.incomplete("/issuing_authority/type", "the issuing authority's type is not given",
                 "give `issuing_authority.type`: an overseas production order is made by a judge (" +
                     backticked(c.strings("copo_judicial_types")) + ")");
    return;
  }
  if (!country) {
    c.incomplete("/issuing_authority/country", "the issuing authority's country is not given as an ISO 3166-1 code",
                 "give `issuing_authority.country`: `GB` for a court of the United Kingdom");
    return;
  }
  if (*country != "GB") {
    c.fail("/issuing_authority/country", "an overseas production order is made by a court of the United Kingdom, not of " + quote(*country),
           "an authority outside the UK uses its own law, mutual legal assistance or an agreement of its own State");
    return;
  }
  if (!c.listed("copo_judicial_types", *ia->type)) {
    c.fail("/issuing_authority/type", "an overseas production order is made by a judge on application, not by " + a_quoted(*ia->type),
           "apply to a judge (" + backticked(c.strings("copo_judicial_types")) + ") for the order (s.1(1))");
    return;
  }
  c.pass("/issuing_authority/type", "made by a UK " + quote(*ia->type));
}

/// COPO-02: the order names a designated international co-operation arrangement (s.1(2)(a);
/// SI 2020/38), compared as legal-basis text is (frameworks.md §2.5).
void copo02(Context& c) {
  const auto& in = c.request.instrument;
  const auto& designated = c.strings("copo_designated");
  const std::string help = "give `instrument.arrangement` as the order names it, e.g. " + quote(designated.empty() ? "" : designated.back());
  if (!in || !in->arrangement) {
    c.review("/instrument/arrangement", "the order names no designated international co-operation arrangement", help);
    return;
  }
  const std::string given = ident::normalise_law(*in->arrangement);
  if (std::any_of(designated.begin(), designated.end(), [&](const std::string& d) { return ident::normalise_law(d) == given; })) {
    c.pass("/instrument/arrangement", "made by reference to " + quote(*in->arrangement) + ", a designated arrangement");
    return;
  }
  c.review("/instrument/arrangement", quote(*in->arrangement) + " is not an arrangement designated for overseas production orders",
           "check the arrangement the order names; designated: " + backticked(designated));
}

/// COPO-03: an order not served within 3 months beginning with the day it is made is treated as
/// quashed (s.9(1)). E = the day of issue + `copo_service_months`, the day clamped to the month's
/// end; receipt on a day (in `copo_time_zone`) before E passes, on E is a review (whether the
/// period ends before or on E was not verified), after E fails. Emits `copo_service_by`: the first
/// instant of E in that zone.
void copo03(Context& c) {
  const auto& in = c.request.instrument;
  if (!in || !in->issued_on) {
    c.incomplete("/instrument/issued_on", "the order's date is not given, so the 3-month service period cannot be counted",
                 "give `instrument.issued_on`: the day the judge made the order");
    return;
  }
  const auto months = c.integer("copo_service_months");
  const std::string& zone = c.zone("copo_time_zone");
  const date::sys_days end = ident::add_months_clamped(in->issued_on->day, static_cast<int>(months));
  // the pack loader admits only embedded zones; were one missing, receipt's own offset stands in (§4, "zone unknown")
  const bool known = ident::zone_known(zone);
  const ident::Instant due = known ? *ident::day_start(end, zone) : ident::day_start_at_offset(end, c.received.offset_minutes);
  const std::string counted = known ? zone : "`received_at`'s offset (zone " + quote(zone) + " unknown)";
  c.deadline("copo_service_by", known ? *ident::format_in_zone(due, zone) : ident::format_at_offset(due, c.received.offset_minutes),
             std::to_string(months) + " months beginning with the day of `instrument.issued_on` (" + ident::format_day(in->issued_on->day) +
                 "), the day clamped to the month's end: served before the first instant of " + ident::format_day(end) + " in " + counted +
                 " (Crime (Overseas Production Orders) Act 2019 s.9(1))",
             known ? zone : "");
  const date::sys_days received = known ? *ident::local_date(c.received.instant, zone) : c.received.day;
  const std::string when = "received on " + ident::format_day(received) + (known ? " in " + zone : "");
  if (received < end) {
    c.pass("/instrument/issued_on", when + ", within " + std::to_string(months) + " months of the order (" + quote(in->issued_on->text) + ")");
  } else if (received == end) {
    c.review("/instrument/issued_on",
             when + ", the day " + std::to_string(months) + " months after the order (" + quote(in->issued_on->text) +
                 "): whether the service period ends before that day was not verified",
             "confirm the order was served in time, or obtain a new order");
  } else {
    c.fail("/instrument/issued_on",
           when + ", more than " + std::to_string(months) + " months after the order (" + quote(in->issued_on->text) +
               "): an order not served in time is treated as quashed",
           "obtain a new overseas production order and have it served within " + std::to_string(months) + " months");
  }
}

/// COPO-04 (informational): who may serve the order (s.9(2)–(5)).
void copo04(Context& c) {
  c.pass("", "an overseas production order is served by the Secretary of State (England and Wales, Northern Ireland) or the Lord "
             "Advocate (Scotland), or a person they prescribe, in accordance with the designated arrangement");
}

/// COPO-05 (always review): the order is made against a person who operates or is based in a
/// country party to the arrangement (s.4(2)); the platform's seats are stated, not judged.
void copo05(Context& c) {
  c.review("", "the order must be against a person operating or based in a country party to the designated arrangement; the platform's "
               "seats are " + backticked(c.strings("provider_seats")),
           "check that the platform operates in or is based in a party country before serving; otherwise use mutual legal assistance");
}

}  // namespace

/// The `uk_copo` family: COPO-01…05, listed with their legal sources by assets/packs/uk-copo.json.
const std::vector<Rule>& uk_copo_rules() {
  static const std::vector<Rule> rules = {
      {"COPO-01", "the order is made by a UK judge", "Crime (Overseas Production Orders) Act 2019 s.1(1), (7)", "uk_copo",
       {{"copo_judicial_types", ParamKind::string_list, kAuthorityTypes, {}}}, copo01},
      {"COPO-02", "the order names a designated arrangement", "Crime (Overseas Production Orders) Act 2019 s.1(2)(a); SI 2020/38", "uk_copo",
       {{"copo_designated", ParamKind::string_list, {}, {}}}, copo02},
      {"COPO-03", "the order is served within 3 months", "Crime (Overseas Production Orders) Act 2019 s.9(1)", "uk_copo",
       {{"copo_service_months", ParamKind::integer, {}, {}, 1, 120}, {"copo_time_zone", ParamKind::zone, {}, {}}}, copo03},
      {"COPO-04", "who serves the order", "Crime (Overseas Production Orders) Act 2019 s.9(2)-(5)", "uk_copo", {}, copo04,
       RuleKind::informational},
      {"COPO-05", "the platform operates or is based in a party country", "Crime (Overseas Production Orders) Act 2019 s.4(2)", "uk_copo",
       {{"provider_seats", ParamKind::string_list, {}, {}, 0, 0, true}}, copo05, RuleKind::review_only},
  };
  return rules;
}

}  // namespace reqcheck::rules
