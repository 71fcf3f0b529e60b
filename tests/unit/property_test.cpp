// Fail-closed properties over every case request that meets the criteria: removing any one
// field, or replacing any value by "", null or a value of the wrong type, never gives a verdict
// better than `needs_review`, except for the fields listed in kExempt (read by no rule, an
// alternative to another field, or with a documented default). Adding a data category the
// platform does not disclose to a passing request always gives `does_not_meet`.
//
// Kept cheap (it was most of the unit suite's time): the passing requests are found once per
// process, verdicts come from the typed report (nothing rendered and parsed again), and a
// mutation of an exempt field is not checked for the property, which no outcome of it can
// break; one witness per exemption is enough to show it is still needed.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "support.hpp"

using nlohmann::json;
using testsupport::kSourceDir;
using testsupport::read_file;

namespace {

/// Fields whose removal or blanking may leave a request meeting the criteria, and why. Patterns
/// are JSON Pointers with `*` for any array index. Keep in step with README "How robustness is
/// tested" and criteria.md.
const std::map<std::string, std::string> kExempt = {
    {"/reference", "the requester's own file number: read by no rule"},
    {"/received_at", "default: the checking time stands in, and the report says so (criteria.md)"},
    {"/instrument/reference", "docket number: read by no rule of the bundled packs"},
    {"/instrument/valid_until", "absent: the instrument states no expiry; INSTR-04 and DATA-04 skip that part (criteria.md)"},
    {"/instrument/statement_of_reasons", "read only by the DSA and e-Evidence profiles, which raise no findings yet"},
    {"/instrument/redress", "read only by the DSA profile, which raises no findings yet"},
    {"/instrument/legal_basis/*/law", "INSTR-05 needs a provision only"},
    {"/instrument/legal_basis/*/jurisdiction", "INSTR-05 needs a provision only"},
    {"/issuing_authority/email", "AUTH-03: a name plus a valid e-mail address or phone; the phone remains"},
    {"/issuing_authority/phone", "AUTH-03: a name plus a valid e-mail address or phone; the e-mail address remains"},
    {"/requester/name", "read by no rule"},
    {"/requester/agency", "read by no rule"},
    {"/requester/phone", "read by no rule"},
    {"/requester/reply_to", "EMER-02 reviews only a reply_to that differs from email; absent is no signal"},
    {"/requester/supervisor", "EMER-02 asks for a supervisor on emergencies only"},
    {"/requester/supervisor/name", "EMER-02 asks for a supervisor on emergencies only"},
    {"/requester/supervisor/phone", "EMER-02 asks for a supervisor on emergencies only"},
    {"/requester/channel", "EMER-02 reviews channel `email` on emergencies only; absent is no signal"},
    {"/case/reference", "read by no rule"},
    {"/case/summary", "read by no rule"},
    {"/case/offences/*/description", "read by no rule"},
    {"/case/offences/*/max_sentence_years", "read only by the e-Evidence profile, which raises no findings yet"},
    {"/data_requested/*/note", "free text, read by no rule"},
    {"/emergency", "optional: without it the request is no emergency and EMER-01 does not apply"},
    {"/emergency/deadline_hours", "gives the report's deadline; read by no rule"},
    {"/non_disclosure", "optional: PROC-01 only mentions it"},
    {"/non_disclosure/requested", "PROC-01 only mentions it"},
    {"/non_disclosure/until", "gives the report's deadline; read by no rule"},
    {"/non_disclosure/order_reference", "read by no rule"},
    {"/validating_authority/name", "AUTH-01 reads only the validating authority's type"},
    {"/validating_authority/country", "AUTH-01 reads only the validating authority's type"},
    {"/validating_authority/email", "AUTH-01 reads only the validating authority's type"},
};

/// Fields exempt only where the rule has an alternative in the same request.
bool exempt_alternative(const json& request, const std::string& pattern, const std::string& pointer) {
  if (pattern == "/instrument/signatory/role")  // INSTR-02 asks the role only on the pack's judicial instruments
    return !std::set<std::string>{"court_order", "warrant"}.count(request["instrument"].value("type", ""));
  if (pattern == "/issuing_authority/type")  // AUTH-01: a judicial validating authority also passes
    return request.contains("validating_authority") &&
           std::set<std::string>{"court", "judge", "investigating_judge"}.count(request["validating_authority"].value("type", ""));
  if (pattern == "/instrument/legal_basis/*/provision") {  // INSTR-05: at least one basis with a provision
    const auto& bases = request["instrument"]["legal_basis"];
    const auto self = json::json_pointer(pointer).parent_pointer().back();
    for (std::size_t i = 0; i < bases.size(); ++i)
      if (std::to_string(i) != self && bases[i].is_object() && bases[i].value("provision", "") != "") return true;
  }
  return false;
}

/// Fields exempt only for data items that need no range (DATA-02 asks a range of `ip_address`
/// items only; DATA-03 and DATA-04 are not_applicable without one).
bool exempt_range_of_non_ip_item(const json& request, const std::string& pattern, const std::string& pointer) {
  if (pattern != "/data_requested/*/from" && pattern != "/data_requested/*/to") return false;
  const auto item = json::json_pointer(pointer).parent_pointer();
  return request.contains(item) && request[item].value("category", "") != "ip_address";
}

std::string pattern_of(const std::string& pointer) {
  std::string out;
  std::size_t pos = 0;
  while (pos < pointer.size()) {
    const auto next = pointer.find('/', pos + 1);
    const std::string seg = pointer.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
    out += "/" + (!seg.empty() && std::all_of(seg.begin(), seg.end(), ::isdigit) ? std::string("*") : seg);
    pos = next == std::string::npos ? pointer.size() : next;
  }
  return out;
}

/// Every how many passing requests are mutated: 1 natively. Under AddressSanitizer and in
/// WebAssembly (tests/unit/CMakeLists.txt sets it) the engine runs 10-20 times slower, and what
/// those builds add, memory faults and the same verdicts as natively, a sample of the requests
/// shows; the native run holds the whole property.
constexpr std::size_t kStride = REQCHECK_PROPERTY_STRIDE;
static_assert(kStride >= 1);

/// The verdict of `request` (the bundled packs, as check_json without a pack file), typed.
reqcheck::report::Verdict verdict_of(const json& request, const reqcheck::CheckOptions& options) {
  return reqcheck::check(reqcheck::Policy::bundled(), request.dump(), options).verdict;
}

struct Passing {
  std::string name;
  json request;
  reqcheck::CheckOptions options;
};

/// Every case and sample whose request is reqcheck JSON that meets the criteria, found once per
/// process (each test case here reads them).
const std::vector<Passing>& passing_requests() {
  static const std::vector<Passing> all = [] {
    std::vector<Passing> out;
    std::set<std::string> seen;
    auto consider = [&](const std::string& name, const std::filesystem::path& request, const json& options) {
      const auto q = json::parse(read_file(request), nullptr, false);
      if (!q.is_object()) return;
      Passing p{name, q, {}};
      p.options.now = options.value("now", std::string(testsupport::kNow));
      p.options.pack_id = options.value("pack", "");
      if (!seen.insert(q.dump() + p.options.now + p.options.pack_id).second) return;
      if (verdict_of(q, p.options) == reqcheck::report::Verdict::meets_criteria) out.push_back(std::move(p));
    };
    for (const auto& e : std::filesystem::recursive_directory_iterator(kSourceDir / "tests/cases")) {
      if (e.path().filename() != "request.json" || !std::filesystem::exists(e.path().parent_path() / "expected.json")) continue;
      const auto expected = json::parse(read_file(e.path().parent_path() / "expected.json"));
      if (expected.value("verdict", "") != "meets_criteria") continue;
      consider(std::filesystem::relative(e.path().parent_path(), kSourceDir).string(), e.path(), expected.value("options", json::object()));
    }
    for (const auto& e : std::filesystem::directory_iterator(kSourceDir / "assets/samples"))
      if (e.path().filename().string().rfind("meets-criteria", 0) == 0 && e.path().extension() == ".json")
        consider(e.path().filename().string(), e.path(), json::object());
    std::sort(out.begin(), out.end(), [](const Passing& a, const Passing& b) { return a.name < b.name; });
    return out;
  }();
  return all;
}

/// Pointers of every object member and array element below `v` (not the root). Of a long array
/// only the first two elements and the last are visited: the rules read each element alike, and
/// mutating all 1000 targets of the limit case would cost thousands of 64 KiB checks for nothing.
void pointers(const json& v, const std::string& at, std::vector<std::string>& out) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string p = (json::json_pointer(at) / it.key()).to_string();
      out.push_back(p);
      pointers(*it, p, out);
    }
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); i = (i == 1 && v.size() > 3) ? v.size() - 1 : i + 1) {
      const std::string p = at + "/" + std::to_string(i);
      out.push_back(p);
      pointers(v[i], p, out);
    }
  }
}

