// The batch bar above the report when the text holds several requests (a JSON array or NDJSON):
// the worst verdict, and one button per request coloured by its verdict, choosing whose report
// is shown. The reports themselves come from reqcheck_core, one check per request.
#include <string>

#include <imgui.h>

#include "panels/panels.hpp"

namespace reqcheck::app {

void draw_batch_bar(AppUi& s) {
  if (!is_batch(s)) return;
  const auto& items = s.batch.items;
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Batch of %zu requests, worst verdict: %s. Showing request:", items.size(), std::string(report::verdict_label(s.batch.worst)).c_str());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const report::Report& r = items[i].report;
    const bool current = static_cast<int>(i) == s.batch_index;
    ImVec4 colour = verdict_color(r.verdict);
    if (!current) colour.w = 0.55f;
    ImGui::PushStyleColor(ImGuiCol_Button, colour);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, verdict_color(r.verdict));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, current ? 2.0f : 0.0f);
    const std::string label = std::to_string(i + 1);
    if (i > 0 && ImGui::GetContentRegionAvail().x > ImGui::CalcTextSize("0000").x * 2) ImGui::SameLine();
    if (ImGui::Button(label.c_str())) show_batch_element(s, static_cast<int>(i));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Request %zu: %s", i + 1, std::string(report::verdict_label(r.verdict)).c_str());
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
  }
  ImGui::Separator();
}

}  // namespace reqcheck::app
