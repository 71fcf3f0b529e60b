// reqcheck natively on the benchmark's pool (bench/peers/run.mjs), with the timing loop of
// lib/timing.mjs in C++, so that the native engine sits in the same table as the JS engines:
//   reqcheck_peers_native POOL.json N      prints {init_ms, first_check_ms, median_us, ...} as JSON
//   reqcheck_peers_native POOL.json --reports   prints each request's report, one per line
// POOL.json is a JSON array of request texts. The checking time is the one the wasm entry uses.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "outcome.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double us_since(Clock::time_point t0) { return std::chrono::duration<double, std::micro>(Clock::now() - t0).count(); }

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s POOL.json N|--reports\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string pool_text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto texts = nlohmann::json::parse(pool_text).get<std::vector<std::string>>();
  const auto options = reqcheck_peers::options("2026-11-30T12:00:00Z");
  if (std::string(argv[2]) == "--reports") {
    for (const auto& t : texts) std::printf("%s\n", reqcheck_peers::outcome_json(t, options).c_str());
    return 0;
  }
  const long n = std::stol(argv[2]);
  const auto t0 = Clock::now();
  if (!reqcheck::Policy::bundled().ok()) return 1;  // the packs, compiled once per process
  const double init_us = us_since(t0);
  const auto t1 = Clock::now();
  std::size_t sink = reqcheck_peers::outcome_json(texts[0], options).size();
  const double first_us = us_since(t1);
  for (long i = 0; i < 2000; ++i) sink += reqcheck_peers::outcome_json(texts[i % texts.size()], options).size();
  std::vector<double> us(n);
  const auto start = Clock::now();
  for (long i = 0; i < n; ++i) {
    const auto c0 = Clock::now();
    sink += reqcheck_peers::outcome_json(texts[i % texts.size()], options).size();
    us[i] = us_since(c0);
  }
  const double total_us = us_since(start);
  std::sort(us.begin(), us.end());
  std::printf("{\"init_ms\": %.3f, \"first_check_ms\": %.3f, \"n\": %ld, \"median_us\": %.3f, \"p99_us\": %.3f, \"mean_us\": %.3f, "
              "\"throughput_per_s\": %.1f, \"timer_resolution_us\": 0.001, \"sink\": %zu}\n",
              init_us / 1000, first_us / 1000, n, us[n / 2], us[n * 99 / 100], total_us / n, n / (total_us / 1e6), sink);
  return 0;
}
