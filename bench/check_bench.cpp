// Native benchmark (Google Benchmark) of each sample with the bundled policy compiled once:
// `check/` is the typed check (read, rules, report structs), `check_json/` adds the JSON
// rendering the JS API returns; `compile/bundled` is the one-off cost of compiling the packs.
// Run with --benchmark_repetitions to get medians (bench/run.sh).
#include <benchmark/benchmark.h>

#include "reqcheck/engine.hpp"
#include "samples.hpp"

int main(int argc, char** argv) {
  const auto samples = load_samples();
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  const reqcheck::Policy& policy = reqcheck::Policy::bundled();
  for (const auto& [name, text] : samples) {
    benchmark::RegisterBenchmark(("check/" + name).c_str(), [&text = text, &options, &policy](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(reqcheck::check(policy, text, options));
    })->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("check_json/" + name).c_str(), [&text = text, &options](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(reqcheck::check_json(text, "", options));
    })->Unit(benchmark::kMicrosecond);
  }
  const std::string pack = reqcheck::bundled_pack_text("telegram-2024-09");
  benchmark::RegisterBenchmark("compile/telegram-2024-09", [&pack](benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(reqcheck::Policy::with_pack(pack));
  })->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
