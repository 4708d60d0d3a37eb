#pragma once

// The console's alarms, after ISA-18.2 and EEMUA 191: a few alarms that
// each call for an action, the cause first, in an upset too.
//
// Conditions (what is abnormal now) come from the chain and the network
// (alarmConditions); the board turns them into alarms:
//
//   - one alarm per kind of condition, whatever the number of its subjects
//     (a burst of one cause is one alarm with a count: "3 tie lines
//     congested"), so a flood cannot bury the cause;
//   - consequences fold into their cause: congestion and N-1 violations
//     between the zones a tripped tie line joined count under the trip's
//     alarm, not as alarms of their own, while the trip lasts;
//   - an alarm returns to normal only after its conditions have been absent
//     for Settings::clearDelayMs, so a chattering condition is one alarm;
//   - states: unacknowledged, acknowledged, shelved (for at most
//     Settings::maxShelveMs, then it returns as it stands), returned to
//     normal while unacknowledged (it stays until acknowledged);
//   - annunciations() counts every time an alarm is raised or raised
//     again: the rate EEMUA 191 bounds (at most 10 in the first 10
//     minutes of an upset).
//
// Deterministic: time arrives as an argument. Acknowledging and shelving
// are operator commands; the node checks and audits them (the board only
// keeps their effect).

#include "core/common/result.h"
#include "core/node/interface.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gtx::node {

enum class AlarmKind : std::uint8_t {
    FinalityStalled = 0,      // the Fast-final block is far behind the clock
    SafetyAlarm = 1,          // the consensus node raised a safety alarm (conflicting certificates, ...)
    TieLineOut = 2,           // a tie line out of service (a trip, or maintenance EGAT reports)
    LineCongested = 3,        // a tie line above its capacity
    CorridorN1 = 4,           // a corridor that fails N-1
    ConservationViolated = 5, // a zone's losses above the model's band
    TradingHalted = 6,        // trading halted in a zone or nationwide
    AuthorityLinkLost = 7,    // the link to an authority's node lost
    NewSlashingCase = 8,      // a slashing case recorded since the console started
};
inline constexpr int kAlarmKindCount = 9;

enum class AlarmPriority : std::uint8_t { High = 0, Medium = 1, Low = 2 };
enum class AlarmState : std::uint8_t { Unacknowledged = 0, Acknowledged = 1, Shelved = 2, ReturnedUnacknowledged = 3 };

AlarmPriority alarmPriority(AlarmKind kind);
std::string_view alarmKindName(AlarmKind kind);   // "tie-line-out", ...

// One abnormal fact now. `zones` are the zones it concerns (a tie line's
// two ends), used to fold consequences into their cause.
struct AlarmCondition
{
    AlarmKind kind = AlarmKind::FinalityStalled;
    std::string subject;              // a line's key, a zone, an authority's name, a case id
    std::vector<std::string> zones;
    bool operator==(const AlarmCondition &) const = default;
};

struct AlarmRow
{
    AlarmKind kind = AlarmKind::FinalityStalled;
    AlarmPriority priority = AlarmPriority::Medium;
    AlarmState state = AlarmState::Unacknowledged;
    bool active = true;                    // its conditions hold (or held within the clear delay)
    std::vector<std::string> subjects;     // its own conditions' subjects, sorted
    std::vector<std::string> consequences; // folded in: "line-congested:X", "corridor-n1:Y"
    std::int64_t raisedMs = 0;             // when it was last raised
    std::int64_t shelvedUntilMs = 0;       // while shelved
    std::uint32_t annunciations = 0;       // times raised
    bool operator==(const AlarmRow &) const = default;
};

class AlarmBoard
{
public:
    struct Settings
    {
        std::int64_t clearDelayMs = 60'000;
        std::int64_t maxShelveMs = 8 * 3'600'000;
    };

    AlarmBoard() = default;
    explicit AlarmBoard(Settings settings) : m_settings(settings) {}

    // The conditions that hold at `nowMs`; raises, re-raises, returns to
    // normal and ends shelving accordingly.
    void update(const std::vector<AlarmCondition> &conditions, std::int64_t nowMs);

    // Errors: "alarm.unknown", "alarm.shelve_too_long", "alarm.not_shelved".
    Status acknowledge(AlarmKind kind, std::int64_t nowMs);
    Status shelve(AlarmKind kind, std::int64_t untilMs, std::int64_t nowMs);
    Status unshelve(AlarmKind kind, std::int64_t nowMs);

    // Causes first: the active before those returned to normal, then by
    // priority, then in the order of AlarmKind (a trip before the
    // congestion it explains).
    std::vector<AlarmRow> rows() const;
    std::uint64_t annunciations() const { return m_annunciations; }

private:
    struct Entry
    {
        AlarmRow row;
        std::int64_t lastSeenMs = 0;
        AlarmState unshelvedState = AlarmState::Unacknowledged;
    };
    void raise(Entry &e, std::int64_t nowMs);

    Settings m_settings;
    std::map<AlarmKind, Entry> m_entries;
    std::uint64_t m_annunciations = 0;
};

// The conditions the chain and the network show now. `knownCases` are the
// slashing cases the console had seen when it started (none new among
// them); `stallMs` the finality lag that is an alarm.
struct AlarmThresholds
{
    std::int64_t finalityStallMs = 30'000;
};
std::vector<AlarmCondition> alarmConditions(const interfaces::ConsensusSnapshot &consensus,
                                            const interfaces::GridSnapshot &grid,
                                            const std::vector<std::string> &newCases,
                                            const AlarmThresholds &thresholds);

} // namespace gtx::node
