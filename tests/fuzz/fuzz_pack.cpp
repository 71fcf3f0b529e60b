// libFuzzer target: the policy-pack loader. A pack that loads must then drive a full check of a
// fixed request without an internal error; a pack that does not load must say why and where.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "invariants.hpp"
#include "reqcheck/engine.hpp"
#include "policy/pack.hpp"
#include "reqcheck/policy.hpp"

namespace {
// the README's minimal example: it reaches every rule family
constexpr std::string_view kRequest = R"({"schema": "reqcheck.request/1", "received_at": "2026-11-20T09:30:00+01:00",
 "service": "telegram", "language": "en",
 "instrument": {"type": "court_order", "reference": "351 Gs 1234/26", "issued_on": "2026-11-18", "valid_until": "2027-02-18",
   "signed": true, "signatory": {"name": "Judge A. Example", "role": "judge"},
   "legal_basis": [{"law": "StPO", "provision": "§ 100k", "jurisdiction": "DE"}], "statement_of_reasons": "Sale of narcotics."},
 "issuing_authority": {"name": "Local Court Example", "type": "court", "country": "DE", "email": "office@court.example.de"},
 "requester": {"name": "B. Example", "agency": "Police", "email": "b@police.example.de", "phone": "+493000000001",
   "supervisor": {"name": "C. Example", "phone": "+493000000002"}, "channel": "portal"},
 "case": {"reference": "C-1", "summary": "narcotics", "offences": [{"category": "drug_trafficking", "provision": "§ 29 BtMG"}]},
 "targets": [{"type": "username", "value": "@example_seller", "role": "suspect"}],
 "emergency": {"threat": "t", "person_at_risk": "p", "why_this_data": "w", "deadline_hours": 4},
 "data_requested": [{"category": "ip_address", "from": "2026-10-01T00:00:00Z", "to": "2026-11-01T00:00:00Z"}, {"category": "phone_number"}]})";
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto loaded = reqcheck::policy::load_pack(text);
  if (!loaded.pack) {
    if (loaded.errors.empty()) fuzzsupport::fail("pack refused without an error", text);
    for (const auto& e : loaded.errors) {
      if (e.message.empty()) fuzzsupport::fail("pack error without a message", e.pointer);
      if (e.code.rfind("PACK.", 0) != 0) fuzzsupport::fail("pack error without a PACK code", e.message);
    }
    return 0;
  }
  if (!loaded.errors.empty()) fuzzsupport::fail("pack loaded despite errors", text);
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  fuzzsupport::check_report(reqcheck::check_json(kRequest, text, options));
  const auto policy = reqcheck::Policy::with_pack(text);  // compiled with the bundled packs
  if (!policy.ok()) fuzzsupport::fail("a pack that loads does not compile", text);
  (void)reqcheck::rules_json(text);
  return 0;
}
