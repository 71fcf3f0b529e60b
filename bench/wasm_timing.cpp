// WebAssembly benchmark run by node: for each sample, the median of 15 timings of a batch of
// calls, in microseconds per call: `check/` (typed, bundled policy compiled once) and
// `check_json/` (with the JSON rendering), and `compile/` (the packs compiled once more).
// Google Benchmark is not built for wasm here.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

#include "reqcheck/engine.hpp"
#include "samples.hpp"

namespace {

double median_us(const std::function<void()>& f) {
  constexpr int kRounds = 15, kBatch = 50;
  std::vector<double> us;
  for (int r = 0; r < kRounds; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kBatch; ++i) f();
    const std::chrono::duration<double, std::micro> dt = std::chrono::steady_clock::now() - t0;
    us.push_back(dt.count() / kBatch);
  }
  std::sort(us.begin(), us.end());
  return us[us.size() / 2];
}

}  // namespace

int main() {
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  const reqcheck::Policy& policy = reqcheck::Policy::bundled();
  for (const auto& [name, text] : load_samples()) {
    std::printf("check/%s %.1f\n", name.c_str(), median_us([&, &text = text] {
                  volatile auto n = reqcheck::check(policy, text, options).findings.size();
                  (void)n;
                }));
    std::printf("check_json/%s %.1f\n", name.c_str(), median_us([&, &text = text] {
                  volatile auto n = reqcheck::check_json(text, "", options).size();
                  (void)n;
                }));
  }
  const std::string pack = reqcheck::bundled_pack_text("telegram-2024-09");
  std::printf("compile/telegram-2024-09 %.1f\n", median_us([&] {
                volatile bool ok = reqcheck::Policy::with_pack(pack).ok();
                (void)ok;
              }));
  return 0;
}
