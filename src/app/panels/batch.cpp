// The batch line above the report when the check holds several requests: which row's report
// is shown (file, line, its place in the table), buttons for the previous and next rows, and
// the run's progress while it goes on. The rows themselves are in the Results tab (results.cpp).
#include <string>

#include <imgui.h>

#include "panels/panels.hpp"

namespace reqcheck::app {

void draw_batch_bar(AppUi& s) {
  if (!is_batch(s)) return;
  const BatchRun& run = s.run;
  ImGui::AlignTextToFramePadding();
  if (run.state == RunState::running) {
    const float fraction = run.total == 0 ? 1.0f : static_cast<float>(run.rows.size()) / static_cast<float>(run.total);
    ImGui::Text("Checking the batch:");
    ImGui::SameLine();
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetContentRegionAvail().x * 0.5f, 0));
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel")) cancel_batch(s);
  } else if (report_job_running(s)) {
    ImGui::Text("Preparing the batch's reports: %zu of %zu", s.report_job.next, s.report_job.count);
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel##job")) cancel_report_job(s);
  } else {
    ImGui::TextWrapped("Batch: %s. Worst verdict: %s.", run_summary(run).c_str(), std::string(report::verdict_label(run.worst)).c_str());
  }
  if (s.batch_index >= 0 && s.batch_index < static_cast<int>(run.rows.size())) {
    const ResultRow& r = run.rows[static_cast<std::size_t>(s.batch_index)].row;
    ImGui::BeginDisabled(s.batch_index <= 0);
    if (ImGui::ArrowButton("##previous", ImGuiDir_Left)) show_batch_element(s, s.batch_index - 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(s.batch_index + 1 >= static_cast<int>(run.rows.size()));
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) show_batch_element(s, s.batch_index + 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Request %d of %zu: %s, line %d%s%s", s.batch_index + 1, run.total, r.file.c_str(), r.line, r.reference.empty() ? "" : ", ",
                r.reference.c_str());
  }
  ImGui::Separator();
}

}  // namespace reqcheck::app
