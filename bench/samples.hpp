// The benchmark inputs: every request of assets/samples, read once before timing.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

inline std::vector<std::pair<std::string, std::string>> load_samples() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(REQCHECK_SOURCE_DIR) / "assets/samples")) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out.emplace_back(e.path().stem().string(), ss.str());
  }
  std::sort(out.begin(), out.end());
  return out;
}
