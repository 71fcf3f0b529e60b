// The status bar along the bottom: the "processed locally" indicator (always visible), the
// policy in force, the engine version and the latest notice (a load, a refused pack file).
#include <algorithm>
#include <string>

#include <imgui.h>

#include <reqcheck/engine.hpp>

#include "panels/panels.hpp"

namespace reqcheck::app {

void draw_status_bar(AppUi& s, float height) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().WindowPadding.x, ImGui::GetStyle().WindowPadding.y * 0.5f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
  if (ImGui::Begin("##status", nullptr, flags)) {
    ImGui::AlignTextToFramePadding();
    // on a narrow screen: the indicator in short and the notice; the pack is in the report and
    // the version in Help → About
    const bool narrow = narrow_layout(vp->Size.x, s.scale);
    ImGui::TextColored(status_color(Status::pass), narrow ? "\xE2\x97\x8F Processed locally" : "\xE2\x97\x8F Processed locally \xE2\x80\x94 nothing leaves this device");
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("The check runs in this page (WebAssembly). The page's security policy forbids\n"
                        "connections to anything but its own files; nothing is stored unless you save it.");
    }
    ImGui::SameLine(0, ImGui::GetFontSize() * (narrow ? 1 : 2));
    if (narrow) {
      if (notice_visible(s)) {
        ImGui::TextColored(s.notice_is_error ? status_color(Status::fail) : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", s.notice.c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.notice.c_str());
      }
      ImGui::End();
      ImGui::PopStyleVar();
      ImGui::PopStyleColor();
      return;
    }
    std::string policy = s.report.policy_id.empty() ? std::string("no pack") : s.report.policy_id;
    if (!s.report.policy_version.empty()) policy += " v" + s.report.policy_version;
    ImGui::TextDisabled("Policy: %s", policy.c_str());
    const std::string ver = "reqcheck " + std::string(version());
    const float ver_x = ImGui::GetWindowWidth() - ImGui::CalcTextSize(ver.c_str()).x - ImGui::GetStyle().WindowPadding.x * 2;
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    if (notice_visible(s)) {
      // a long notice is cut where the version begins rather than drawn over it
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float right = ImGui::GetWindowPos().x + ver_x - ImGui::GetFontSize();
      ImGui::PushClipRect(at, ImVec2(std::max(at.x, right), at.y + ImGui::GetFrameHeight()), true);
      ImGui::TextColored(s.notice_is_error ? status_color(Status::fail) : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", s.notice.c_str());
      ImGui::PopClipRect();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.notice.c_str());
    }
    ImGui::SameLine(ver_x);
    ImGui::TextDisabled("%s", ver.c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace reqcheck::app
