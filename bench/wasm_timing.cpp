// WebAssembly benchmark run by node: for each sample, the median of 15 timings of a batch of
// check_json calls, in microseconds per check. Google Benchmark is not built for wasm here.
#include <chrono>
#include <cstdio>

#include "reqcheck/engine.hpp"
#include "samples.hpp"

int main() {
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  for (const auto& [name, text] : load_samples()) {
    constexpr int kRounds = 15, kBatch = 50;
    std::vector<double> us;
    for (int r = 0; r < kRounds; ++r) {
      const auto t0 = std::chrono::steady_clock::now();
      for (int i = 0; i < kBatch; ++i) {
        volatile auto size = reqcheck::check_json(text, "", options).size();
        (void)size;
      }
      const std::chrono::duration<double, std::micro> dt = std::chrono::steady_clock::now() - t0;
      us.push_back(dt.count() / kBatch);
    }
    std::sort(us.begin(), us.end());
    std::printf("check/%s %.1f\n", name.c_str(), us[us.size() / 2]);
  }
  return 0;
}
