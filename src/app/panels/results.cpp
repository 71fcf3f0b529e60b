// The results table of a batch: the progress of the run (requests done of all, rate, time
// left, Cancel), the export buttons, filters (verdict, failing rule, country) and one row per
// request, sortable, drawn through ImGuiListClipper so that 100,000 rows cost what the visible
// ones do. A click opens the row's report (rebuilt by the state); a double click also shows
// its text in the editor. The rows, filters and sort live in reqcheck_app_state (batch_run).
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include <imgui.h>

#include "panels/panels.hpp"

namespace reqcheck::app {
namespace {

/// Short verdict words for the table (the full labels are in the report).
const char* verdict_word(Verdict v) {
  switch (v) {
    case Verdict::meets_criteria: return "meets criteria";
    case Verdict::needs_review: return "needs review";
    case Verdict::does_not_meet: return "does not meet";
    case Verdict::invalid_input: return "invalid input";
  }
  return "";
}

const char* column_word(RowColumn c) {
  switch (c) {
    case RowColumn::file: return "file";
    case RowColumn::line: return "line";
    case RowColumn::reference: return "reference";
    case RowColumn::service: return "service";
    case RowColumn::country: return "country";
    case RowColumn::instrument: return "instrument";
    case RowColumn::verdict: return "verdict";
    case RowColumn::failed: return "failed";
    case RowColumn::review: return "review";
    case RowColumn::incomplete: return "incomplete";
    case RowColumn::first_rule: return "first_failing_rule";
    case RowColumn::count: break;
  }
  return "";
}

/// Tells the page the table's sort and first row (`#batch`), for automation.
void publish_view(AppUi& s) {
  std::string sort;
  for (const RowSort& k : s.results.sort) sort += (sort.empty() ? "" : ", ") + std::string(column_word(k.column)) + (k.descending ? " descending" : " ascending");
  if (sort.empty()) sort = "file order";
  const ResultRow* top = s.results.visible.empty() ? nullptr : &s.run.rows[s.results.visible.front()].row;
  s.platform->publish_results_view(sort, s.results.visible.size(), top ? top->line : 0, top ? report::to_string(top->verdict) : "",
                                   top ? top->reference : std::string());
}

/// Refreshes `s.results.visible` when the filter, the sort or the rows changed.
void refresh_visible(AppUi& s) {
  ResultsView& v = s.results;
  const BatchRun& run = s.run;
  const bool new_run = v.seen_started != run.started;
  const bool grew = v.seen_generation != run.generation;
  if (!v.dirty && !new_run && !grew) return;
  const double now = s.platform->now();
  const bool plain = v.sort.empty() && v.filter.verdict < 0 && v.filter.rule.empty() && v.filter.country.empty();
  if (!v.dirty && !new_run && plain && v.visible.size() <= run.rows.size()) {  // file order: append the new rows
    for (std::size_t i = v.visible.size(); i < run.rows.size(); ++i) v.visible.push_back(static_cast<std::uint32_t>(i));
  } else if (v.dirty || new_run || run.state != RunState::running || now - v.made_at >= results_resort_s) {
    v.visible = visible_rows(run, v.filter, v.sort);
    v.made_at = now;
  } else {
    return;  // sorted or filtered while the run goes on: again in a moment
  }
  v.dirty = false;
  v.seen_generation = run.generation;
  v.seen_started = run.started;
  publish_view(s);
}

void draw_progress(AppUi& s) {
  const BatchRun& run = s.run;
  const float fraction = run.total == 0 ? 1.0f : static_cast<float>(run.rows.size()) / static_cast<float>(run.total);
  char overlay[96];
  std::snprintf(overlay, sizeof overlay, "%zu of %zu requests", run.rows.size(), run.total);
  if (run.state == RunState::running) {
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetContentRegionAvail().x * 0.45f, 0), overlay);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%.0f a second, about %.0f s left", run_rate(run), run_seconds_left(run));
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) cancel_batch(s);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stop checking; the rows checked so far are kept");
  } else {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, verdict_color(run.worst));
    ImGui::ProgressBar(fraction, ImVec2(ImGui::CalcTextSize("0000000 of 0000000 requests").x, 0), overlay);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s", run_summary(run).c_str());
  }
}

