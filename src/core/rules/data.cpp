// Rules of the data family: only disclosable categories (DATA-01), IP address requests with a
// complete time range (DATA-02), ranges within the retention window (DATA-03), and ranges that
// are proportionate and not prospective (DATA-04).
#include "parse/enums.hpp"
#include "parse/json_text.hpp"
#include "rules/rule.hpp"
#include "rules/timecmp.hpp"

namespace reqcheck::rules {
namespace {

using parse::kDataCategories;
using parse::pointer_append;

const std::vector<model::DataItem>* items(const Context& c) {
  if (!c.request.data_requested || c.request.data_requested->empty()) return nullptr;
  return &*c.request.data_requested;
}

std::string item_ptr(std::size_t i) { return pointer_append("/data_requested", i); }

void data01(Context& c) {
  const auto* list = items(c);
  if (!list) {
    c.fail("/data_requested", "the request asks for no data", "list what is asked for in `data_requested`, e.g. `ip_address`");
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& d = (*list)[i];
    const std::string ptr = pointer_append(item_ptr(i), "category");
    if (!d.category)
      c.incomplete(ptr, "data item " + nth(i) + " has no category", "give its `category`");
    else if (c.listed("disclosable_data_categories", *d.category))
      c.pass(ptr, quote(*d.category) + " is a category the platform may disclose");
    else
      c.fail(ptr, quote(*d.category) + " is not a category the platform discloses",
             "narrow the request to " + backticked(c.strings("disclosable_data_categories")));
  }
}

void data02(Context& c) {
  bool any = false;
  if (const auto* list = items(c)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& d = (*list)[i];
      if (!d.category || *d.category != "ip_address") continue;
      any = true;
      const std::string ptr = item_ptr(i);
      if (!d.from || !d.to) {
        c.fail(ptr, std::string("the IP address request has no ") + (!d.from && !d.to ? "time range" : !d.from ? "`from`" : "`to`"),
               "give `from` and `to`: IP addresses are disclosed for a stated period only");
      } else if (d.to->date_only ? !(range_start(*d.from, c.received) < range_end(*d.to, c.received))
                                 : range_start(*d.from, c.received) > d.to->instant) {
        c.fail(ptr, "the range starts " + quote(d.from->text) + " after it ends " + quote(d.to->text), "swap or correct `from` and `to`");
      } else if (after_receipt(*d.from, c.received) || after_receipt(*d.to, c.received)) {
        c.fail(ptr, "the range runs past receipt (" + quote(c.received.text) + ")",
               "a disclosure order covers stored data only: end the range at or before the date of the request");
      } else {
        c.pass(ptr, "IP addresses from " + quote(d.from->text) + " to " + quote(d.to->text));
      }
    }
  }
  if (!any) c.not_applicable("/data_requested", "no IP address is requested");
}

/// Calls `judge` for each item with a complete range; gives not_applicable or incomplete otherwise.
template <class F>
void for_ranges(Context& c, F judge) {
  const auto* list = items(c);
  if (!list) {
    c.not_applicable("/data_requested", "no data is requested");
    return;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& d = (*list)[i];
    if (!d.from && !d.to)
      c.not_applicable(item_ptr(i), "data item " + nth(i) + " has no time range");
    else if (!d.from || !d.to)
      c.incomplete(item_ptr(i), "data item " + nth(i) + " has no `" + (d.from ? "to" : "from") + "`",
                   "give both ends of the range");
    else
      judge(item_ptr(i), *d.from, *d.to);
  }
}

void data03(Context& c) {
  const auto retention = c.integer("retention_days");
  for_ranges(c, [&](const std::string& ptr, const ident::TimeValue& from, const ident::TimeValue&) {
    if (age_at_receipt(from, c.received) > days(retention))
      c.review(ptr, "the range starts " + quote(from.text) + ", more than " + std::to_string(retention) +
                        " days before receipt: likely no data retained for part or all of the range",
               "the platform keeps this data for at most " + std::to_string(retention) + " days; narrow the range or expect a partial answer");
    else
      c.pass(ptr, "the range lies within the " + std::to_string(retention) + "-day retention window");
  });
}

void data04(Context& c) {
  const auto max_days = c.integer("max_range_days");
  const auto& in = c.request.instrument;
  for_ranges(c, [&](const std::string& ptr, const ident::TimeValue& from, const ident::TimeValue& to) {
    const auto end = range_end(to, c.received);
    if (in && in->valid_until && end > range_end(*in->valid_until, c.received)) {
      c.fail(ptr, "the range ends " + quote(to.text) + ", after the instrument expires " + quote(in->valid_until->text),
             "a disclosure order does not reach data after its expiry; end the range by `valid_until`");
    } else if (end - range_start(from, c.received) > days(max_days)) {
      c.fail(ptr, "the range from " + quote(from.text) + " to " + quote(to.text) + " is longer than " + std::to_string(max_days) + " days",
             "narrow the range to the period relevant to the offence (at most " + std::to_string(max_days) + " days)");
    } else {
      c.pass(ptr, "the range is at most " + std::to_string(max_days) + " days" + (in && in->valid_until ? " and within the instrument's validity" : ""));
    }
  });
}

}  // namespace

const std::vector<Rule>& data_rules() {
  static const std::vector<Rule> rules = {
      {"DATA-01", "only disclosable data categories", "Telegram Privacy Policy §8.3: \"IP address and phone number\"", "data",
       {{"disclosable_data_categories", ParamKind::string_list, kDataCategories, {}}}, data01},
      {"DATA-02", "IP address requests state a time range", "particularity (platform law-enforcement guidelines)", "data", {}, data02},
      {"DATA-03", "range within the retention window", "Telegram Privacy Policy §5.2 (safety metadata kept at most 12 months)", "data",
       {{"retention_days", ParamKind::integer, {}, {}, 1, 36500}}, data03},
      {"DATA-04", "range proportionate and not past the instrument", "proportionality", "data",
       {{"max_range_days", ParamKind::integer, {}, {}, 1, 36500}}, data04},
  };
  return rules;
}

}  // namespace reqcheck::rules
