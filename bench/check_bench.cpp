// Native benchmark: one check_json per iteration for each sample (bundled pack chosen by
// received_at, fixed checking time). Run with --benchmark_repetitions to get medians.
#include <benchmark/benchmark.h>

#include "reqcheck/engine.hpp"
#include "samples.hpp"

int main(int argc, char** argv) {
  const auto samples = load_samples();
  reqcheck::CheckOptions options;
  options.now = "2026-11-30T12:00:00Z";
  for (const auto& [name, text] : samples) {
    benchmark::RegisterBenchmark(("check/" + name).c_str(), [&text = text, &options](benchmark::State& state) {
      for (auto _ : state) benchmark::DoNotOptimize(reqcheck::check_json(text, "", options));
    })->Unit(benchmark::kMicrosecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
