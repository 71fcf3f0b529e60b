// libFuzzer target: the ETSI TS 103 120 (HI-1) importer, XML (pugixml) and JSON renderings:
// import_hi1, split_hi1, and check_json forced to the HI-1 path. Asserts that a refused message
// says why, that every imported request serialises (valid UTF-8), and a well-formed report.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/etsi_hi1.hpp"
#include "invariants.hpp"
#include "reqcheck/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto imported = reqcheck::import::import_hi1(text);
  if (imported.requests.empty() && imported.errors.empty()) fuzzsupport::fail("HI-1 import gave neither a request nor an error", text);
  for (const auto& e : imported.errors)
    if (e.message.empty()) fuzzsupport::fail("HI-1 error without a message", text);
  for (const auto& r : imported.requests) {
    try {
      (void)r.request.dump(2);  // check_json serialises it exactly so
    } catch (const std::exception& ex) {
      fuzzsupport::fail("an imported request does not serialise", ex.what());
    }
  }
  (void)reqcheck::import::split_hi1(text);
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  options.from = "hi1";
  fuzzsupport::check_report(reqcheck::check_json(text, "", options));
  return 0;
}