/// A value of another JSON type than `v`.
json wrong_type(const json& v) { return v.is_string() ? json(12345) : json("12345"); }

struct Mutation {
  std::string what;
  json request;
};

/// The field at `ptr` removed (when it is an object member), set to "", to null and to a value
/// of the wrong type.
std::vector<Mutation> mutations_of(const json& request, const std::string& ptr) {
  const json::json_pointer jp(ptr);
  std::vector<Mutation> out;
  if (!request[jp.parent_pointer()].is_array()) {
    json removed = request;
    removed[jp.parent_pointer()].erase(jp.back());
    out.push_back({"removed", std::move(removed)});
  }
  for (const auto& [what, value] : {std::pair<const char*, json>{"set to \"\"", ""}, {"set to null", nullptr}, {"set to a wrong type", wrong_type(request[jp])}}) {
    json changed = request;
    changed[jp] = value;
    out.push_back({what, std::move(changed)});
  }
  return out;
}

bool exempt(const json& request, const std::string& pattern, const std::string& ptr) {
  return kExempt.count(pattern) || exempt_range_of_non_ip_item(request, pattern, ptr) || exempt_alternative(request, pattern, ptr);
}

}  // namespace

TEST_CASE("fail closed: no single removal or blanking of a needed field keeps meets_criteria") {
  const auto& requests = passing_requests();
  REQUIRE(requests.size() >= 20);
  std::size_t checks = 0, sampled = 0;
  for (std::size_t i = 0; i < requests.size(); i += kStride) {
    const auto& p = requests[i];
    ++sampled;
    std::vector<std::string> ptrs;
    pointers(p.request, "", ptrs);
    for (const auto& ptr : ptrs) {
      if (exempt(p.request, pattern_of(ptr), ptr)) continue;
      for (const auto& m : mutations_of(p.request, ptr)) {
        const auto verdict = verdict_of(m.request, p.options);
        ++checks;
        INFO(p.name, ": ", ptr, " ", m.what, " gave ", reqcheck::report::to_string(verdict));
        CHECK(verdict != reqcheck::report::Verdict::meets_criteria);
      }
    }
  }
  MESSAGE(sampled, " of ", requests.size(), " passing requests, ", checks, " mutated checks");
}

