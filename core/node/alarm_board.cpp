#include "core/node/alarm_board.h"

#include <algorithm>
#include <array>
#include <set>

namespace gtx::node {

namespace {

constexpr std::array<std::string_view, kAlarmKindCount> kNames = {
    "finality-stalled", "safety-alarm",  "tie-line-out",        "line-congested",     "corridor-n1",
    "conservation",     "trading-halted", "authority-link-lost", "new-slashing-case"};

bool isConsequence(AlarmKind kind)
{
    return kind == AlarmKind::LineCongested || kind == AlarmKind::CorridorN1;
}

// The same two zones, in either direction: a parallel line, or the
// corridor the lines form.
bool sameZones(const AlarmCondition &a, const AlarmCondition &b)
{
    if (a.zones.empty() || a.zones.size() != b.zones.size())
        return false;
    for (const auto &z : a.zones)
        if (std::find(b.zones.begin(), b.zones.end(), z) == b.zones.end())
            return false;
    return true;
}

} // namespace

AlarmPriority alarmPriority(AlarmKind kind)
{
    switch (kind) {
    case AlarmKind::FinalityStalled:
    case AlarmKind::SafetyAlarm:
    case AlarmKind::TieLineOut:
        return AlarmPriority::High;
    case AlarmKind::LineCongested:
    case AlarmKind::CorridorN1:
    case AlarmKind::ConservationViolated:
    case AlarmKind::TradingHalted:
    case AlarmKind::AuthorityLinkLost:
        return AlarmPriority::Medium;
    case AlarmKind::NewSlashingCase:
        return AlarmPriority::Low;
    }
    return AlarmPriority::Medium;
}

std::string_view alarmKindName(AlarmKind kind)
{
    const auto i = static_cast<std::size_t>(kind);
    return i < kNames.size() ? kNames[i] : std::string_view("unknown");
}

void AlarmBoard::raise(Entry &e, std::int64_t nowMs)
{
    e.row.raisedMs = nowMs;
    e.row.active = true;
    ++e.row.annunciations;
    ++m_annunciations;
    if (e.row.state == AlarmState::Shelved)
        e.unshelvedState = AlarmState::Unacknowledged;   // shelved: quiet, but it needs acknowledging after
    else
        e.row.state = AlarmState::Unacknowledged;
}

void AlarmBoard::update(const std::vector<AlarmCondition> &conditions, std::int64_t nowMs)
{
    // Consequences that a tripped line explains fold into the trip.
    std::vector<const AlarmCondition *> trips;
    for (const auto &c : conditions)
        if (c.kind == AlarmKind::TieLineOut)
            trips.push_back(&c);
    std::map<AlarmKind, std::set<std::string>> subjects;
    std::set<std::string> consequences;
    for (const auto &c : conditions) {
        const bool explained = isConsequence(c.kind)
                               && std::any_of(trips.begin(), trips.end(),
                                              [&](const AlarmCondition *t) { return sameZones(*t, c); });
        if (explained)
            consequences.insert(std::string(alarmKindName(c.kind)) + ":" + c.subject);
        else
            subjects[c.kind].insert(c.subject);
    }

    for (auto &[kind, names] : subjects) {
        auto [it, fresh] = m_entries.try_emplace(kind);
        Entry &e = it->second;
        if (fresh) {
            e.row.kind = kind;
            e.row.priority = alarmPriority(kind);
        }
        const bool wasActive = !fresh && e.row.active;
        e.row.subjects.assign(names.begin(), names.end());
        e.lastSeenMs = nowMs;
        if (!wasActive)
            raise(e, nowMs);
    }
    if (auto trip = m_entries.find(AlarmKind::TieLineOut); trip != m_entries.end() && trip->second.row.active
                                                             && subjects.count(AlarmKind::TieLineOut))
        trip->second.row.consequences.assign(consequences.begin(), consequences.end());

    for (auto it = m_entries.begin(); it != m_entries.end();) {
        Entry &e = it->second;
        // Shelving ends at its time, the alarm as it stands.
        if (e.row.state == AlarmState::Shelved && nowMs >= e.row.shelvedUntilMs) {
            e.row.state = e.unshelvedState;
            e.row.shelvedUntilMs = 0;
        }
        // Return to normal once absent for the clear delay.
        if (e.row.active && !subjects.count(it->first) && nowMs - e.lastSeenMs >= m_settings.clearDelayMs) {
            e.row.active = false;
            if (e.row.state == AlarmState::Unacknowledged)
                e.row.state = AlarmState::ReturnedUnacknowledged;
            else if (e.row.state == AlarmState::Shelved && e.unshelvedState == AlarmState::Unacknowledged)
                e.unshelvedState = AlarmState::ReturnedUnacknowledged;
        }
        const bool done = !e.row.active
                          && (e.row.state == AlarmState::Acknowledged
                              || (e.row.state == AlarmState::Shelved && e.unshelvedState == AlarmState::Acknowledged));
        if (done)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

Status AlarmBoard::acknowledge(AlarmKind kind, std::int64_t nowMs)
{
    (void)nowMs;
    const auto it = m_entries.find(kind);
    if (it == m_entries.end())
        return makeError("alarm.unknown", "There is no such alarm.");
    Entry &e = it->second;
    if (e.row.state == AlarmState::Shelved) {
        e.unshelvedState = AlarmState::Acknowledged;
        return {};
    }
    if (!e.row.active) {
        m_entries.erase(it);   // returned to normal, now acknowledged: done
        return {};
    }
    e.row.state = AlarmState::Acknowledged;
    return {};
}

Status AlarmBoard::shelve(AlarmKind kind, std::int64_t untilMs, std::int64_t nowMs)
{
    const auto it = m_entries.find(kind);
    if (it == m_entries.end())
        return makeError("alarm.unknown", "There is no such alarm.");
    if (untilMs <= nowMs || untilMs - nowMs > m_settings.maxShelveMs)
        return makeError("alarm.shelve_too_long",
                         "An alarm is shelved for at most " + std::to_string(m_settings.maxShelveMs / 3'600'000)
                             + " hours.");
    Entry &e = it->second;
    if (e.row.state != AlarmState::Shelved)
        e.unshelvedState = e.row.state;
    e.row.state = AlarmState::Shelved;
    e.row.shelvedUntilMs = untilMs;
    return {};
}

Status AlarmBoard::unshelve(AlarmKind kind, std::int64_t nowMs)
{
    (void)nowMs;
    const auto it = m_entries.find(kind);
    if (it == m_entries.end() || it->second.row.state != AlarmState::Shelved)
        return makeError("alarm.not_shelved", "That alarm is not shelved.");
    it->second.row.state = it->second.unshelvedState;
    it->second.row.shelvedUntilMs = 0;
    return {};
}

std::vector<AlarmRow> AlarmBoard::rows() const
{
    std::vector<AlarmRow> out;
    for (const auto &[kind, e] : m_entries)
        out.push_back(e.row);
    std::stable_sort(out.begin(), out.end(), [](const AlarmRow &a, const AlarmRow &b) {
        if (a.active != b.active)
            return a.active;
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.kind < b.kind;
    });
    return out;
}

std::vector<AlarmCondition> alarmConditions(const interfaces::ConsensusSnapshot &consensus,
                                            const interfaces::GridSnapshot &grid,
                                            const std::vector<std::string> &newCases,
                                            const AlarmThresholds &thresholds)
{
    std::vector<AlarmCondition> out;
    if (consensus.joined) {
        if (consensus.finalityLagSeconds() * 1000.0 >= double(thresholds.finalityStallMs))
            out.push_back({AlarmKind::FinalityStalled, "fast", {}});
        if (consensus.safetyAlarms > 0)
            out.push_back({AlarmKind::SafetyAlarm, std::to_string(consensus.safetyAlarms), {}});
        for (const auto &l : consensus.links)
            if (l.kind == interfaces::LinkKind::Authority && l.health == interfaces::LinkHealth::Lost)
                out.push_back({AlarmKind::AuthorityLinkLost, l.authorityName.empty() ? l.key : l.authorityName, {}});
    }
    if (grid.joined) {
        for (const auto &line : grid.lines) {
            const std::vector<std::string> ends = {line.fromZone, line.toZone};
            if (line.outOfService)
                out.push_back({AlarmKind::TieLineOut, line.key, ends});
            else if (line.congested)
                out.push_back({AlarmKind::LineCongested, line.key, ends});
            if (line.n1Violated)
                out.push_back({AlarmKind::CorridorN1, line.corridor.empty() ? line.key : line.corridor, ends});
        }
        if (grid.nationwideHalt)
            out.push_back({AlarmKind::TradingHalted, "nationwide", {}});
        for (const auto &z : grid.zones) {
            if (z.halted && !grid.nationwideHalt)
                out.push_back({AlarmKind::TradingHalted, z.key, {z.key}});
            if (z.conservation == interfaces::Conservation::LossesHigh)
                out.push_back({AlarmKind::ConservationViolated, z.key, {z.key}});
        }
    }
    for (const auto &c : newCases)
        out.push_back({AlarmKind::NewSlashingCase, c, {}});
    return out;
}

} // namespace gtx::node