void draw_exports(AppUi& s) {
  if (report_job_running(s)) {  // a whole-batch download or print being built
    const auto& job = s.report_job;
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "preparing: %zu of %zu reports", job.next, job.count);
    ImGui::ProgressBar(job.count ? static_cast<float>(job.next) / static_cast<float>(job.count) : 0.0f,
                       ImVec2(ImGui::GetContentRegionAvail().x * 0.45f, 0), overlay);
    ImGui::SameLine();
    if (ImGui::Button("Cancel##job")) cancel_report_job(s);
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Export:");
  const auto button = [&](const char* label, BatchExport what, const char* tip) {
    ImGui::SameLine();
    if (ImGui::SmallButton(label)) download_batch(s, what);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  };
  button("Results CSV", BatchExport::results_csv, "A row per request, as reqcheck check --format results-csv");
  button("Results JSON", BatchExport::results_json, "A row per request, as reqcheck check --format results-json");
  button("Tallies CSV", BatchExport::tally_csv, "Per quarter and country, as reqcheck tally --format csv");
  button("Tallies JSON", BatchExport::tally_json, "Per quarter and country, as reqcheck tally --format json");
  button("Reports NDJSON", BatchExport::reports_ndjson, "Every request's full report, one per line (checks the batch again)");
}

/// A combo over `values` (label, value) writing `*current`; returns true when it changed.
bool filter_combo(const char* label, std::string& current, const std::vector<std::pair<std::string, std::string>>& values, float width) {
  bool changed = false;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(width);
  ImGui::PushID(label);
  const std::string preview = current.empty() ? std::string("any") : current;
  if (ImGui::BeginCombo("##filter", preview.c_str())) {
    if (ImGui::Selectable("any", current.empty())) {
      current.clear();
      changed = true;
    }
    for (const auto& [text, value] : values) {
      if (ImGui::Selectable(text.c_str(), current == value)) {
        current = value;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

void draw_filters(AppUi& s) {
  RowFilter& f = s.results.filter;
  const float w = ImGui::CalcTextSize("does not meet").x + ImGui::GetFrameHeight() * 1.5f;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Filter: verdict");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w);
  const char* verdict_preview = f.verdict < 0 ? "any" : verdict_word(static_cast<Verdict>(f.verdict));
  if (ImGui::BeginCombo("##verdict", verdict_preview)) {
    if (ImGui::Selectable("any", f.verdict < 0)) {
      f.verdict = -1;
      s.results.dirty = true;
    }
    for (int v = 0; v < static_cast<int>(report::kVerdictCount); ++v) {
      const std::string label = std::string(verdict_word(static_cast<Verdict>(v))) + " (" + std::to_string(s.run.counts[static_cast<std::size_t>(v)]) + ")";
      if (ImGui::Selectable(label.c_str(), f.verdict == v)) {
        f.verdict = v;
        s.results.dirty = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  std::vector<std::pair<std::string, std::string>> rules;
  for (const auto& [rule, n] : s.run.tally.total().failed_rules) rules.emplace_back(rule + " (" + std::to_string(n) + ")", rule);
  if (filter_combo("rule", f.rule, rules, w)) s.results.dirty = true;
  ImGui::SameLine();
  std::set<std::string> countries;
  for (const auto& [key, counts] : s.run.tally.buckets()) countries.insert(key.second);
  std::vector<std::pair<std::string, std::string>> country_values;
  for (const auto& c : countries) country_values.emplace_back(c, c);
  if (filter_combo("country", f.country, country_values, ImGui::CalcTextSize("unknown").x + ImGui::GetFrameHeight() * 1.5f)) s.results.dirty = true;
}

struct Column {
  const char* name;
  RowColumn id;
  ImGuiTableColumnFlags flags;
  float width;  ///< in characters of the UI font (0: stretch)
};

constexpr Column columns[] = {
    {"File", RowColumn::file, ImGuiTableColumnFlags_None, 9},
    {"Line", RowColumn::line, ImGuiTableColumnFlags_DefaultSort, 5.5f},
    {"Reference", RowColumn::reference, ImGuiTableColumnFlags_None, 15},
    {"Verdict", RowColumn::verdict, ImGuiTableColumnFlags_None, 13},
    {"Failed", RowColumn::failed, ImGuiTableColumnFlags_None, 6},
    {"Review", RowColumn::review, ImGuiTableColumnFlags_None, 7.5f},
    {"Incomplete", RowColumn::incomplete, ImGuiTableColumnFlags_DefaultHide, 9},
    {"Country", RowColumn::country, ImGuiTableColumnFlags_None, 8.5f},
    {"Instrument", RowColumn::instrument, ImGuiTableColumnFlags_None, 12},
    {"Service", RowColumn::service, ImGuiTableColumnFlags_DefaultHide, 8},
    {"First failing rule", RowColumn::first_rule, ImGuiTableColumnFlags_None, 0},
};

/// A count: coloured when not zero.
void count_cell(int n, ImVec4 colour) {
  if (n > 0) ImGui::TextColored(colour, "%d", n);
  else ImGui::TextDisabled("0");
}

void draw_row(AppUi& s, std::uint32_t index) {
  const ResultRow& r = s.run.rows[index].row;
  ImGui::TableNextRow();
  for (int c = 0; c < static_cast<int>(sizeof columns / sizeof columns[0]); ++c) {
    if (!ImGui::TableSetColumnIndex(c) && c > 0) continue;  // hidden or scrolled away
    switch (columns[c].id) {
      case RowColumn::file: {
        // the first column carries the row's selectable, spanning every column
        ImGui::PushID(static_cast<int>(index));
        const bool selected = static_cast<int>(index) == s.batch_index;
        if (ImGui::Selectable(r.file.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
          show_batch_element(s, static_cast<int>(index));
          s.right_tab_switch = 0;
          if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) s.editor_tab_switch = true;
        }
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) ImGui::SetTooltip("Click: its report. Double-click: its text in the editor.");
        ImGui::PopID();
        break;
      }
      case RowColumn::line: ImGui::Text("%d", r.line); break;
      case RowColumn::reference: ImGui::TextUnformatted(r.reference.c_str()); break;
      case RowColumn::service: ImGui::TextUnformatted(r.service.c_str()); break;
      case RowColumn::country: ImGui::TextUnformatted(r.issuing_country.c_str()); break;
      case RowColumn::instrument: ImGui::TextUnformatted(r.instrument_type.c_str()); break;
      case RowColumn::verdict: ImGui::TextColored(verdict_color(r.verdict), "%s", verdict_word(r.verdict)); break;
      case RowColumn::failed: count_cell(r.failed, status_color(Status::fail)); break;
      case RowColumn::review: count_cell(r.review, status_color(Status::review)); break;
      case RowColumn::incomplete: count_cell(r.incomplete, status_color(Status::incomplete)); break;
      case RowColumn::first_rule: ImGui::TextUnformatted(r.first_failing_rule.c_str()); break;
      case RowColumn::count: break;
    }
  }
}

void draw_table(AppUi& s) {
  constexpr int n = static_cast<int>(sizeof columns / sizeof columns[0]);
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortMulti | ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersV | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_Hideable | ImGuiTableFlags_Reorderable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##results", n, flags, ImGui::GetContentRegionAvail())) return;
  const float ch = ImGui::CalcTextSize("0").x;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const Column& c : columns)
    ImGui::TableSetupColumn(c.name, c.flags | (c.width > 0 ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch),
                            c.width * ch, static_cast<ImGuiID>(c.id));
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsDirty) {
    s.results.sort.clear();
    for (int i = 0; i < specs->SpecsCount; ++i) {
      const ImGuiTableColumnSortSpecs& k = specs->Specs[i];
      s.results.sort.push_back({static_cast<RowColumn>(k.ColumnUserID), k.SortDirection == ImGuiSortDirection_Descending});
    }
    // line ascending is file order: no sort needed for it
    if (s.results.sort.size() == 1 && s.results.sort[0].column == RowColumn::line && !s.results.sort[0].descending) s.results.sort.clear();
    s.results.dirty = true;
    specs->SpecsDirty = false;
  }
  refresh_visible(s);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(s.results.visible.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) draw_row(s, s.results.visible[static_cast<std::size_t>(i)]);
  ImGui::EndTable();
}

}  // namespace

void draw_results(AppUi& s) {
  refresh_visible(s);  // before the counts above the table are drawn
  draw_progress(s);
  if (!s.run.rows.empty()) draw_exports(s);
  draw_filters(s);
  if (!s.results.visible.empty() || !s.run.rows.empty()) {
    const std::size_t shown = s.results.visible.size();
    if (shown != s.run.rows.size()) {
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%zu shown", shown);
    }
  }
  draw_table(s);
}

}  // namespace reqcheck::app