// Every entry of the exemption list must still be needed (one mutation of a field it
// names keeps meets_criteria): a stale exemption would let a field the rules now read go untested.
// All passing requests are searched, in every build, until each has its witness.
TEST_CASE("fail closed: every exemption is still needed") {
  const auto& requests = passing_requests();
  std::set<std::string> witnessed;
  for (const auto& p : requests) {
    std::vector<std::string> ptrs;
    pointers(p.request, "", ptrs);
    for (const auto& ptr : ptrs) {
      const std::string pattern = pattern_of(ptr);
      if (!kExempt.count(pattern) || witnessed.count(pattern)) continue;
      for (const auto& m : mutations_of(p.request, ptr))
        if (verdict_of(m.request, p.options) == reqcheck::report::Verdict::meets_criteria) {
          witnessed.insert(pattern);
          break;
        }
    }
    if (witnessed.size() == kExempt.size()) break;
  }
  // an exemption that no request ever needed is stale: drop it so the list stays the truth
  for (const auto& exemption : kExempt) {
    INFO("exemption ", exemption.first, " (", exemption.second, ") was never needed");
    CHECK(witnessed.count(exemption.first) == 1);
  }
}

TEST_CASE("fail closed: adding a non-disclosable data category to a passing request fails it") {
  const auto& requests = passing_requests();
  REQUIRE(requests.size() >= 20);
  for (std::size_t i = 0; i < requests.size(); i += kStride) {
    const auto& p = requests[i];
    for (const char* category : {"subscriber_data", "traffic_data", "content_data", "location_data", "contacts", "other"}) {
      for (const bool ranged : {false, true}) {
        json q = p.request;
        json item = {{"category", category}};
        if (ranged && q["data_requested"].size() > 0 && q["data_requested"][0].contains("from")) {
          item["from"] = q["data_requested"][0]["from"];
          item["to"] = q["data_requested"][0]["to"];
        }
        q["data_requested"].push_back(item);
        const auto report = json::parse(reqcheck::check_json(q.dump(), "", p.options));
        INFO(p.name, ": + ", category, ranged ? " with a range" : "");
        CHECK(report["verdict"] == "does_not_meet");
        CHECK(testsupport::status_of(report, "DATA-01", "/data_requested/" + std::to_string(q["data_requested"].size() - 1) + "/category") == "fail");
      }
    }
  }
}
