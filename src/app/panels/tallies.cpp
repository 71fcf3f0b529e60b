// The Tallies tab of a batch: what a quarterly transparency report counts, from the run's Tally
// (reqcheck/tally.hpp, the same counts as `reqcheck tally`): per quarter of `received_at` in UTC
// and issuing country, the requests, target accounts, verdicts and most frequent failing rules,
// with bars; the total; and per rule, the requests it failed. Counts only: no judgement here.
#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>
#include <reqcheck/tally.hpp>

#include "panels/panels.hpp"

namespace reqcheck::app {
namespace {

/// A bar of `value` out of `max` filling the cell's width, its count written on it.
void bar(int value, int max, ImVec4 colour) {
  char label[32];
  std::snprintf(label, sizeof label, "%d", value);
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colour);
  ImGui::ProgressBar(max > 0 ? static_cast<float>(value) / static_cast<float>(max) : 0.0f, ImVec2(-1, ImGui::GetTextLineHeight()), label);
  ImGui::PopStyleColor();
}

std::string top_rules(const TallyCounts& c) {
  std::string out;
  for (const auto& [rule, n] : c.top_failed_rules(3)) out += (out.empty() ? "" : "; ") + rule + " (" + std::to_string(n) + ")";
  return out;
}

/// One line of the buckets table: quarter, country, requests (a bar), target accounts, the
/// four verdicts, the top failing rules.
void bucket_row(const std::string& quarter, const std::string& country, const TallyCounts& c, int max_requests) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  ImGui::TextUnformatted(quarter.c_str());
  ImGui::TableSetColumnIndex(1);
  ImGui::TextUnformatted(country.c_str());
  ImGui::TableSetColumnIndex(2);
  bar(c.requests, max_requests, ImVec4(0.30f, 0.45f, 0.70f, 1.0f));
  ImGui::TableSetColumnIndex(3);
  ImGui::Text("%zu", c.target_accounts());
  for (int v = 0; v < static_cast<int>(report::kVerdictCount); ++v) {
    ImGui::TableSetColumnIndex(4 + v);
    const int n = c.verdicts[static_cast<std::size_t>(v)];
    if (n > 0) ImGui::TextColored(verdict_color(static_cast<Verdict>(v)), "%d", n);
    else ImGui::TextDisabled("0");
  }
  ImGui::TableSetColumnIndex(8);
  ImGui::TextUnformatted(top_rules(c).c_str());
}

void draw_buckets(const Tally& tally) {
  int max_requests = 0;
  for (const auto& [key, c] : tally.buckets()) max_requests = std::max(max_requests, c.requests);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersV | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
  if (!ImGui::BeginTable("##buckets", 9, flags)) return;
  const float ch = ImGui::CalcTextSize("0").x;
  ImGui::TableSetupColumn("Quarter (UTC)", ImGuiTableColumnFlags_WidthFixed, 12 * ch);
  ImGui::TableSetupColumn("Country", ImGuiTableColumnFlags_WidthFixed, 7.5f * ch);
  ImGui::TableSetupColumn("Requests", ImGuiTableColumnFlags_WidthFixed, 12 * ch);
  ImGui::TableSetupColumn("Target accounts", ImGuiTableColumnFlags_WidthFixed, 14.5f * ch);
  ImGui::TableSetupColumn("Meets", ImGuiTableColumnFlags_WidthFixed, 6 * ch);
  ImGui::TableSetupColumn("Review", ImGuiTableColumnFlags_WidthFixed, 6.5f * ch);
  ImGui::TableSetupColumn("Does not meet", ImGuiTableColumnFlags_WidthFixed, 12.5f * ch);
  ImGui::TableSetupColumn("Invalid", ImGuiTableColumnFlags_WidthFixed, 6.5f * ch);
  ImGui::TableSetupColumn("Top failing rules", ImGuiTableColumnFlags_WidthFixed, 34 * ch);
  ImGui::TableHeadersRow();
  for (const auto& [key, c] : tally.buckets()) bucket_row(key.first, key.second, c, max_requests);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.85f, 0.55f, 1.0f));
  bucket_row("total", "", tally.total(), tally.total().requests);
  ImGui::PopStyleColor();
  ImGui::EndTable();
}

void draw_rules_failed(const Tally& tally) {
  std::vector<std::pair<std::string, int>> rules(tally.total().failed_rules.begin(), tally.total().failed_rules.end());
  std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (rules.empty()) {
    ImGui::TextDisabled("No rule failed a request.");
    return;
  }
  const int max = rules.front().second;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##rules_failed", 2, flags)) return;
  ImGui::TableSetupColumn("Rule", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0").x * 26);  // the longest code
  ImGui::TableSetupColumn("Requests it failed", ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  for (const auto& [rule, n] : rules) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(rule.c_str());
    ImGui::TableSetColumnIndex(1);
    bar(n, max, status_color(Status::fail));
  }
  ImGui::EndTable();
}

}  // namespace

void draw_tallies(AppUi& s) {
  const Tally& tally = s.run.tally;
  ImGui::TextWrapped("%d requests counted%s. Quarters are those of received_at in UTC (2027-01-01T00:30:00+02:00 is 2026-Q4); "
                     "countries the issuing authority's ISO 3166-1 code; target accounts distinct identifiers, normalised. "
                     "A request without either is counted under \"unknown\", never dropped. The same counts as reqcheck tally.",
                     tally.total().requests, s.run.state == RunState::running ? " so far (checking)" : "");
  if (ImGui::SmallButton("Download CSV")) download_batch(s, BatchExport::tally_csv);
  ImGui::SameLine();
  if (ImGui::SmallButton("Download JSON")) download_batch(s, BatchExport::tally_json);
  ImGui::BeginChild("##tallies_scroll", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  ImGui::SeparatorText("Per quarter and issuing country");
  draw_buckets(tally);
  ImGui::SeparatorText("Requests failed, per rule");
  draw_rules_failed(tally);
  ImGui::EndChild();
}

}  // namespace reqcheck::app
